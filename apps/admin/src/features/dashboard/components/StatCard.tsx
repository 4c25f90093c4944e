import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface StatCardProps {
  label: string;
  value: number | undefined;
  to: string;
  testId: string;
}

export function StatCard({ label, value, to, testId }: StatCardProps) {
  const { i18n } = useTranslation();
  return (
    <Link to={to} className="stat" data-testid={testId}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">{value === undefined ? '…' : value.toLocaleString(i18n.language)}</p>
    </Link>
  );
}
