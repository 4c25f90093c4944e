import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZCreateSessionRequest, ZUpdateSessionRequest, type TClassroomSession, type TCreateSessionRequest } from '@asah/contracts/classroom';
import type { TCohort } from '@asah/contracts/cohorts';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { translated } from '../../enrolments/schema-messages';
import { useCreateSession, useUpdateSession } from '../hooks/use-sessions';
import { SESSION_FIELDS, sessionDefaults, sessionFormSchema, type SessionFormValues } from '../session-form';

/** `null` closed; `{ activityId }` adding to that activity; `{ session }` editing. */
export type SessionDialogState = { activityId: string; session?: TClassroomSession } | null;

interface SessionFormDialogProps {
  state: SessionDialogState;
  courseId: string;
  cohorts: readonly TCohort[];
  onClose: () => void;
}

export function SessionFormDialog({ state, courseId, cohorts, onClose }: SessionFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.session ? t('sessions.editTitle') : t('sessions.createTitle')} onClose={onClose} size="lg">
      {state && <SessionForm activityId={state.activityId} session={state.session} courseId={courseId} cohorts={cohorts} onClose={onClose} />}
    </Modal>
  );
}

function SessionForm({ activityId, session, courseId, cohorts, onClose }: { activityId: string; session?: TClassroomSession; courseId: string; cohorts: readonly TCohort[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSession(courseId, activityId);
  const update = useUpdateSession();
  const mutation = session ? update : create;
  const schema = session ? sessionFormSchema(ZUpdateSessionRequest, false) : sessionFormSchema(ZCreateSessionRequest, true);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SessionFormValues, unknown, TCreateSessionRequest>({
    resolver: zodResolver(schema as unknown as z.ZodType<TCreateSessionRequest, SessionFormValues>, zodMessages(t)) as Resolver<SessionFormValues, unknown, TCreateSessionRequest>,
    defaultValues: sessionDefaults(session),
  });
  const serverErrors = useServerErrors(setError, SESSION_FIELDS);
  const tr = (error: FieldError | undefined) => translated(t, error);
  const onSubmit = handleSubmit((body) => {
    const options = { onSuccess: onClose, onError: serverErrors.onError };
    if (session) update.mutate({ id: session.id, body }, options);
    else create.mutate(body, options);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <div className="form-grid">
        <TextField label={t('sessions.title')} required hint={t('sessions.titleHint')} error={tr(errors.title)} {...register('title')} className="span-2" />
        {!session && cohorts.length > 0 && (
          <SelectField label={t('sessions.cohort')} hint={t('sessions.cohortHint')} error={tr(errors.cohortId)} {...register('cohortId')} className="span-2">
            <option value="">{t('sessions.everyone')}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={t('sessions.startsAt')} type="datetime-local" required error={tr(errors.startsAt)} {...register('startsAt')} />
        <TextField label={t('sessions.endsAt')} type="datetime-local" required error={tr(errors.endsAt)} {...register('endsAt')} />
        <TextField label={t('sessions.location')} hint={t('sessions.locationHint')} error={tr(errors.location)} {...register('location')} />
        <TextField label={t('sessions.onlineUrl')} type="url" placeholder="https://" error={tr(errors.onlineUrl)} {...register('onlineUrl')} />
        <TextField label={t('sessions.capacity')} type="number" min={1} inputMode="numeric" optional error={tr(errors.capacity)} {...register('capacity')} />
        <TextField label={t('sessions.jp')} inputMode="decimal" hint={t('sessions.jpHint')} error={tr(errors.jp)} {...register('jp')} />
      </div>
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
