import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEnrolmentRow } from '@asah/contracts/enrolments';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Nip } from '@asah/ui/components/Nip';
import { Pagination } from '@asah/ui/components/Pagination';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { formatDateTime } from '../../courses/format';
import { EnrolmentStatusBadge } from '../../enrolments/components/EnrolmentStatusBadge';
import { formatDay } from '../../enrolments/format';
import { useDecideEnrolment, useEnrolmentApprovals } from '../hooks/use-approvals';
import { DecisionDialog, type PendingDecision } from './DecisionDialog';

const PAGE_SIZE = 20;

/** Enrolment requests waiting for the caller (as unit head or admin), or decided already. */
export function EnrolmentRequests({ state }: { state: 'pending' | 'decided' }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const requests = useEnrolmentApprovals({ state, page, pageSize: PAGE_SIZE });
  const decide = useDecideEnrolment();
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [done, setDone] = useState<PendingDecision | null>(null);
  const ask = useCallback(
    (row: TEnrolmentRow, decision: PendingDecision['decision']) =>
      setPending({ id: row.id, decision, name: row.learner.name, subject: row.cohort ? `${row.course.title} (${row.cohort.name})` : row.course.title }),
    [],
  );

  const columns: Column<TEnrolmentRow>[] = [
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
      id: 'course',
      header: t('approvals.course'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.course.title}</span>
          {row.cohort && <span className="cell-sub">{row.cohort.name}</span>}
          {row.deadline && <span className="cell-sub">{t('approvals.deadline', { day: formatDay(row.deadline, i18n.language) })}</span>}
        </>
      ),
    },
    {
      id: 'reason',
      header: t('approvals.reason'),
      cell: (row) => (state === 'pending' ? row.requestReason : row.decisionReason) || <span className="muted">{t('common.none')}</span>,
    },
    {
      id: 'when',
      header: state === 'pending' ? t('approvals.requestedAt') : t('approvals.decidedAt'),
      className: 'nowrap',
      cell: (row) => formatDateTime(state === 'pending' ? row.requestedAt : (row.decidedAt ?? row.updatedAt), i18n.language),
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
      : { id: 'status', header: t('common.status'), cell: (row) => <EnrolmentStatusBadge status={row.status} /> },
  ];

  return (
    <>
      {done && <SuccessBanner>{t(done.decision === 'approve' ? 'approvals.approvedDone' : 'approvals.rejectedDone', { name: done.name })}</SuccessBanner>}
      {requests.isError && <ErrorBanner error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isPending && <LoadingState />}
      {requests.data && requests.data.total === 0 && (
        <EmptyState title={state === 'pending' ? t('approvals.noPendingEnrolments') : t('approvals.noDecided')} />
      )}
      {requests.data && requests.data.total > 0 && (
        <>
          <DataTable caption={t('approvals.enrolmentsCaption')} columns={columns} rows={requests.data.items} rowKey={(row) => row.id} busy={requests.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={requests.data.total} onPageChange={setPage} />
        </>
      )}
      <DecisionDialog pending={pending} mutation={decide} onClose={() => setPending(null)} onDone={setDone} />
    </>
  );
}
