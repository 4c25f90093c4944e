import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ACTIVITY_TYPES,
  AVAILABLE_ACTIVITY_TYPES,
  ZCreateActivityRequest,
  type TActivityType,
  type TCourseSection,
  type TCreateActivityRequest,
} from '@asah/contracts/courses';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { fieldErrorText, zodMessages } from '@asah/ui/form/zod-messages';
import { useAddActivity } from '../hooks/use-course-structure';

interface ActivityValues {
  type: TActivityType;
  title: string;
  required: boolean;
}
const FIELDS = ['type', 'title', 'required'] as const;
const available = (type: TActivityType) => (AVAILABLE_ACTIVITY_TYPES as readonly string[]).includes(type);

interface AddActivityDialogProps {
  courseId: string;
  /** The module the activity goes into (at its end); null closes the dialog. */
  section: TCourseSection | null;
  onClose: () => void;
}

export function AddActivityDialog({ courseId, section, onClose }: AddActivityDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={section !== null} title={t('structure.addActivityTitle')} description={section ? t('structure.addActivityIntro', { title: section.title }) : undefined} onClose={onClose} size="lg">
      {section && <AddActivityForm courseId={courseId} section={section} onClose={onClose} />}
    </Modal>
  );
}

function AddActivityForm({ courseId, section, onClose }: { courseId: string; section: TCourseSection; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const add = useAddActivity(courseId);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ActivityValues>({
    resolver: zodResolver(ZCreateActivityRequest, zodMessages(t)) as Resolver<ActivityValues>,
    defaultValues: { title: '', required: true },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const onSubmit = handleSubmit((values) =>
    add.mutate(
      { sectionId: section.id, body: values as TCreateActivityRequest },
      {
        onSuccess: (activity) => {
          onClose();
          // Content comes next for every type but the classroom placeholder.
          if (activity.type !== 'classroom') navigate(`/kursus/${courseId}/aktivitas/${activity.id}`);
        },
        onError: serverErrors.onError,
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <fieldset className={errors.type ? 'field fieldset field-invalid' : 'field fieldset'} aria-describedby={errors.type ? 'activity-type-error' : undefined}>
        <legend className="field-label">{t('structure.activityType')}</legend>
        <div className="type-choices">
          {ACTIVITY_TYPES.map((type) => (
            <label key={type} className={available(type) ? 'type-choice' : 'type-choice is-disabled'}>
              <input type="radio" value={type} disabled={!available(type)} {...register('type')} />
              <span className="type-choice-text">
                <span className="type-choice-name">
                  {t(`activities.types.${type}`)}
                  {!available(type) && <span className="type-choice-soon"> · {t('activities.comingSoon')}</span>}
                </span>
                <span className="type-choice-hint">{t(`activities.typeHints.${type}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.type && (
          <p id="activity-type-error" className="field-error" role="alert">
            {fieldErrorText(t, 'type', errors.type)}
          </p>
        )}
      </fieldset>
      <TextField label={t('structure.activityTitle')} required autoComplete="off" error={errors.title} {...register('title')} />
      <Checkbox label={t('structure.requiredLong')} {...register('required')} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('structure.addActivitySubmit')}
        </button>
      </div>
    </form>
  );
}
