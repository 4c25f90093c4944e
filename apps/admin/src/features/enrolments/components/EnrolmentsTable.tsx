import { useTranslation } from 'react-i18next';
import { WITHDRAWABLE_STATUSES, type TEnrolmentRow } from '@asah/contracts/enrolments';
import { DataTable, type Column } from '@asah/ui/components/DataTable';
import { Nip } from '@asah/ui/components/Nip';
import { formatDay } from '../format';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';

interface EnrolmentsTableProps {
  rows: readonly TEnrolmentRow[];
  busy: boolean;
  /** Admins act on rows; instructors only read. */
  canManage: boolean;
  onWithdraw: (row: TEnrolmentRow) => void;
  onComplete: (row: TEnrolmentRow) => void;
}

const withdrawable = new Set<string>(WITHDRAWABLE_STATUSES);
const completable = new Set<string>(['approved', 'active']);

export function EnrolmentsTable({ rows, busy, canManage, onWithdraw, onComplete }: EnrolmentsTableProps) {
  const { t, i18n } = useTranslation();
  const columns: Column<TEnrolmentRow>[] = [
    {
      id: 'name',
      header: t('enrolments.learner'),
      cell: (row) => (
        <>
          <span className="cell-strong">{row.learner.name}</span>
          {row.learner.nip && (
            <span className="cell-sub">
              <Nip value={row.learner.nip} />
            </span>
          )}
        </>
      ),
    },
    {
      id: 'unit',
      header: t('enrolments.unit'),
      cell: (row) => (
        <>
          {row.learner.unit?.name ?? t('common.none')}
          {row.learner.position && <span className="cell-sub">{row.learner.position.name}</span>}
        </>
      ),
    },
    { id: 'cohort', header: t('enrolments.cohort'), cell: (row) => row.cohort?.name ?? t('common.none') },
    {
      id: 'status',
      header: t('common.status'),
      className: 'nowrap',
      cell: (row) => <EnrolmentStatusBadge status={row.status} waitlistPosition={row.waitlistPosition} />,
    },
    { id: 'method', header: t('enrolments.method'), cell: (row) => t(`enrolments.methods.${row.method}`) },
    { id: 'deadline', header: t('enrolments.deadline'), className: 'nowrap', cell: (row) => (row.deadline ? formatDay(row.deadline, i18n.language) : t('common.none')) },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: <span className="sr-only">{t('common.actions')}</span>,
      cell: (row) => (
        <div className="row-actions">
          {completable.has(row.status) && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => onComplete(row)} aria-label={t('enrolments.completeNamed', { name: row.learner.name })}>
              {t('enrolments.complete')}
            </button>
          )}
          {withdrawable.has(row.status) && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => onWithdraw(row)} aria-label={t('enrolments.withdrawNamed', { name: row.learner.name })}>
              {t('enrolments.withdraw')}
            </button>
          )}
        </div>
      ),
    });
  }
  return <DataTable caption={t('enrolments.tableCaption')} columns={columns} rows={rows} rowKey={(row) => row.id} busy={busy} />;
}
