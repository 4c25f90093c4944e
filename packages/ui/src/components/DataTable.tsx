import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** e.g. `num` right-aligns counts, `nowrap` keeps NIPs and badges on one line. */
  className?: string;
}

interface DataTableProps<T> {
  /** Names the table for screen readers (visually hidden). */
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  /** Rows are dimmed while the next page loads, so the layout does not jump. */
  busy?: boolean;
  rowClassName?: (row: T) => string | undefined;
  className?: string;
}

export function DataTable<T>({ caption, columns, rows, rowKey, empty, busy = false, rowClassName, className }: DataTableProps<T>) {
  const { t } = useTranslation();
  if (rows.length === 0 && !busy) return <>{empty ?? <p className="table-empty">{t('table.empty')}</p>}</>;
  return (
    // Focusable so keyboard users can scroll a wide table on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption} aria-busy={busy}>
      <table className={['table', busy ? 'table-busy' : null, className].filter(Boolean).join(' ')}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.id} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
