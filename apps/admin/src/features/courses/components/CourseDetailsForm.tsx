import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  COMPLETION_RULES,
  COURSE_CATEGORIES,
  DELIVERY_MODES,
  ZUpdateCourseRequest,
  type TCompletionRule,
  type TCourseCategory,
  type TCourseCompetency,
  type TCourseDetail,
  type TDeliveryMode,
} from '@asah/contracts/courses';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { fieldErrorText, zodMessages } from '@asah/ui/form/zod-messages';
import { useUpdateCourse } from '../hooks/use-courses';
import { CompetencyRows } from './CompetencyRows';
import { CompletionChecklist } from './CompletionChecklist';
import { CourseProblemsBanner } from './CourseProblemsBanner';

export interface CourseDetailsValues {
  code: string;
  title: string;
  description: string;
  category: TCourseCategory;
  deliveryMode: TDeliveryMode;
  jp: number;
  competencies: TCourseCompetency[];
  completionRule: TCompletionRule;
  completionActivityIds: string[];
  certificateOnCompletion: boolean;
}
const FIELDS = [
  'code',
  'title',
  'description',
  'category',
  'deliveryMode',
  'jp',
  'competencies',
  'completionRule',
  'completionActivityIds',
  'certificateOnCompletion',
] as const;

function valuesOf(course: TCourseDetail): CourseDetailsValues {
  return {
    code: course.code,
    title: course.title,
    description: course.description,
    category: course.category,
    deliveryMode: course.deliveryMode,
    jp: course.jp,
    competencies: course.competencies,
    completionRule: course.completionRule,
    completionActivityIds: course.completionActivityIds,
    certificateOnCompletion: course.certificateOnCompletion,
  };
}

export function CourseDetailsForm({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  const [saved, setSaved] = useState(false);
  const readOnly = !course.can.edit;
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<CourseDetailsValues>({
    resolver: zodResolver(ZUpdateCourseRequest, zodMessages(t)) as Resolver<CourseDetailsValues>,
    defaultValues: valuesOf(course),
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const rule = useWatch({ control, name: 'completionRule' });

  const onSubmit = handleSubmit((values) => {
    setSaved(false);
    serverErrors.clear();
    update.mutate(values, {
      onSuccess: (next) => {
        reset(valuesOf(next));
        setSaved(true);
      },
      onError: serverErrors.onError,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack" onChange={() => setSaved(false)}>
      {serverErrors.bannerError ? <CourseProblemsBanner error={serverErrors.bannerError} /> : null}
      <fieldset className="fieldset form-stack" disabled={readOnly}>
        <div className="form-grid">
          <TextField label={t('courses.code')} hint={t('courses.codeHint')} required autoComplete="off" spellCheck={false} error={errors.code} {...register('code')} />
          <TextField
            label={t('courses.jp')}
            hint={t('courses.jpHint')}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.25"
            error={errors.jp}
            {...register('jp', { valueAsNumber: true })}
          />
          <TextField label={t('courses.titleLabel')} required autoComplete="off" error={errors.title} className="span-2" {...register('title')} />
          <TextAreaField label={t('courses.descriptionLabel')} optional rows={4} error={errors.description} className="span-2" {...register('description')} />
          <SelectField label={t('courses.category')} required error={errors.category} {...register('category')}>
            {COURSE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`courses.categories.${category}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('courses.deliveryMode')} required error={errors.deliveryMode} {...register('deliveryMode')}>
            {DELIVERY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`courses.modes.${mode}`)}
              </option>
            ))}
          </SelectField>
        </div>

        <CompetencyRows control={control} register={register} errors={errors.competencies} />

        <fieldset className="field fieldset">
          <legend className="field-label">{t('courses.completionRule')}</legend>
          <div className="radio-list">
            {COMPLETION_RULES.map((value) => (
              <label key={value} className="radio">
                <input type="radio" value={value} {...register('completionRule')} />
                <span>
                  {t(`courses.completionRules.${value}`)}
                  <span className="radio-hint">{t(`courses.completionRuleHints.${value}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {rule === 'selected' && (
          <Controller
            control={control}
            name="completionActivityIds"
            render={({ field, fieldState }) => (
              <CompletionChecklist
                sections={course.sections}
                value={field.value}
                onChange={field.onChange}
                disabled={readOnly}
                error={fieldState.error ? fieldErrorText(t, 'completionActivityIds', fieldState.error) : undefined}
              />
            )}
          />
        )}
        <Checkbox label={t('courses.certificateOnCompletion')} {...register('certificateOnCompletion')} />
      </fieldset>
      {saved && !isDirty && <SuccessBanner>{t('courses.detailsSaved')}</SuccessBanner>}
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('courses.saveDetails')}
          </button>
          {isDirty && <span className="muted">{t('courses.unsavedChanges')}</span>}
        </div>
      )}
    </form>
  );
}
