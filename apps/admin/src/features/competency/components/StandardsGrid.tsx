import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPETENCY_LEVELS, type TStandardRow, type TStandardsGrid } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { useSetStandard } from '../hooks/use-standards';

type Level = number | null;

/**
 * Positions × competencies. Each select shows the level that applies; a cell that differs from the
 * position type's default is an override (bold, with the default printed under it). Rows save one
 * at a time: the API replaces that position's overrides.
 */
export function StandardsGrid({ grid }: { grid: TStandardsGrid }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('competency.standards.gridLabel')}>
      <table className="table table-compact kc-grid">
        <caption className="sr-only">{t('competency.standards.gridLabel')}</caption>
        <thead>
          <tr>
            <th scope="col" className="kc-sticky">
              {t('competency.standards.position')}
            </th>
            {grid.competencies.map((competency) => (
              <th key={competency.code} scope="col">
                <abbr title={competency.name}>{competency.code}</abbr>
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <StandardRow key={row.position.id} row={row} competencies={grid.competencies} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StandardRow({ row, competencies }: { row: TStandardRow; competencies: TStandardsGrid['competencies'] }) {
  const { t } = useTranslation();
  const save = useSetStandard();
  const [edits, setEdits] = useState<Record<string, Level>>({});
  const dirty = Object.keys(edits).length > 0;
  const levelOf = (index: number): Level => {
    const cell = row.cells[index]!;
    return cell.competencyCode in edits ? edits[cell.competencyCode]! : cell.requiredLevel;
  };

  const submit = () => {
    const overrides = row.cells.flatMap((cell, index) => {
      const level = levelOf(index);
      return level === cell.defaultLevel ? [] : [{ competencyCode: cell.competencyCode, requiredLevel: level as 1 | 2 | 3 | 4 | 5 | null }];
    });
    save.mutate({ positionId: row.position.id, body: { overrides } }, { onSuccess: () => setEdits({}) });
  };

  return (
    <tr>
      <th scope="row" className="kc-sticky">
        <span className="cell-strong">{row.position.name}</span>
        <span className="cell-sub">
          {t(`positionTypes.${row.position.type}`)} · {t('competency.standards.employees', { count: row.employeeCount })}
        </span>
        {save.isError && <ErrorBanner error={save.error} />}
      </th>
      {row.cells.map((cell, index) => {
        const level = levelOf(index);
        // Only a cell with a type default can differ from it; functional and technical cells are set per position anyway.
        const overridden = cell.defaultLevel !== null && level !== cell.defaultLevel;
        const competency = competencies[index];
        return (
          <td key={cell.competencyCode} className={overridden ? 'kc-overridden' : undefined}>
            <select
              className="select kc-grid-select"
              aria-label={t('competency.standards.cellLabel', { position: row.position.name, competency: `${cell.competencyCode} ${competency?.name ?? ''}` })}
              value={level ?? ''}
              onChange={(event) => setEdits({ ...edits, [cell.competencyCode]: event.target.value === '' ? null : Number(event.target.value) })}
            >
              <option value="">–</option>
              {COMPETENCY_LEVELS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
            {overridden && (
              <span className="kc-default">{t('competency.standards.defaultIs', { level: cell.defaultLevel })}</span>
            )}
          </td>
        );
      })}
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={!dirty || save.isPending}
            aria-label={t('competency.standards.saveRow', { position: row.position.name })}
            onClick={submit}
          >
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
          {dirty && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEdits({})}>
              {t('competency.standards.undo')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
