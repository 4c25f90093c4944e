import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDictionaryImportReport } from '@asah/contracts/competency';
import { Badge } from '@asah/ui/components/Badge';
import { DataTable } from '@asah/ui/components/DataTable';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { fieldProblemMessage } from '@asah/ui/errors';
import { useDictionaryImport } from '../hooks/use-dictionary';
import { FileUploadForm } from './FileUploadForm';

const MAX_BYTES = 5 * 1024 * 1024;

/** Import a dictionary file (CSV or JSON): check, read the report, then write all of it or nothing. */
export function DictionaryImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} size="lg" title={t('competency.dictionary.importTitle')} onClose={onClose}>
      <DictionaryImport onClose={onClose} />
    </Modal>
  );
}

function DictionaryImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useDictionaryImport(false);
  const commit = useDictionaryImport(true);
  const [checked, setChecked] = useState<{ file: File; report: TDictionaryImportReport } | null>(null);

  if (commit.data?.committed) {
    return (
      <div className="stack">
        <SuccessBanner>{t('competency.dictionary.imported', { count: commit.data.competencies.length })}</SuccessBanner>
        <div className="form-footer">
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    );
  }
  if (!checked) {
    return (
      <div className="stack">
        {preview.isError && <ErrorBanner error={preview.error} />}
        <FileUploadForm
          title={t('competency.dictionary.importFile')}
          label={t('competency.dictionary.fileLabel')}
          hint={t('competency.dictionary.fileHint')}
          accept=".csv,.json,text/csv,application/json"
          maxBytes={MAX_BYTES}
          pending={preview.isPending}
          submitLabel={t('competency.assessments.check')}
          onSubmit={(file) => preview.mutate(file, { onSuccess: (report) => setChecked({ file, report }) })}
        />
      </div>
    );
  }
  const report = commit.data ?? checked.report;
  return (
    <div className="stack">
      {commit.isError && <ErrorBanner error={commit.error} />}
      <p>{t('competency.dictionary.importSummary', { count: report.competencies.length, problems: report.problems.length })}</p>
      {report.problems.length > 0 && (
        <ul className="error-list" aria-label={t('competency.dictionary.problems')}>
          {report.problems.map((problem, index) => (
            <li key={index}>
              {[problem.line !== null && t('competency.dictionary.atLine', { line: problem.line }), problem.competencyCode, problem.level !== null && t('competency.dictionary.atLevel', { level: problem.level })]
                .filter(Boolean)
                .join(' · ')}
              {': '}
              {fieldProblemMessage(t, problem, ['competency.importErrors', 'validation', 'errors'])}
            </li>
          ))}
        </ul>
      )}
      <DataTable
        caption={t('competency.dictionary.importCaption')}
        className="table-compact"
        rows={report.competencies}
        rowKey={(row) => row.code}
        columns={[
          { id: 'code', header: t('competency.dictionary.code'), cell: (row) => row.code },
          { id: 'name', header: t('competency.dictionary.name'), cell: (row) => row.name },
          { id: 'group', header: t('competency.dictionary.group'), cell: (row) => t(`competency.groups.${row.group}`) },
          {
            id: 'action',
            header: t('competency.dictionary.action'),
            cell: (row) => <Badge tone={row.action === 'create' ? 'success' : 'info'}>{t(`competency.dictionary.actions.${row.action}`)}</Badge>,
          },
        ]}
      />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={() => setChecked(null)}>
          {t('competency.assessments.chooseOther')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={report.problems.length > 0 || report.competencies.length === 0 || commit.isPending}
          onClick={() => commit.mutate(checked.file)}
        >
          {commit.isPending ? t('common.saving') : t('competency.dictionary.importCommit', { count: report.competencies.length })}
        </button>
      </div>
    </div>
  );
}
