import { useTranslation } from 'react-i18next';
import { BULK_OUTCOMES, type TBulkEnrolReport, type TBulkEnrolRow, type TBulkOutcome } from '@asah/contracts/enrolments';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { Nip } from '@asah/ui/components/Nip';
import { downloadText, toCsv } from '@asah/ui/download';

export const OUTCOME_TONES: Record<TBulkOutcome, BadgeTone> = {
  enrolled: 'success',
  waitlisted: 'warning',
  already_enrolled: 'neutral',
  invalid_nip: 'danger',
  unknown_nip: 'danger',
  duplicate: 'neutral',
  inactive: 'danger',
  not_learner: 'danger',
  enrolled_elsewhere: 'warning',
};

/** The per-row report of a bulk enrolment (or of its dry run): counts per outcome, then every row. */
export function BulkReport({ report, fileName }: { report: TBulkEnrolReport; fileName: string }) {
  const { t } = useTranslation();
  const counts = BULK_OUTCOMES.filter((outcome) => (report.counts[outcome] ?? 0) > 0);
  const columns: Column<TBulkEnrolRow>[] = [
    { id: 'line', header: t('bulk.line'), className: 'num', cell: (row) => row.line ?? t('common.none') },
    { id: 'nip', header: t('bulk.nip'), className: 'nowrap', cell: (row) => (row.nip ? <Nip value={row.nip} /> : t('common.none')) },
    { id: 'name', header: t('bulk.name'), cell: (row) => row.name ?? <span className="muted">{t('common.none')}</span> },
    {
      id: 'outcome',
      header: t('bulk.outcome'),
      cell: (row) => (
        <>
          <Badge tone={OUTCOME_TONES[row.outcome]}>{t(`bulk.outcomes.${row.outcome}`)}</Badge>
          <span className="cell-sub">{t(`bulk.outcomeHints.${row.outcome}`)}</span>
        </>
      ),
    },
  ];
  const download = () =>
    downloadText(
      fileName,
      toCsv([
        [t('bulk.line'), t('bulk.nip'), t('bulk.name'), t('bulk.outcome')],
        ...report.rows.map((row) => [row.line === null ? '' : String(row.line), row.nip ?? '', row.name ?? '', t(`bulk.outcomes.${row.outcome}`)]),
      ]),
      { excelBom: true },
    );

  return (
    <section className="card" aria-labelledby="bulk-report-title">
      <h2 id="bulk-report-title" className="card-title">
        {report.dryRun ? t('bulk.reportDryRun') : t('bulk.reportDone')}
      </h2>
      <ul className="report-counts" aria-label={t('bulk.countsLabel')}>
        {counts.map((outcome) => (
          <li key={outcome} data-testid={`bulk-count-${outcome}`}>
            <Badge tone={OUTCOME_TONES[outcome]}>{t('bulk.countItem', { label: t(`bulk.outcomes.${outcome}`), count: report.counts[outcome] })}</Badge>
          </li>
        ))}
      </ul>
      {report.rows.length > 0 && (
        <>
          <DataTable caption={t('bulk.reportCaption')} columns={columns} rows={report.rows} rowKey={(row) => `${row.line ?? ''}-${row.userId ?? ''}-${row.nip ?? ''}`} rowClassName={(row) => (OUTCOME_TONES[row.outcome] === 'danger' ? 'row-invalid' : undefined)} />
          <div className="toolbar">
            <button type="button" className="btn btn-secondary btn-sm" onClick={download}>
              {t('bulk.downloadReport')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
