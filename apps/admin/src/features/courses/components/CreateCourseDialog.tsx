import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  COURSE_CATEGORIES,
  DELIVERY_MODES,
  ZCreateCourseRequest,
  type TCourseCategory,
  type TDeliveryMode,
} from '@asah/contracts/courses';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { useCreateCourse } from '../hooks/use-courses';

interface CreateCourseValues {
  agencyId?: string;
  code: string;
  title: string;
  category: TCourseCategory;
  deliveryMode: TDeliveryMode;
  jp: number;
}
const FIELDS = ['agencyId', 'code', 'title', 'category', 'deliveryMode', 'jp'] as const;

export function CreateCourseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('courses.createTitle')} description={t('courses.createIntro')} onClose={onClose}>
      <CreateCourseForm onClose={onClose} />
    </Modal>
  );
}

function CreateCourseForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateCourseValues>({
    resolver: zodResolver(ZCreateCourseRequest, zodMessages(t)) as Resolver<CreateCourseValues>,
    // Platform admins start on the agency they work on; "platform-wide" is the empty choice.
    defaultValues: { agencyId: scope.isPlatformAdmin ? scope.agencyId : undefined, code: '', title: '', jp: 0 },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (course) => {
        onClose();
        navigate(`/kursus/${course.id}`);
      },
      onError: serverErrors.onError,
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <div className="form-grid">
        {scope.isPlatformAdmin && (
          <SelectField
            label={t('courses.owner')}
            hint={t('courses.ownerHint')}
            error={errors.agencyId}
            className="span-2"
            {...register('agencyId', { setValueAs: (value: string) => value || undefined })}
          >
            <option value="">{t('courses.platformWide')}</option>
            {scope.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </SelectField>
        )}
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
        <SelectField label={t('courses.category')} required error={errors.category} {...register('category')}>
          <option value="">{t('common.choose')}</option>
          {COURSE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`courses.categories.${category}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('courses.deliveryMode')} required error={errors.deliveryMode} {...register('deliveryMode')}>
          <option value="">{t('common.choose')}</option>
          {DELIVERY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`courses.modes.${mode}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('courses.createSubmit')}
        </button>
      </div>
    </form>
  );
}
