import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZEnrolRequest } from '@asah/contracts/enrolments';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextAreaField } from '@asah/ui/components/TextAreaField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useEnrol } from '../hooks/use-enrolment-actions';

const ZNote = ZEnrolRequest.pick({ reason: true });
type NoteValues = { reason?: string };
const FIELDS = ['reason'] as const;

interface EnrolDialogProps {
  open: boolean;
  onClose: () => void;
  courseId: string;
  cohortId?: string;
  /** What the learner asks for, e.g. the course or cohort name. */
  target: string;
}

/** Asking for a place under the approval policy: an optional note for the unit head. */
export function RequestEnrolmentDialog({ open, onClose, ...props }: EnrolDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('course.requestTitle')} onClose={onClose} description={t('course.requestIntro', { target: props.target })}>
      <RequestForm onClose={onClose} {...props} />
    </Modal>
  );
}

function RequestForm({ onClose, courseId, cohortId }: Omit<EnrolDialogProps, 'open' | 'target'>) {
  const { t } = useTranslation();
  const enrol = useEnrol();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<NoteValues>({ resolver: zodResolver(ZNote, zodMessages(t)), defaultValues: { reason: '' } });
  const serverErrors = useServerErrors(setError, FIELDS);
  const onSubmit = handleSubmit(({ reason }) =>
    enrol.mutate({ courseId, cohortId, reason: reason || undefined }, { onSuccess: onClose, onError: serverErrors.onError }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      <p className="muted">{t('course.requestExplain')}</p>
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextAreaField label={t('course.requestNote')} hint={t('course.requestNoteHint')} optional error={errors.reason} rows={3} {...register('reason')} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={enrol.isPending}>
          {enrol.isPending ? t('course.sending') : t('course.sendRequest')}
        </button>
      </div>
    </form>
  );
}
