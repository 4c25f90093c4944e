import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CertificatesNav } from '../features/certificates/components/CertificatesNav';
import { TemplatesTable } from '../features/certificates/components/TemplatesTable';
import { useTemplates } from '../features/certificates/hooks/use-templates';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function CertificateTemplatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.templates.title'), t('portal.name'));
  const { page, update } = useListParams([] as const);
  const templates = useTemplates(page, PAGE_SIZE);
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(templates.data?.total, PAGE_SIZE, page, goToPage);
  const create = (
    <Link to="/sertifikat/templat/baru" className="btn btn-primary">
      {t('certificates.templates.create')}
    </Link>
  );
  return (
    <>
      <PageHeader title={t('certificates.title')} description={t('certificates.templates.description')} actions={create} />
      <CertificatesNav />
      <AgencyRequired>
        {templates.isError && <ErrorBanner error={templates.error} onRetry={() => void templates.refetch()} />}
        {templates.isPending && <LoadingState />}
        {templates.data && templates.data.total === 0 && (
          <EmptyState title={t('certificates.templates.emptyTitle')} description={<p>{t('certificates.templates.emptyBody')}</p>} action={create} />
        )}
        {templates.data && templates.data.total > 0 && (
          <>
            <TemplatesTable rows={templates.data.items} busy={templates.isPlaceholderData} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={templates.data.total} onPageChange={goToPage} />
          </>
        )}
      </AgencyRequired>
    </>
  );
}
