import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { TemplateDesigner } from '../features/certificates/components/TemplateDesigner';
import { fromTemplate, starterDesign } from '../features/certificates/designer-model';
import { useTemplate } from '../features/certificates/hooks/use-templates';

/** `/sertifikat/templat/baru` starts a new design; `/sertifikat/templat/:id` edits a saved one. */
export function CertificateTemplateRoute() {
  const { t } = useTranslation();
  const { templateId = 'baru' } = useParams();
  const isNew = templateId === 'baru';
  const template = useTemplate(isNew ? undefined : templateId);
  const title = isNew ? t('certificates.templates.newTitle') : (template.data?.name ?? t('certificates.templates.title'));
  useDocumentTitle(title, t('portal.name'));
  const starter = useMemo(() => starterDesign(t('certificates.templates.defaultName')), [t]);

  const back = (
    <Link to="/sertifikat/templat" className="back-link">
      {t('certificates.templates.back')}
    </Link>
  );
  if (!isNew && template.isPending) return <LoadingState />;
  if (!isNew && template.isError) return <ErrorBanner error={template.error} onRetry={() => void template.refetch()} />;
  return (
    <>
      {back}
      <PageHeader title={title} description={t('certificates.designer.description')} />
      {isNew ? (
        <TemplateDesigner key="new" initial={starter} />
      ) : (
        template.data && <TemplateDesigner key={template.data.id} template={template.data} initial={fromTemplate(template.data)} />
      )}
    </>
  );
}
