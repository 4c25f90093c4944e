import { useTranslation } from 'react-i18next';
import type { TBulkEnrolRow } from '@asah/contracts/enrolments';

const GOOD = new Set(['enrolled', 'waitlisted', 'already_enrolled']);

/** What happened to the one person just enrolled, as a sentence. */
export function OutcomeBanner({ row }: { row: TBulkEnrolRow }) {
  const { t } = useTranslation();
  const good = GOOD.has(row.outcome);
  return (
    <div className={good ? 'banner banner-success' : 'banner banner-warning'} role="status">
      <p>{t(`bulk.outcomeSentence.${row.outcome}`, { name: row.name ?? row.nip ?? '' })}</p>
    </div>
  );
}
