import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPositionWorkload, TWorkloadTotals } from '@asah/contracts/competency';
import { DataTable } from '@asah/ui/components/DataTable';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { WorkloadTasksDialog } from '../features/competency/components/WorkloadTasksDialog';
import { formatJp } from '../features/competency/format';
import { useWorkload, useWorkloadExportUrl } from '../features/competency/hooks/use-workload';
import '../features/competency/competency.css';

export function WorkloadRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.workload.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.workload.title')} description={t('competency.workload.description')} actions={<ExportLink />} />
      <AgencyRequired>
        <WorkloadPage />
      </AgencyRequired>
    </>
  );
}

function ExportLink() {
  const { t } = useTranslation();
  return (
    <a className="btn btn-secondary" href={useWorkloadExportUrl()} download>
      {t('competency.workload.export')}
    </a>
  );
}

/** Difference with its sign and in words: "−2 (kurang)", never colour alone. */
function Difference({ value, status }: { value: number; status: TWorkloadTotals['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`kc-${status}`}>
      {value > 0 ? `+${value}` : value === 0 ? '0' : `−${Math.abs(value)}`} ({t(`competency.workload.status.${status}`)})
    </span>
  );
}

function WorkloadPage() {
  const { t } = useTranslation();
  const report = useWorkload();
  const [editing, setEditing] = useState<TPositionWorkload | null>(null);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorBanner error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  const unitName = new Map(data.units.map((row) => [row.unit.id, row.unit.name]));
  if (data.positions.length === 0) {
    return <EmptyState title={t('competency.workload.emptyTitle')} description={<p>{t('competency.workload.emptyBody')}</p>} />;
  }

  return (
    <div className="stack">
      <p className="muted">
        {t('competency.workload.basis', { hours: formatJp(data.effectiveHoursPerYear), rounding: t(`competency.workload.rounding.${data.staffRounding.mode}`) })}
      </p>
      <dl className="report-facts">
        {(['staffNeeded', 'staffInPost', 'shortage', 'excess'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`competency.workload.totals.${key}`)}</dt>
            <dd data-testid={`workload-${key}`}>{data.total[key]}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('competency.workload.perUnit')}</h2>
      <DataTable
        caption={t('competency.workload.perUnit')}
        className="table-compact"
        rows={data.units}
        rowKey={(row) => row.unit.id}
        columns={[
          {
            id: 'unit',
            header: t('competency.workload.unit'),
            cell: (row) => <span style={{ paddingLeft: `${row.depth * 16}px` }}>{row.unit.name}</span>,
          },
          { id: 'hours', header: t('competency.workload.hours'), className: 'num', cell: (row) => formatJp(row.subtree.workloadHours) },
          { id: 'needed', header: t('competency.workload.needed'), className: 'num', cell: (row) => row.subtree.staffNeeded },
          { id: 'inPost', header: t('competency.workload.inPost'), className: 'num', cell: (row) => row.subtree.staffInPost },
          { id: 'difference', header: t('competency.workload.difference'), className: 'num nowrap', cell: (row) => <Difference value={row.subtree.difference} status={row.subtree.status} /> },
        ]}
      />
      <h2>{t('competency.workload.perPosition')}</h2>
      <DataTable
        caption={t('competency.workload.perPosition')}
        className="table-compact"
        rows={data.positions}
        rowKey={(row) => `${row.unitId}|${row.position.id}`}
        columns={[
          {
            id: 'position',
            header: t('competency.workload.position'),
            cell: (row) => (
              <>
                <span className="cell-strong">{row.position.name}</span>
                <span className="cell-sub">{unitName.get(row.unitId)}</span>
              </>
            ),
          },
          { id: 'tasks', header: t('competency.workload.tasks'), className: 'num', cell: (row) => row.taskCount },
          { id: 'hours', header: t('competency.workload.hours'), className: 'num', cell: (row) => formatJp(row.workloadHours) },
          {
            id: 'needed',
            header: t('competency.workload.needed'),
            className: 'num',
            cell: (row) => (
              <>
                {row.staffNeeded}
                <span className="cell-sub">{formatJp(row.staffNeededExact)}</span>
              </>
            ),
          },
          { id: 'inPost', header: t('competency.workload.inPost'), className: 'num', cell: (row) => row.staffInPost },
          { id: 'difference', header: t('competency.workload.difference'), className: 'num nowrap', cell: (row) => <Difference value={row.difference} status={row.status} /> },
          {
            id: 'actions',
            header: <span className="sr-only">{t('common.actions')}</span>,
            cell: (row) => (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                aria-label={t('competency.workload.editTasksFor', { position: row.position.name })}
                onClick={() => setEditing(row)}
              >
                {t('competency.workload.editTasks')}
              </button>
            ),
          },
        ]}
      />
      <WorkloadTasksDialog target={editing} unitName={editing ? (unitName.get(editing.unitId) ?? '') : ''} onClose={() => setEditing(null)} />
    </div>
  );
}
