import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDevelopmentLogRow } from '@asah/contracts/development-logs';
import { Badge } from '@asah/ui/components/Badge';
import { buildUrl } from '@asah/ui/api-client';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Nip } from '@asah/ui/components/Nip';
import { Pagination } from '@asah/ui/components/Pagination';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { DecisionDialog, type PendingDecision } from '../../approvals/components/DecisionDialog';
import { formatBytes, formatJp } from '../../courses/format';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';
import { formatDay } from '../../enrolments/format';
import { useDecideDevelopmentLog, useDevelopmentLogQueue } from '../hooks/use-development-log-queue';

const PAGE_SIZE = 20;

/** Non-classroom development logged by learners (coaching, magang, seminars elsewhere...) with their proof. */
export function DevelopmentLogRequests({ state }: { state: 'pending' | 'decided' }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const logs = useDevelopmentLogQueue({ state, page, pageSize: PAGE_SIZE });
  const decide = useDecideDevelopmentLog();
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [done, setDone] = useState<PendingDecision | null>(null);
  const language = i18n.language;
  const ask = (row: TDevelopmentLogRow, decision: PendingDecision['decision']) => setPending({ id: row.id, decision, name: row.learner.name, subject: row.title });

  const columns: Column<TDevelopmentLogRow>[] = [
    {
      id: 'learner',
      header: t('approvals.learner'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.learner.name}</span>
          <span className="cell-sub">
            <Nip value={row.learner.nip} />
          </span>
          {row.learner.unit && <span className="cell-sub">{row.learner.unit.name}</span>}
        </>
      ),
    },
    {
      id: 'activity',
      header: t('approvals.activity'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.title}</span>
          <span className="cell-sub">
            {t(`developmentForms.${row.form}`)}
            {row.organiser ? ` · ${row.organiser}` : ''}
          </span>
          <span className="cell-sub">
            {formatDay(row.startedOn, language)} – {formatDay(row.endedOn, language)}
          </span>
        </>
      ),
    },
    {
      id: 'jp',
      header: t('approvals.jp'),
      className: 'nowrap',
      cell: (row) => (
        <>
          {formatJp(row.jp, language)} JP
          {row.hours !== null && <span className="cell-sub">{t('approvals.hours', { hours: formatJp(row.hours, language) })}</span>}
        </>
      ),
    },
    {
      id: 'proof',
      header: t('approvals.proof'),
      cell: (row) => (
        <>
          <a href={buildUrl(enrolmentPaths.logProof(row.id))} target="_blank" rel="noreferrer">
            {row.proof.fileName}
          </a>
          <span className="cell-sub">{formatBytes(row.proof.sizeBytes, language)}</span>
        </>
      ),
    },
    state === 'pending'
      ? {
          id: 'actions',
          header: <span className="sr-only">{t('common.actions')}</span>,
          cell: (row) => (
            <div className="row-actions">
              <button type="button" className="btn btn-primary btn-sm" onClick={() => ask(row, 'approve')} aria-label={t('approvals.approveNamed', { name: row.learner.name })}>
                {t('approvals.approve')}
              </button>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => ask(row, 'reject')} aria-label={t('approvals.rejectNamed', { name: row.learner.name })}>
                {t('approvals.reject')}
              </button>
            </div>
          ),
        }
      : {
          id: 'status',
          header: t('common.status'),
          cell: (row) => (
            <>
              <Badge tone={row.status === 'approved' ? 'success' : row.status === 'rejected' ? 'danger' : 'neutral'}>{t(`approvals.logStatus.${row.status}`)}</Badge>
              {row.decisionReason && <span className="cell-sub">{row.decisionReason}</span>}
            </>
          ),
        },
  ];

  return (
    <>
      {done && <SuccessBanner>{t(done.decision === 'approve' ? 'approvals.approvedDone' : 'approvals.rejectedDone', { name: done.name })}</SuccessBanner>}
      {logs.isError && <ErrorBanner error={logs.error} onRetry={() => void logs.refetch()} />}
      {logs.isPending && <LoadingState />}
      {logs.data && logs.data.total === 0 && <EmptyState title={state === 'pending' ? t('approvals.noPendingLogs') : t('approvals.noDecided')} />}
      {logs.data && logs.data.total > 0 && (
        <>
          <DataTable caption={t('approvals.logsCaption')} columns={columns} rows={logs.data.items} rowKey={(row) => row.id} busy={logs.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={logs.data.total} onPageChange={setPage} />
        </>
      )}
      <DecisionDialog pending={pending} mutation={decide} onClose={() => setPending(null)} onDone={setDone} />
    </>
  );
}
