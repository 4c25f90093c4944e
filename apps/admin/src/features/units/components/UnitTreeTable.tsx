import { useTranslation } from 'react-i18next';
import type { TUnit } from '@asah/contracts/units';
import type { UnitNode } from '../unit-tree';

interface UnitTreeTableProps {
  /** Rows to show, already in tree order (collapsed branches and filtered-out units removed). */
  rows: readonly UnitNode[];
  isOpen: (id: string) => boolean;
  onToggle: (id: string) => void;
  onAddChild: (parent: TUnit) => void;
  onEdit: (unit: TUnit) => void;
  onDelete: (unit: TUnit) => void;
  /** While searching every branch is open and the toggles are hidden. */
  searching: boolean;
}

/** The unit tree as a table: indentation and a toggle per branch, one row per unit. */
export function UnitTreeTable({ rows, isOpen, onToggle, onAddChild, onEdit, onDelete, searching }: UnitTreeTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('units.tableCaption')}>
      <table className="table tree-table">
        <caption className="sr-only">{t('units.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('units.name')}</th>
            <th scope="col">{t('units.code')}</th>
            <th scope="col" className="num">
              {t('units.employees')}
            </th>
            <th scope="col" className="actions">
              {t('common.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((node) => {
            const { unit } = node;
            const hasChildren = node.children.length > 0;
            const open = isOpen(unit.id);
            return (
              <tr key={unit.id} data-depth={node.depth}>
                <th scope="row" className="tree-cell">
                  <span className="tree-name" style={{ paddingLeft: `${node.depth * 1.5}rem` }}>
                    {hasChildren && !searching ? (
                      <button
                        type="button"
                        className="tree-toggle"
                        aria-expanded={open}
                        aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
                        onClick={() => onToggle(unit.id)}
                      >
                        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                          <path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                        </svg>
                      </button>
                    ) : (
                      <span className="tree-spacer" aria-hidden="true" />
                    )}
                    <span>
                      {unit.name}
                      {hasChildren && (
                        <span className="cell-sub">{t('units.subunitCount', { count: node.children.length })}</span>
                      )}
                    </span>
                  </span>
                </th>
                <td className="nowrap">
                  <code>{unit.code}</code>
                </td>
                <td className="num">
                  {unit.employeeCount}
                  {hasChildren && node.totalEmployees !== unit.employeeCount && (
                    <span className="cell-sub">{t('units.totalWithSubunits', { count: node.totalEmployees })}</span>
                  )}
                </td>
                <td className="actions">
                  <span className="button-row row-actions">
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() => onAddChild(unit)}
                      aria-label={t('units.addChildNamed', { name: unit.name })}
                    >
                      {t('units.addChild')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() => onEdit(unit)}
                      aria-label={t('common.editNamed', { name: unit.name })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-link-danger btn-sm"
                      onClick={() => onDelete(unit)}
                      aria-label={t('common.deleteNamed', { name: unit.name })}
                    >
                      {t('common.delete')}
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
