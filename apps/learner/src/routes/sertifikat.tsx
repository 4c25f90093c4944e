import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { MyCertificates } from '../features/certificates/components/MyCertificates';

export function MyCertificatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.title'), t('portal.name'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const goToPage = useCallback((p: number) => setParams(p > 1 ? { page: String(p) } : {}), [setParams]);
  return (
    <>
      <PageHeader title={t('certificates.title')} description={t('certificates.description')} />
      <MyCertificates page={page} onPageChange={goToPage} />
    </>
  );
}
