import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SCORM_ATTEMPT_POLICIES, ZUpdateActivityRequest, type TCourseActivity, type TScormAttemptPolicy } from '@asah/contracts/courses';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useUpdateActivity } from '../../course-structure/hooks/use-course-structure';

interface SettingsValues {
  title: string;
  required: boolean;
  settings?: { attemptPolicy: TScormAttemptPolicy };
}
const FIELDS = ['title', 'required', 'settings'] as const;

/** Title and required flag of any activity; SCORM activities also choose when a new attempt may start. */
export function ActivitySettingsForm({ courseId, activity, readOnly }: { courseId: string; activity: TCourseActivity; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateActivity(courseId);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<SettingsValues>({
    resolver: zodResolver(ZUpdateActivityRequest, zodMessages(t)) as Resolver<SettingsValues>,
    defaultValues: {
      title: activity.title,
      required: activity.required,
      settings: activity.type === 'scorm' ? { attemptPolicy: activity.settings.attemptPolicy } : undefined,
    },
  });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit((values) => {
    setSaved(false);
    update.mutate(
      { activityId: activity.id, body: values },
      {
        onSuccess: (next) => {
          reset({ title: next.title, required: next.required, settings: next.type === 'scorm' ? next.settings : undefined });
          setSaved(true);
        },
        onError: serverErrors.onError,
      },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack" onChange={() => setSaved(false)}>
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <fieldset className="fieldset form-stack" disabled={readOnly}>
        <div className="form-grid">
          <TextField label={t('structure.activityTitle')} required autoComplete="off" error={errors.title} className="span-2" {...register('title')} />
          {activity.type === 'scorm' && (
            <SelectField label={t('activities.attemptPolicy')} hint={t('activities.attemptPolicyHint')} error={errors.settings?.attemptPolicy} {...register('settings.attemptPolicy')}>
              {SCORM_ATTEMPT_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`activities.attemptPolicies.${policy}`)}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <Checkbox label={t('structure.requiredLong')} {...register('required')} />
      </fieldset>
      {saved && !isDirty && <SuccessBanner>{t('activities.settingsSaved')}</SuccessBanner>}
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={update.isPending || !isDirty}>
            {update.isPending ? t('common.saving') : t('activities.saveSettings')}
          </button>
        </div>
      )}
    </form>
  );
}
