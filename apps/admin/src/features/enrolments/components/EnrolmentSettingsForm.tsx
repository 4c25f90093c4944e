import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  ENROLMENT_POLICIES,
  ZUpdateCourseEnrolmentSettingsRequest,
  type TCourseEnrolmentSettings,
  type TEnrolmentPolicy,
  type TUpdateCourseEnrolmentSettingsRequest,
} from '@asah/contracts/enrolments';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useUpdateEnrolmentSettings } from '../hooks/use-enrolments';

interface SettingsFormValues {
  enrolmentPolicy: TEnrolmentPolicy;
  /** Text of the number input; '' = no deadline. */
  deadlineDays: string;
}
const FIELDS = ['enrolmentPolicy', 'deadlineDays'] as const;

const schema = z.preprocess((input) => {
  const v = input as SettingsFormValues;
  return { enrolmentPolicy: v.enrolmentPolicy, deadlineDays: v.deadlineDays.trim() === '' ? null : Number(v.deadlineDays) };
}, ZUpdateCourseEnrolmentSettingsRequest);

/** How learners get into the course: by themselves, with approval, or only through an admin. */
export function EnrolmentSettingsForm({ settings }: { settings: TCourseEnrolmentSettings }) {
  const { t } = useTranslation();
  const save = useUpdateEnrolmentSettings(settings.courseId);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SettingsFormValues, unknown, TUpdateCourseEnrolmentSettingsRequest>({
    resolver: zodResolver(schema as unknown as z.ZodType<TUpdateCourseEnrolmentSettingsRequest, SettingsFormValues>, zodMessages(t)) as Resolver<SettingsFormValues, unknown, TUpdateCourseEnrolmentSettingsRequest>,
    defaultValues: { enrolmentPolicy: settings.enrolmentPolicy, deadlineDays: settings.deadlineDays === null ? '' : String(settings.deadlineDays) },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit((body) => {
    setSaved(false);
    save.mutate(body, { onSuccess: () => setSaved(true), onError: serverErrors.onError });
  });
  const disabled = !settings.can.edit;

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      {saved && <SuccessBanner>{t('enrolmentSettings.saved')}</SuccessBanner>}
      <fieldset className="fieldset" disabled={disabled}>
        <legend className="field-label">{t('enrolmentSettings.policy')}</legend>
        <div className="radio-list">
          {ENROLMENT_POLICIES.map((policy) => (
            <label key={policy} className="radio">
              <input type="radio" value={policy} {...register('enrolmentPolicy')} />
              <span>
                {t(`enrolmentSettings.policies.${policy}`)}
                <span className="radio-hint">{t(`enrolmentSettings.policyHints.${policy}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('enrolmentSettings.deadlineDays')}
        hint={t('enrolmentSettings.deadlineDaysHint')}
        type="number"
        min={1}
        inputMode="numeric"
        optional
        disabled={disabled}
        error={errors.deadlineDays}
        {...register('deadlineDays')}
      />
      {!disabled && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
    </form>
  );
}
