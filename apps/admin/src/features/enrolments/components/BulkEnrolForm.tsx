import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import type { TCourseDetail } from '@asah/contracts/courses';
import type { TBulkEnrolReport } from '@asah/contracts/enrolments';
import { ApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { fieldProblemMessage } from '@asah/ui/errors';
import { useCohorts } from '../../cohorts/hooks/use-cohorts';
import { usePositionOptions } from '../../positions/hooks/use-position-options';
import { useBulkEnrol, useBulkEnrolCsv } from '../hooks/use-enrolments';
import { useUnitTree } from '../hooks/use-unit-tree';
import { translated } from '../schema-messages';
import { BulkReport } from './BulkReport';
import { CriteriaFields, EMPTY_CRITERIA, toCriteria, type CriteriaValues } from './CriteriaFields';

type Method = 'criteria' | 'nips' | 'csv';
const METHODS: Method[] = ['criteria', 'nips', 'csv'];

/** Pasted NIPs: one per line, or separated by commas or semicolons (NIPs may contain spaces). */
export function parseNipList(text: string): string[] {
  return text
    .split(/[\r\n,;]+/)
    .map((nip) => nip.trim())
    .filter(Boolean);
}

/** Problems the API names by field, keyed by the form's own field names. */
function fieldProblems(error: unknown, t: ReturnType<typeof useTranslation>['t']): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, FieldError> = {};
  for (const problem of error.fieldErrors) {
    const field = problem.field.startsWith('criteria') ? 'criteria' : problem.field.split('.')[0];
    out[field] ??= { type: 'server', message: fieldProblemMessage(t, problem) };
  }
  return out;
}

/**
 * Bulk enrolment: by organisation, by pasted NIPs or by a CSV of NIPs. "Periksa" runs the same
 * request as a dry run and shows the per-row report before anyone is enrolled.
 */
export function BulkEnrolForm({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const cohorts = useCohorts(course.id);
  const units = useUnitTree(true);
  const positions = usePositionOptions();
  const bulk = useBulkEnrol(course.id);
  const csv = useBulkEnrolCsv(course.id);
  const [method, setMethod] = useState<Method>('criteria');
  const [criteria, setCriteria] = useState<CriteriaValues>(EMPTY_CRITERIA);
  const [nips, setNips] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [cohortId, setCohortId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [local, setLocal] = useState<Record<string, FieldError>>({});
  const [report, setReport] = useState<TBulkEnrolReport | null>(null);

  const cohortList = cohorts.data ?? [];
  const mutation = method === 'csv' ? csv : bulk;
  const server = fieldProblems(mutation.error, t);
  const problems = { ...server, ...local };
  const bannerError = mutation.error && Object.keys(server).length === 0 ? mutation.error : null;

  const run = (dryRun: boolean) => {
    const missing: Record<string, FieldError> = {};
    if (cohortList.length > 0 && !cohortId) missing.cohortId = { type: 'server', message: t('bulk.chooseCohort') };
    if (method === 'nips' && parseNipList(nips).length === 0) missing.nips = { type: 'server', message: t('bulk.pasteNips') };
    if (method === 'csv' && !file) missing.file = { type: 'server', message: t('bulk.chooseFile') };
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    bulk.reset();
    csv.reset();
    const common = { cohortId: cohortId || undefined, deadline: deadline || undefined, dryRun };
    const onSuccess = (result: TBulkEnrolReport) => setReport(result);
    if (method === 'csv' && file) csv.mutate({ file, ...common }, { onSuccess });
    else if (method === 'nips') bulk.mutate({ by: 'nips', nips: parseNipList(nips), ...common }, { onSuccess });
    else bulk.mutate({ by: 'criteria', criteria: toCriteria(criteria), ...common }, { onSuccess });
  };

  return (
    <>
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="card-title">
          {t('bulk.title')}
        </h2>
        <form
          noValidate
          className="form-stack"
          onSubmit={(event) => {
            event.preventDefault();
            run(false);
          }}
        >
          {bannerError ? <ErrorBanner error={bannerError} /> : null}
          <fieldset className="fieldset">
            <legend className="field-label">{t('bulk.method')}</legend>
            <div className="radio-list">
              {METHODS.map((m) => (
                <label key={m} className="radio">
                  <input
                    type="radio"
                    name="method"
                    value={m}
                    checked={method === m}
                    onChange={() => {
                      setMethod(m);
                      setReport(null);
                      setLocal({});
                    }}
                  />
                  <span>
                    {t(`bulk.methods.${m}`)}
                    <span className="radio-hint">{t(`bulk.methodHints.${m}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {method === 'criteria' && (
            <CriteriaFields values={criteria} onChange={setCriteria} units={units} positions={positions.options} error={translated(t, problems.criteria)} />
          )}
          {method === 'nips' && (
            <TextAreaField
              label={t('bulk.nips')}
              name="nips"
              rows={6}
              hint={t('bulk.nipsHint')}
              value={nips}
              onChange={(e) => setNips(e.target.value)}
              error={problems.nips}
              spellCheck={false}
            />
          )}
          {method === 'csv' && (
            <div className={problems.file ? 'field field-invalid' : 'field'}>
              <label htmlFor={`${id}-file`} className="field-label">
                {t('bulk.file')}
              </label>
              <div className="file-picker">
                <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
                  {t('bulk.chooseFileButton')}
                </span>
                <span className={file ? 'file-picker-name has-file' : 'file-picker-name'} aria-hidden="true">
                  {file ? file.name : t('bulk.noFile')}
                </span>
                <input
                  id={`${id}-file`}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={`${id}-file-note`}
                  aria-invalid={problems.file ? true : undefined}
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setReport(null);
                  }}
                />
              </div>
              <p id={`${id}-file-note`} className={problems.file ? 'field-error' : 'field-hint'}>
                {problems.file ? problems.file.message : t('bulk.fileHint')}
              </p>
            </div>
          )}

          <div className="form-grid">
            {cohortList.length > 0 && (
              <SelectField label={t('enrolments.cohort')} name="cohortId" required value={cohortId} onChange={(e) => setCohortId(e.target.value)} error={problems.cohortId}>
                <option value="">{t('common.choose')}</option>
                {cohortList.map((cohort) => (
                  <option key={cohort.id} value={cohort.id}>
                    {cohort.name}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField
              label={t('enrolments.deadline')}
              name="deadline"
              type="date"
              optional
              hint={t('enrolments.deadlineHint')}
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              error={problems.deadline}
            />
          </div>
          <div className="form-footer">
            <button type="button" className="btn btn-secondary" disabled={mutation.isPending} onClick={() => run(true)}>
              {t('bulk.dryRun')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('bulk.submit')}
            </button>
          </div>
        </form>
      </section>
      {report && <BulkReport report={report} fileName={`laporan-pendaftaran-${course.code}.csv`} />}
    </>
  );
}
