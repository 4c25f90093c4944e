import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { BulkJobView } from '../features/certificates/components/BulkJobView';
import { useBulkJob } from '../features/certificates/hooks/use-certificates';
import '../features/certificates/certificates.css';

export function CertificateJobRoute() {
  const { t } = useTranslation();
  const { jobId = '' } = useParams();
  useDocumentTitle(t('certificates.job.title'), t('portal.name'));
  const job = useBulkJob(jobId);
  return (
    <>
      <Link to="/sertifikat/terbitkan" className="back-link">
        {t('certificates.job.back')}
      </Link>
      <PageHeader title={t('certificates.job.title')} />
      {job.isPending && <LoadingState />}
      {job.isError && <ErrorBanner error={job.error} onRetry={() => void job.refetch()} />}
      {job.data && <BulkJobView job={job.data} />}
    </>
  );
}
