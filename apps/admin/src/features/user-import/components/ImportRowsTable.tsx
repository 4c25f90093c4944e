import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportRow } from '@asah/contracts/user-import';
import { formatNip } from '@asah/contracts/nip';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { Pagination } from '@asah/ui/components/Pagination';
import { fieldProblemMessage } from '@asah/ui/errors';
import { IMPORT_COLUMN_ORDER } from '../import-csv';

const PAGE_SIZE = 50;

interface ImportRowsTableProps {
  rows: readonly TImportRow[];
  caption: string;
}

/** One line per CSV record: values as read, a status badge and the translated problems per field. */
export function ImportRowsTable({ rows, caption }: ImportRowsTableProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const fieldLabel = (field: string) => t(`userImport.fields.${field}`, { defaultValue: field });

  return (
    <>
      <DataTable
        caption={caption}
        className="table-compact"
        rows={visible}
        rowKey={(row) => String(row.line)}
        rowClassName={(row) => (row.status === 'invalid' ? 'row-invalid' : undefined)}
        columns={[
          { id: 'line', header: t('userImport.line'), cell: (row) => row.line, className: 'num' },
          ...IMPORT_COLUMN_ORDER.map((column) => ({
            id: column,
            header: fieldLabel(column),
            className: column === 'nip' ? 'nowrap' : undefined,
            cell: (row: TImportRow) => {
              const value = row.values[column];
              if (!value) return <span className="muted">{t('common.none')}</span>;
              return column === 'nip' ? <span className="nip">{formatNip(value)}</span> : value;
            },
          })),
          {
            id: 'status',
            header: t('common.status'),
            cell: (row) =>
              row.status === 'valid' ? (
                <Badge tone="success">{t('userImport.valid')}</Badge>
              ) : (
                <Badge tone="danger">{t('userImport.invalid')}</Badge>
              ),
          },
          {
            id: 'errors',
            header: t('userImport.problems'),
            className: 'col-errors',
            cell: (row) =>
              row.errors.length === 0 ? (
                <span className="muted">{t('common.none')}</span>
              ) : (
                <ul className="error-list">
                  {row.errors.map((error, index) => (
                    <li key={`${error.field}-${index}`}>
                      <strong>{fieldLabel(error.field)}:</strong>{' '}
                      {fieldProblemMessage(t, error, ['importErrors', 'validation', 'errors'])}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {rows.length > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={rows.length} onPageChange={setPage} />}
    </>
  );
}
