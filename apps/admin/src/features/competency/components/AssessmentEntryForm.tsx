import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCY_LEVELS,
  ENTERABLE_ASSESSMENT_SOURCES,
  ZCreateAssessmentRequest,
  type TCreateAssessmentRequest,
} from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useCreateAssessment } from '../hooks/use-assessments';
import { useDictionary } from '../hooks/use-dictionary';

const FIELDS = ['competencyCode', 'level', 'source', 'assessedOn', 'validUntil', 'note'] as const;
const orNull = (value: string) => (value === '' ? null : value);

/** One result entered by an admin for the chosen employee. */
export function AssessmentEntryForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const dictionary = useDictionary();
  const create = useCreateAssessment();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<TCreateAssessmentRequest>({
    resolver: zodResolver(ZCreateAssessmentRequest, zodMessages(t)) as Resolver<TCreateAssessmentRequest>,
    values: { userId, competencyCode: '', level: 3, source: 'assessment_centre', assessedOn: new Date().toISOString().slice(0, 10), validUntil: null, note: null },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: () => reset(),
      onError: serverErrors.onError,
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack" aria-label={t('competency.assessments.entryTitle')}>
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      {create.isSuccess && <SuccessBanner>{t('competency.assessments.entrySaved')}</SuccessBanner>}
      <div className="form-grid">
        <SelectField label={t('competency.assessments.fields.competencyCode')} required error={errors.competencyCode} {...register('competencyCode')}>
          <option value="">{t('common.choose')}</option>
          {dictionary.data?.items.map((competency) => (
            <option key={competency.id} value={competency.code}>
              {competency.code} {competency.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('competency.assessments.fields.level')}
          required
          error={errors.level}
          {...register('level', { setValueAs: (value: string) => Number(value) })}
        >
          {COMPETENCY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level} {t(`competency.levels.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('competency.assessments.fields.source')} required error={errors.source} {...register('source')}>
          {ENTERABLE_ASSESSMENT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`competency.sources.${source}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('competency.assessments.fields.assessedOn')} type="date" required error={errors.assessedOn} {...register('assessedOn')} />
        <TextField
          label={t('competency.assessments.fields.validUntil')}
          type="date"
          optional
          error={errors.validUntil}
          {...register('validUntil', { setValueAs: orNull })}
        />
      </div>
      <TextAreaField label={t('competency.assessments.fields.note')} optional rows={2} error={errors.note} {...register('note', { setValueAs: orNull })} />
      <div className="form-footer">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('competency.assessments.save')}
        </button>
      </div>
    </form>
  );
}
