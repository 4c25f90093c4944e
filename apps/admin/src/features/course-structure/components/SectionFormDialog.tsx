import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZCreateSectionRequest, ZUpdateSectionRequest, type TCourseSection } from '@asah/contracts/courses';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useAddSection, useUpdateSection } from '../hooks/use-course-structure';

interface SectionValues {
  title: string;
  description: string;
}
const FIELDS = ['title', 'description'] as const;

/** `null` closed; `{}` adding a module; `{ section }` renaming one. */
export type SectionDialogState = { section?: TCourseSection } | null;

export function SectionFormDialog({ courseId, state, onClose }: { courseId: string; state: SectionDialogState; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.section ? t('structure.renameTitle') : t('structure.addModuleTitle')} onClose={onClose}>
      {state && <SectionForm courseId={courseId} section={state.section} onClose={onClose} />}
    </Modal>
  );
}

function SectionForm({ courseId, section, onClose }: { courseId: string; section?: TCourseSection; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddSection(courseId);
  const update = useUpdateSection(courseId);
  const mutation = section ? update : add;
  const resolver = (section ? zodResolver(ZUpdateSectionRequest, zodMessages(t)) : zodResolver(ZCreateSectionRequest, zodMessages(t))) as Resolver<SectionValues>;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SectionValues>({ resolver, defaultValues: { title: section?.title ?? '', description: section?.description ?? '' } });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onError = serverErrors.onError;
  const onSubmit = handleSubmit((values) => {
    if (section) update.mutate({ sectionId: section.id, body: values }, { onSuccess: onClose, onError });
    else add.mutate(values, { onSuccess: onClose, onError });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('structure.moduleTitle')} required autoComplete="off" error={errors.title} {...register('title')} />
      <TextAreaField label={t('structure.moduleDescription')} optional rows={3} error={errors.description} {...register('description')} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
