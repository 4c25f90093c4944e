import { useTranslation } from 'react-i18next';
import { HEAT_BANDS, heatBand, type HeatCell } from '../heat';

export interface HeatmapRow {
  key: string;
  label: string;
  depth: number;
}

export interface HeatmapColumn {
  code: string;
  name: string;
}

interface NeedsHeatmapProps {
  rows: HeatmapRow[];
  columns: HeatmapColumn[];
  /** By `${rowKey}|${competencyCode}`; a missing cell counts nobody. */
  cells: ReadonlyMap<string, HeatCell>;
  selected?: { rowKey: string; code: string } | null;
  onSelect: (rowKey: string, code: string) => void;
}

export const cellKey = (rowKey: string, code: string) => `${rowKey}|${code}`;

/**
 * Competency × unit heatmap. Every cell prints its numbers (employees needing development of those
 * assessed), the colour only repeats the band from the legend, so it reads without colour too.
 * Cells are buttons: choosing one opens the employees, courses and JP behind it.
 */
export function NeedsHeatmap({ rows, columns, cells, selected, onSelect }: NeedsHeatmapProps) {
  const { t } = useTranslation();
  return (
    <div className="kc-heatmap-wrap">
      <HeatLegend />
      <div className="table-wrap">
        <table className="table kc-heatmap" aria-label={t('competency.needs.heatmapLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('competency.needs.unit')}</th>
              {columns.map((column) => (
                <th key={column.code} scope="col" className="kc-heat-col">
                  <abbr title={column.name}>{column.code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="kc-heat-rowhead" style={{ paddingLeft: `${12 + row.depth * 16}px` }}>
                  {row.label}
                </th>
                {columns.map((column) => {
                  const cell = cells.get(cellKey(row.key, column.code));
                  const band = heatBand(cell);
                  const isSelected = selected?.rowKey === row.key && selected.code === column.code;
                  return (
                    <td key={column.code} className={`kc-heat kc-heat-${band}`}>
                      {cell && cell.total > 0 ? (
                        <button
                          type="button"
                          className="kc-heat-btn"
                          aria-pressed={isSelected}
                          aria-label={t('competency.needs.cellLabel', {
                            unit: row.label,
                            competency: `${column.code} ${column.name}`,
                            count: cell.needsDevelopment,
                            total: cell.total,
                            major: cell.major,
                            unassessed: cell.unassessed,
                          })}
                          onClick={() => onSelect(row.key, column.code)}
                        >
                          <span className="kc-heat-num">{cell.needsDevelopment}</span>
                          <span className="kc-heat-of">/{cell.total}</span>
                        </button>
                      ) : (
                        <span className="kc-heat-empty">
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">{t('competency.needs.noneCounted')}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function HeatLegend() {
  const { t } = useTranslation();
  return (
    <div className="kc-legend" role="group" aria-label={t('competency.needs.legend')}>
      <span className="kc-legend-title">{t('competency.needs.legend')}:</span>
      {HEAT_BANDS.map((band) => (
        <span key={band} className="kc-legend-item">
          <i className={`kc-legend-swatch kc-heat-${band}`} aria-hidden="true" />
          {t(`competency.needs.bands.${band}`)}
        </span>
      ))}
      <span className="kc-legend-item muted">{t('competency.needs.cellHelp')}</span>
    </div>
  );
}
