import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPositionWorkload } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { formatJp } from '../format';
import { useSetWorkloadTasks, useWorkloadTasks } from '../hooks/use-workload';

interface TaskDraft {
  key: number;
  name: string;
  yearlyVolume: string;
  standardMinutes: string;
}

/** The tasks of one position in one unit: yearly volume × standard minutes, saved as a whole list. */
export function WorkloadTasksDialog({ target, unitName, onClose }: { target: TPositionWorkload | null; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={target !== null} size="lg" title={t('competency.workload.tasksTitle', { position: target?.position.name, unit: unitName })} onClose={onClose}>
      {target && <TasksEditor target={target} onClose={onClose} />}
    </Modal>
  );
}

let nextKey = 1;

function TasksEditor({ target, onClose }: { target: TPositionWorkload; onClose: () => void }) {
  const { t } = useTranslation();
  const tasks = useWorkloadTasks({ unitId: target.unitId, positionId: target.position.id });
  if (tasks.isPending) return <LoadingState />;
  if (tasks.isError) return <ErrorBanner error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <TasksForm
      target={target}
      initial={tasks.data.items.map((task) => ({
        key: nextKey++,
        name: task.name,
        yearlyVolume: String(task.yearlyVolume),
        standardMinutes: String(task.standardMinutes),
      }))}
      onClose={onClose}
      emptyHint={t('competency.workload.noTasks')}
    />
  );
}

function TasksForm({ target, initial, onClose, emptyHint }: { target: TPositionWorkload; initial: TaskDraft[]; onClose: () => void; emptyHint: string }) {
  const { t } = useTranslation();
  const save = useSetWorkloadTasks();
  const [rows, setRows] = useState<TaskDraft[]>(initial);
  const hours = (row: TaskDraft) => (Number(row.yearlyVolume) * Number(row.standardMinutes)) / 60;
  const total = rows.reduce((sum, row) => sum + (Number.isFinite(hours(row)) ? hours(row) : 0), 0);
  const change = (key: number, patch: Partial<TaskDraft>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        unitId: target.unitId,
        positionId: target.position.id,
        tasks: rows.map((row) => ({ name: row.name.trim(), yearlyVolume: Number(row.yearlyVolume), standardMinutes: Number(row.standardMinutes) })),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {save.isError && <ErrorBanner error={save.error} />}
      {rows.length === 0 && <p className="muted">{emptyHint}</p>}
      {rows.length > 0 && (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('competency.workload.task')}</th>
              <th scope="col">{t('competency.workload.volume')}</th>
              <th scope="col">{t('competency.workload.minutes')}</th>
              <th scope="col" className="num">
                {t('competency.workload.hours')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                <td>
                  <input
                    className="input"
                    aria-label={t('competency.workload.taskN', { n: index + 1 })}
                    value={row.name}
                    onChange={(event) => change(row.key, { name: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    type="number"
                    min={0}
                    aria-label={t('competency.workload.volumeN', { n: index + 1 })}
                    value={row.yearlyVolume}
                    onChange={(event) => change(row.key, { yearlyVolume: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    type="number"
                    min={1}
                    aria-label={t('competency.workload.minutesN', { n: index + 1 })}
                    value={row.standardMinutes}
                    onChange={(event) => change(row.key, { standardMinutes: event.target.value })}
                  />
                </td>
                <td className="num">{Number.isFinite(hours(row)) ? formatJp(hours(row)) : '–'}</td>
                <td>
                  <button type="button" className="btn btn-link-danger btn-sm" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>{t('competency.workload.totalHours', { hours: formatJp(total) })}</strong>
      </p>
      <div>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => setRows([...rows, { key: nextKey++, name: '', yearlyVolume: '', standardMinutes: '' }])}
        >
          {t('competency.workload.addTask')}
        </button>
      </div>
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
