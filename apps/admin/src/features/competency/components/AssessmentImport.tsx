import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_IMPORT_MAX_BYTES, type TAssessmentImportReport } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { useAssessmentImportCommit, useAssessmentImportPreview } from '../hooks/use-assessments';
import { AssessmentImportReport } from './AssessmentImportReport';
import { FileUploadForm } from './FileUploadForm';

/**
 * Choose a CSV → check it (nothing saved, a report per row) → save the same file. The API writes
 * every row or none, so saving waits until the report is clean.
 */
export function AssessmentImport() {
  const { t } = useTranslation();
  const preview = useAssessmentImportPreview();
  const commit = useAssessmentImportCommit();
  const [checked, setChecked] = useState<{ file: File; report: TAssessmentImportReport } | null>(null);

  const reset = () => {
    preview.reset();
    commit.reset();
    setChecked(null);
  };

  if (commit.data?.committed) {
    return (
      <div className="stack">
        <SuccessBanner>{t('competency.assessments.imported', { count: commit.data.created })}</SuccessBanner>
        <div>
          <button type="button" className="btn btn-secondary" onClick={reset}>
            {t('competency.assessments.importAnother')}
          </button>
        </div>
      </div>
    );
  }

  if (checked) {
    const report = commit.data ?? checked.report;
    const clean = report.invalidCount === 0 && report.validCount > 0;
    return (
      <section className="card stack" aria-labelledby="assessment-report-title">
        <h2 id="assessment-report-title" className="card-title">
          {t('competency.assessments.reportTitle', { file: checked.file.name })}
        </h2>
        {commit.isError && <ErrorBanner error={commit.error} />}
        {!clean && <p className="banner banner-warning">{t('competency.assessments.fixFirst')}</p>}
        <AssessmentImportReport report={report} />
        <div className="button-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!clean || commit.isPending}
            onClick={() => commit.mutate(checked.file)}
          >
            {commit.isPending ? t('common.saving') : t('competency.assessments.commit', { count: report.validCount })}
          </button>
          <button type="button" className="btn btn-secondary" onClick={reset}>
            {t('competency.assessments.chooseOther')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <div className="stack">
      {preview.isError && <ErrorBanner error={preview.error} />}
      <FileUploadForm
        title={t('competency.assessments.importTitle')}
        label={t('competency.assessments.fileLabel')}
        hint={t('competency.assessments.fileHint')}
        accept=".csv,text/csv"
        maxBytes={ASSESSMENT_IMPORT_MAX_BYTES}
        pending={preview.isPending}
        submitLabel={t('competency.assessments.check')}
        onSubmit={(file) => preview.mutate(file, { onSuccess: (report) => setChecked({ file, report }) })}
      />
    </div>
  );
}
