import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CERTIFICATE_STATUSES, ZCertificateStatus } from '@asah/contracts/certificates';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CertificatesNav } from '../features/certificates/components/CertificatesNav';
import { CertificatesTable } from '../features/certificates/components/CertificatesTable';
import { useCertificates } from '../features/certificates/hooks/use-certificates';
import '../features/certificates/certificates.css';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function CertificatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.title'), t('portal.name'));
  const { values, page, update } = useListParams(['q', 'status'] as const);
  const certificates = useCertificates({
    q: values.q || undefined,
    status: ZCertificateStatus.safeParse(values.status).data,
    page,
    pageSize: PAGE_SIZE,
  });
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(certificates.data?.total, PAGE_SIZE, page, goToPage);
  const filtered = values.q !== '' || values.status !== '';
  const issue = (
    <Link to="/sertifikat/terbitkan" className="btn btn-primary">
      {t('certificates.issue.action')}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('certificates.title')} description={t('certificates.list.description')} actions={issue} />
      <CertificatesNav />
      <AgencyRequired>
        <div className="toolbar">
          <SearchField label={t('certificates.list.search')} value={values.q} onChange={(q) => update({ q })} placeholder={t('certificates.list.searchPlaceholder')} />
          <SelectField label={t('common.status')} name="status" value={values.status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {CERTIFICATE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`certificates.status.${status}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {certificates.isError && <ErrorBanner error={certificates.error} onRetry={() => void certificates.refetch()} />}
        {certificates.isPending && <LoadingState />}
        {certificates.data && certificates.data.total === 0 && (
          <EmptyState
            title={filtered ? t('certificates.list.noMatch') : t('certificates.list.emptyTitle')}
            description={<p>{filtered ? t('common.tryOtherFilters') : t('certificates.list.emptyBody')}</p>}
            action={filtered ? undefined : issue}
          />
        )}
        {certificates.data && certificates.data.total > 0 && (
          <>
            <CertificatesTable rows={certificates.data.items} busy={certificates.isPlaceholderData} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={certificates.data.total} onPageChange={goToPage} />
          </>
        )}
      </AgencyRequired>
    </>
  );
}
