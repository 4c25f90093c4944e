import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { useDashboardCounts } from '../hooks/use-dashboard-counts';
import { StatCard } from './StatCard';

export function DashboardStats() {
  const { t } = useTranslation();
  const counts = useDashboardCounts();
  if (counts.isError) return <ErrorBanner error={counts.error} onRetry={() => void counts.refetch()} />;
  return (
    <div className="stat-grid">
      <StatCard label={t('dashboard.employees')} value={counts.data?.employees} to="/pegawai" testId="stat-employees" />
      <StatCard label={t('dashboard.units')} value={counts.data?.units} to="/unit-kerja" testId="stat-units" />
      <StatCard label={t('dashboard.positions')} value={counts.data?.positions} to="/jabatan" testId="stat-positions" />
    </div>
  );
}
