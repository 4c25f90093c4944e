import { useTranslation } from 'react-i18next';
import type { GapView } from '../profile-rows';

/** Four numbers above the chart: required, met, needing development, not assessed. */
export function ProfileSummary({ rows }: { rows: readonly GapView[] }) {
  const { t } = useTranslation();
  const count = (severity: GapView['severity'][]) => rows.filter((row) => severity.includes(row.severity)).length;
  const stats = [
    { key: 'required', value: rows.length },
    { key: 'met', value: count(['none']) },
    { key: 'gaps', value: count(['minor', 'major']) },
    { key: 'unassessed', value: count(['unassessed']) },
  ];
  return (
    <dl className="stat-grid kc-summary">
      {stats.map((stat) => (
        <div key={stat.key} className="stat" data-testid={`kc-stat-${stat.key}`}>
          <dt className="stat-label">{t(`competency.summary.${stat.key}`)}</dt>
          <dd className="stat-value">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
