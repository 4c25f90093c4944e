import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BULK_ISSUE_MAX, type TBulkIssueRequest } from '@asah/contracts/certificates';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { isApiError } from '@asah/ui/api-client';
import { fieldProblemMessage } from '@asah/ui/errors';
import { useStartBulkIssue } from '../hooks/use-certificates';
import { useCourseCohorts } from '../hooks/use-issue-choices';

type Source = 'cohort' | 'nips';

/** NIPs pasted from a spreadsheet: one per line, or separated by commas or semicolons. */
export function parseNipList(text: string): string[] {
  return text
    .split(/[\n,;\t]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Bulk issuing to a cohort or a pasted list; runs as a job whose progress page opens at once. */
export function BulkIssueForm({ courseId, templateId }: { courseId: string; templateId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [source, setSource] = useState<Source>('cohort');
  const [cohortId, setCohortId] = useState('');
  const [nipText, setNipText] = useState('');
  const [onlyCompleted, setOnlyCompleted] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const cohorts = useCourseCohorts(courseId);
  const start = useStartBulkIssue(courseId);
  const nips = parseNipList(nipText);

  const submit = () => {
    setProblem(null);
    let body: TBulkIssueRequest;
    if (source === 'cohort') {
      if (!cohortId) return setProblem(t('certificates.issue.chooseCohort'));
      body = { by: 'cohort', cohortId, templateId };
    } else {
      if (nips.length === 0) return setProblem(t('certificates.issue.pasteNips'));
      if (nips.length > BULK_ISSUE_MAX) return setProblem(t('certificates.issue.tooMany', { max: BULK_ISSUE_MAX }));
      body = { by: 'nips', nips, onlyCompleted, templateId };
    }
    start.mutate(body, { onSuccess: (job) => void navigate(`/sertifikat/tugas/${job.id}`) });
  };
  const problems = start.error && isApiError(start.error, 'VALIDATION_FAILED') ? start.error.fieldErrors : [];

  return (
    <section className="card" aria-labelledby="issue-bulk-title">
      <h2 id="issue-bulk-title" className="card-title">
        {t('certificates.issue.bulkTitle')}
      </h2>
      <p className="muted">{t('certificates.issue.bulkBody')}</p>
      <div className="form-stack">
        <fieldset className="fieldset">
          <legend className="field-label">{t('certificates.issue.source')}</legend>
          <div className="radio-list">
            {(['cohort', 'nips'] as const).map((value) => (
              <label key={value} className="radio">
                <input type="radio" name="source" value={value} checked={source === value} onChange={() => setSource(value)} />
                <span>{t(`certificates.issue.sources.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {source === 'cohort' ? (
          <SelectField
            label={t('certificates.issue.cohort')}
            name="cohortId"
            value={cohortId}
            hint={t('certificates.issue.cohortHint')}
            onChange={(e) => setCohortId(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {cohorts.data?.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <TextAreaField
              label={t('certificates.issue.nips')}
              name="nips"
              rows={6}
              hint={t('certificates.issue.nipsHint', { count: nips.length })}
              value={nipText}
              onChange={(e) => setNipText(e.target.value)}
            />
            <label className="checkbox">
              <input type="checkbox" checked={onlyCompleted} onChange={(e) => setOnlyCompleted(e.target.checked)} />
              <span>{t('certificates.issue.onlyCompleted')}</span>
            </label>
          </>
        )}
        {cohorts.isError && <ErrorBanner error={cohorts.error} />}
        {problem && <ErrorBanner error={problem} />}
        {start.isError && (
          <ErrorBanner error={problems.length > 0 ? problems.map((p) => `${p.field}: ${fieldProblemMessage(t, p)}`).join(' · ') : start.error} />
        )}
        <div>
          <button type="button" className="btn btn-primary" disabled={start.isPending} onClick={submit}>
            {start.isPending ? t('certificates.issue.starting') : t('certificates.issue.bulkSubmit')}
          </button>
        </div>
      </div>
    </section>
  );
}
