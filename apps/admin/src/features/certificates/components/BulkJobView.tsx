import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BULK_ISSUE_OUTCOMES, type TBulkIssueOutcome, type TBulkJob } from '@asah/contracts/certificates';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Nip } from '@asah/ui/components/Nip';
import { Pagination } from '@asah/ui/components/Pagination';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { SelectField } from '@asah/ui/components/SelectField';
import { useBulkJobItems } from '../hooks/use-certificates';

const OUTCOME_TONE: Record<TBulkIssueOutcome, BadgeTone> = {
  issued: 'success',
  already_issued: 'info',
  not_completed: 'warning',
  unknown_nip: 'warning',
  invalid_nip: 'danger',
  duplicate: 'neutral',
  failed: 'danger',
};
const PAGE_SIZE = 50;

/** A bulk issuing job: its progress while it runs, then the result per person. */
export function BulkJobView({ job }: { job: TBulkJob }) {
  const { t, i18n } = useTranslation();
  const running = job.status === 'queued' || job.status === 'running';
  const percent = job.total === 0 ? (running ? 0 : 100) : Math.floor((job.processed / job.total) * 100);
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState<TBulkIssueOutcome | ''>('');
  const items = useBulkJobItems(job.id, page, PAGE_SIZE, outcome || undefined, !running);
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="job-progress-title">
        <h2 id="job-progress-title" className="card-title">
          {t('certificates.job.progressTitle')}
        </h2>
        <p>
          <Badge tone={job.status === 'completed' ? 'success' : job.status === 'failed' ? 'danger' : 'info'}>{t(`certificates.job.status.${job.status}`)}</Badge>{' '}
          <Link to={`/kursus/${job.course.id}`}>{job.course.title}</Link>
        </p>
        <ProgressBar
          label={t('certificates.job.progressLabel')}
          percent={job.status === 'queued' ? undefined : percent}
          detail={t('certificates.job.progressDetail', { processed: number(job.processed), total: number(job.total) })}
        />
        <div className="job-counts" data-testid="job-counts">
          {BULK_ISSUE_OUTCOMES.filter((o) => (job.counts[o] ?? 0) > 0).map((o) => (
            <Badge key={o} tone={OUTCOME_TONE[o]}>
              {t(`certificates.outcomes.${o}`)}: {number(job.counts[o] ?? 0)}
            </Badge>
          ))}
        </div>
        {job.status === 'completed' && (
          <p role="status" className="cell-strong">
            {t('certificates.job.done', { issued: number(job.counts.issued ?? 0), total: number(job.total) })}
          </p>
        )}
        {job.status === 'failed' && <ErrorBanner error={t('certificates.job.failed', { error: job.error ?? '' })} />}
      </section>

      {!running && (
        <section className="card" aria-labelledby="job-report-title">
          <h2 id="job-report-title" className="card-title">
            {t('certificates.job.reportTitle')}
          </h2>
          <div className="toolbar">
            <SelectField
              label={t('certificates.job.outcomeFilter')}
              name="outcome"
              value={outcome}
              onChange={(e) => {
                setOutcome(e.target.value as TBulkIssueOutcome | '');
                setPage(1);
              }}
            >
              <option value="">{t('common.all')}</option>
              {BULK_ISSUE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`certificates.outcomes.${o}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {items.isError && <ErrorBanner error={items.error} onRetry={() => void items.refetch()} />}
          {items.data && (
            <>
              <DataTable
                caption={t('certificates.job.reportTitle')}
                className="table-compact"
                rows={items.data.items}
                rowKey={(row) => String(row.position)}
                busy={items.isPlaceholderData}
                columns={[
                  { id: 'position', header: '#', className: 'num', cell: (row) => row.position },
                  {
                    id: 'person',
                    header: t('certificates.list.holder'),
                    className: 'col-wide',
                    cell: (row) => (
                      <>
                        <span className="cell-strong">{row.name ?? t('common.none')}</span>
                        <span className="cell-sub">
                          <Nip value={row.nip} />
                        </span>
                      </>
                    ),
                  },
                  {
                    id: 'outcome',
                    header: t('certificates.job.outcome'),
                    cell: (row) =>
                      row.outcome ? <Badge tone={OUTCOME_TONE[row.outcome]}>{t(`certificates.outcomes.${row.outcome}`)}</Badge> : t('certificates.job.pending'),
                  },
                  {
                    id: 'number',
                    header: t('certificates.list.number'),
                    className: 'nowrap',
                    cell: (row) => (row.certificateNumber ? <code className="code-cell">{row.certificateNumber}</code> : t('common.none')),
                  },
                ]}
              />
              <Pagination page={page} pageSize={PAGE_SIZE} total={items.data.total} onPageChange={setPage} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
