import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAssessmentImportReport, TAssessmentImportRow } from '@asah/contracts/competency';
import { formatNip } from '@asah/contracts/nip';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { Pagination } from '@asah/ui/components/Pagination';
import { fieldProblemMessage } from '@asah/ui/errors';

const PAGE_SIZE = 50;
const COLUMNS = ['nip', 'competencyCode', 'level', 'source', 'assessedOn', 'validUntil'] as const;

/** The per-row report of an assessment CSV: values as read, who the NIP is, and each problem by field. */
export function AssessmentImportReport({ report }: { report: TAssessmentImportReport }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [onlyInvalid, setOnlyInvalid] = useState(report.invalidCount > 0);
  const rows = onlyInvalid ? report.rows.filter((row) => row.status === 'invalid') : report.rows;
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const fieldLabel = (field: string) => t(`competency.assessments.fields.${field}`, { defaultValue: field });

  return (
    <>
      <div className="toolbar">
        <p className="summary" data-testid="assessment-import-summary">
          {t('competency.assessments.importSummary', { valid: report.validCount, invalid: report.invalidCount })}
        </p>
        {report.invalidCount > 0 && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={onlyInvalid}
              onChange={(event) => {
                setOnlyInvalid(event.target.checked);
                setPage(1);
              }}
            />{' '}
            {t('competency.assessments.onlyInvalid')}
          </label>
        )}
      </div>
      <DataTable
        caption={t('competency.assessments.reportCaption')}
        className="table-compact"
        rows={visible}
        rowKey={(row) => String(row.line)}
        rowClassName={(row) => (row.status === 'invalid' ? 'row-invalid' : undefined)}
        columns={[
          { id: 'line', header: t('competency.assessments.line'), cell: (row) => row.line, className: 'num' },
          ...COLUMNS.map((column) => ({
            id: column,
            header: fieldLabel(column),
            className: column === 'nip' ? 'nowrap' : undefined,
            cell: (row: TAssessmentImportRow) => {
              const value = row.values[column];
              if (!value) return <span className="muted">{t('common.none')}</span>;
              if (column !== 'nip') return value;
              return (
                <>
                  <span className="nip">{formatNip(value)}</span>
                  {row.employee && <span className="cell-sub">{row.employee.name}</span>}
                </>
              );
            },
          })),
          {
            id: 'status',
            header: t('common.status'),
            cell: (row) =>
              row.status === 'valid' ? (
                <Badge tone="success">{t('competency.assessments.valid')}</Badge>
              ) : (
                <Badge tone="danger">{t('competency.assessments.invalid')}</Badge>
              ),
          },
          {
            id: 'errors',
            header: t('competency.assessments.problems'),
            className: 'col-errors',
            cell: (row) =>
              row.errors.length === 0 ? (
                <span className="muted">{t('common.none')}</span>
              ) : (
                <ul className="error-list">
                  {row.errors.map((error, index) => (
                    <li key={`${error.field}-${index}`}>
                      <strong>{fieldLabel(error.field)}:</strong>{' '}
                      {fieldProblemMessage(t, error, ['competency.importErrors', 'importErrors', 'validation', 'errors'])}
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
