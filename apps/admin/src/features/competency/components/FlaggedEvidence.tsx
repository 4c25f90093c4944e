import { useTranslation } from 'react-i18next';
import { formatNip } from '@asah/contracts/nip';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { useFlaggedEvidence } from '../hooks/use-settings';

/** Completed courses that point above an employee's assessed level: candidates for a reassessment. */
export function FlaggedEvidence() {
  const { t, i18n } = useTranslation();
  const flagged = useFlaggedEvidence();
  if (flagged.isError) return <ErrorBanner error={flagged.error} onRetry={() => void flagged.refetch()} />;
  if (!flagged.data || flagged.data.items.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="kc-flagged-title">
      <h2 id="kc-flagged-title" className="card-title">
        {t('competency.assessments.flaggedTitle', { count: flagged.data.items.length })}
      </h2>
      <p className="muted">{t('competency.assessments.flaggedHint')}</p>
      <DataTable
        caption={t('competency.assessments.flaggedTitle', { count: flagged.data.items.length })}
        className="table-compact"
        rows={flagged.data.items}
        rowKey={(row) => row.assessmentId}
        columns={[
          {
            id: 'employee',
            header: t('competency.needs.columns.employee'),
            cell: (row) => (
              <>
                <span className="cell-strong">{row.employee.name}</span>
                {row.employee.nip && <span className="cell-sub nip">{formatNip(row.employee.nip)}</span>}
              </>
            ),
          },
          { id: 'competency', header: t('competency.assessments.fields.competencyCode'), cell: (row) => row.competencyCode },
          {
            id: 'levels',
            header: t('competency.assessments.flaggedLevels'),
            className: 'nowrap',
            cell: (row) => t('competency.assessments.flaggedLevelsValue', { evidence: row.evidenceLevel, current: row.currentLevel ?? '–' }),
          },
          { id: 'course', header: t('competency.plan.course'), cell: (row) => row.course?.title ?? '–' },
          {
            id: 'date',
            header: t('competency.assessments.fields.assessedOn'),
            className: 'nowrap',
            cell: (row) => new Date(`${row.assessedOn}T00:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' }),
          },
        ]}
      />
    </section>
  );
}
