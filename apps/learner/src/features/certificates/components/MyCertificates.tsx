import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Pagination } from '@asah/ui/components/Pagination';
import { useMyCertificates } from '../hooks/use-certificates';
import { CertificateCard } from './CertificateCard';
import '../certificates.css';

const PAGE_SIZE = 20;

export function MyCertificates({ page, onPageChange }: { page: number; onPageChange: (page: number) => void }) {
  const { t } = useTranslation();
  const certificates = useMyCertificates(page, PAGE_SIZE);
  if (certificates.isPending) return <LoadingState />;
  if (certificates.isError) return <ErrorBanner error={certificates.error} onRetry={() => void certificates.refetch()} />;
  const { items, total } = certificates.data;
  if (total === 0) return <EmptyState title={t('certificates.emptyTitle')} description={<p>{t('certificates.emptyBody')}</p>} />;
  return (
    <>
      <div className="cert-list" aria-busy={certificates.isPlaceholderData}>
        {items.map((certificate) => (
          <CertificateCard key={certificate.id} certificate={certificate} />
        ))}
      </div>
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPageChange={onPageChange} />
    </>
  );
}
