import { useId, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  DEVELOPMENT_FORMS,
  PROOF_MAX_BYTES,
  PROOF_TYPES,
  ZCreateDevelopmentLogFields,
  type TCreateDevelopmentLogFields,
  type TDevelopmentForm,
} from '@asah/contracts/development-logs';
import { ApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { fieldProblemMessage } from '@asah/ui/errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import type { UploadProgress } from '@asah/ui/upload';
import { useSubmitDevelopmentLog } from '../hooks/use-development-logs';

interface FormValues {
  form: TDevelopmentForm | '';
  title: string;
  organiser: string;
  startedOn: string;
  endedOn: string;
  unit: 'jp' | 'hours';
  amount: string;
  description: string;
  file: File | null;
}
type FormField = keyof FormValues;

/** The form's values as the API's multipart fields (numbers as the learner typed them, comma or dot). */
function toFields(v: FormValues): TCreateDevelopmentLogFields {
  const amount = v.amount.trim().replace(',', '.');
  return {
    form: v.form as TDevelopmentForm,
    title: v.title,
    organiser: v.organiser.trim() || undefined,
    startedOn: v.startedOn,
    endedOn: v.endedOn,
    hours: v.unit === 'hours' && amount ? amount : undefined,
    jp: v.unit === 'jp' && amount ? amount : undefined,
    description: v.description.trim() || undefined,
  } as TCreateDevelopmentLogFields;
}

/** API and contract paths name `hours`/`jp`; the form has one amount field with a unit. */
const fieldOf = (path: string): FormField | null => {
  const head = path.split('.')[0];
  if (head === 'hours' || head === 'jp') return 'amount';
  return ['form', 'title', 'organiser', 'startedOn', 'endedOn', 'description', 'file'].includes(head!) ? (head as FormField) : null;
};

/** Checks with the contract's own schema (the same the API uses), plus the file the schema does not see. */
function makeResolver(t: TFunction): Resolver<FormValues> {
  return async (values) => {
    const errors: FieldErrors<FormValues> = {};
    const parsed = ZCreateDevelopmentLogFields.safeParse(toFields(values), zodMessages(t));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.join('.'));
        if (!field || errors[field]) continue;
        // The contract's own refinements speak English; say them in the portal's language.
        const message =
          issue.code !== 'custom'
            ? issue.message
            : field === 'endedOn'
              ? t('devLogs.endBeforeStart')
              : issue.message.includes('decimals')
                ? t('validation.twoDecimals')
                : t('validation.required');
        errors[field] = { type: issue.code, message };
      }
    }
    if (!values.amount.trim()) errors.amount = { type: 'required', message: t('validation.required') };
    if (!values.file) errors.file = { type: 'required', message: t('devLogs.proofRequired') };
    else if (values.file.size > PROOF_MAX_BYTES) errors.file = { type: 'too_big', message: t('devLogs.proofTooLarge') };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

export function DevelopmentLogForm({ onDone, onSent }: { onDone: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const fileId = useId();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [bannerError, setBannerError] = useState<unknown>(null);
  const submit = useSubmitDevelopmentLog(setProgress);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<FormValues>({
    resolver: makeResolver(t),
    defaultValues: { form: '', title: '', organiser: '', startedOn: '', endedOn: '', unit: 'jp', amount: '', description: '', file: null },
  });
  const file = watch('file');
  const unit = watch('unit');
  register('file');

  const onSubmit = handleSubmit((values) => {
    setBannerError(null);
    setProgress({ loaded: 0, total: values.file!.size, percent: 0 });
    submit.mutate(
      { fields: toFields(values), file: values.file! },
      {
        onSuccess: onSent,
        onError: (error) => {
          setProgress(null);
          // Per-field problems (e.g. the proof is not a document) go under their field.
          const problems = error instanceof ApiError ? error.details : undefined;
          let placed = false;
          if (Array.isArray(problems)) {
            for (const problem of problems as { field?: string; code?: string; message?: string }[]) {
              const field = problem.field ? fieldOf(problem.field) : null;
              if (!field || !problem.code) continue;
              setError(field, { type: 'server', message: fieldProblemMessage(t, { code: problem.code, message: problem.message ?? '' }) }, { shouldFocus: !placed });
              placed = true;
            }
          }
          if (!placed) setBannerError(error);
        },
      },
    );
  });

  const fileError = errors.file?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {bannerError ? <ErrorBanner error={bannerError} /> : null}
      <SelectField label={t('devLogs.form')} required error={errors.form} {...register('form')}>
        <option value="">{t('common.choose')}</option>
        {(['klasikal', 'non_klasikal'] as const).map((family) => (
          <optgroup key={family} label={t(`devLogs.families.${family}`)}>
            {(Object.keys(DEVELOPMENT_FORMS) as TDevelopmentForm[])
              .filter((form) => DEVELOPMENT_FORMS[form] === family)
              .map((form) => (
                <option key={form} value={form}>
                  {t(`devLogs.forms.${form}`)}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField label={t('devLogs.title')} hint={t('devLogs.titleHint')} required error={errors.title} {...register('title')} />
      <TextField label={t('devLogs.organiser')} optional error={errors.organiser} {...register('organiser')} />
      <div className="form-grid">
        <TextField type="date" label={t('devLogs.startedOn')} required error={errors.startedOn} {...register('startedOn')} />
        <TextField type="date" label={t('devLogs.endedOn')} required error={errors.endedOn} {...register('endedOn')} />
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('devLogs.amountLegend')}</legend>
        <div className="radio-list">
          <label className="radio">
            <input type="radio" value="jp" {...register('unit')} /> <span>{t('devLogs.unitJp')}</span>
          </label>
          <label className="radio">
            <input type="radio" value="hours" {...register('unit')} /> <span>{t('devLogs.unitHours')}</span>
          </label>
        </div>
        <TextField
          label={unit === 'hours' ? t('devLogs.hours') : t('devLogs.jp')}
          hint={unit === 'hours' ? t('devLogs.hoursHint') : t('devLogs.jpHint')}
          inputMode="decimal"
          required
          error={errors.amount}
          {...register('amount')}
        />
      </fieldset>
      <TextAreaField label={t('devLogs.description')} optional rows={3} error={errors.description} {...register('description')} />
      <div className={fileError ? 'field field-invalid' : 'field'}>
        <label htmlFor={fileId} className="field-label">
          {t('devLogs.proof')} <span className="field-required" aria-hidden="true">*</span>
        </label>
        <div className="file-picker">
          <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
            {t('devLogs.chooseFile')}
          </span>
          <span className={file ? 'file-picker-name has-file' : 'file-picker-name'} aria-hidden="true">
            {file ? file.name : t('devLogs.noFileChosen')}
          </span>
          <input
            id={fileId}
            type="file"
            accept={[...PROOF_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.webp', '.docx'].join(',')}
            aria-describedby={fileError ? `${fileId}-error` : `${fileId}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => setValue('file', event.target.files?.[0] ?? null, { shouldValidate: false })}
          />
        </div>
        {fileError ? (
          <p id={`${fileId}-error`} className="field-error" role="alert">
            {fileError}
          </p>
        ) : (
          <p id={`${fileId}-hint`} className="field-hint">
            {t('devLogs.proofHint')}
          </p>
        )}
      </div>
      {progress && <ProgressBar label={t('devLogs.uploading')} percent={progress.percent} />}
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={submit.isPending}>
          {submit.isPending ? t('devLogs.submitting') : t('devLogs.submit')}
        </button>
      </div>
    </form>
  );
}
