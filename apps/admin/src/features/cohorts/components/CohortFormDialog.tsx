import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZCreateCohortRequest, ZUpdateCohortRequest, type TCohort, type TCreateCohortRequest } from '@asah/contracts/cohorts';
import type { TCourseDetail } from '@asah/contracts/courses';
import { ENROLMENT_POLICIES } from '@asah/contracts/enrolments';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { CheckboxGroup } from '@asah/ui/components/CheckboxGroup';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { useInstructorCandidates } from '../../courses/hooks/use-instructors';
import { translated } from '../../enrolments/schema-messages';
import { COHORT_FIELDS, cohortDefaults, cohortFormSchema, type CohortFormValues } from '../cohort-form';
import { useCreateCohort, useUpdateCohort } from '../hooks/use-cohorts';

/** `null` closed; `{}` adding; `{ cohort }` editing. */
export type CohortDialogState = { cohort?: TCohort } | null;

interface CohortFormDialogProps {
  state: CohortDialogState;
  course: TCourseDetail;
  onClose: () => void;
}

export function CohortFormDialog({ state, course, onClose }: CohortFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.cohort ? t('cohorts.editTitle') : t('cohorts.createTitle')} onClose={onClose} size="lg">
      {state && <CohortForm cohort={state.cohort} course={course} onClose={onClose} />}
    </Modal>
  );
}

function CohortForm({ cohort, course, onClose }: { cohort?: TCohort; course: TCourseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const create = useCreateCohort(course.id);
  const update = useUpdateCohort();
  const mutation = cohort ? update : create;
  const candidates = useInstructorCandidates(course.agencyId ?? scope.agencyId ?? null, true);
  const schema = cohortFormSchema(cohort ? ZUpdateCohortRequest : ZCreateCohortRequest);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CohortFormValues, unknown, TCreateCohortRequest>({
    resolver: zodResolver(schema as unknown as z.ZodType<TCreateCohortRequest, CohortFormValues>, zodMessages(t)) as Resolver<CohortFormValues, unknown, TCreateCohortRequest>,
    defaultValues: cohortDefaults(cohort),
  });
  const serverErrors = useServerErrors(setError, COHORT_FIELDS);
  const tr = (error: FieldError | undefined) => translated(t, error);
  const onSubmit = handleSubmit((body) => {
    const options = { onSuccess: onClose, onError: serverErrors.onError };
    if (cohort) update.mutate({ id: cohort.id, body }, options);
    else create.mutate(body, options);
  });
  // Instructors already assigned stay listed even if they are no longer candidates (e.g. deactivated).
  const people = [...(candidates.data?.items ?? []).map((u) => ({ id: u.id, name: u.name }))];
  for (const i of cohort?.instructors ?? []) if (!people.some((p) => p.id === i.id)) people.push({ id: i.id, name: i.name });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <div className="form-grid">
        <TextField label={t('cohorts.name')} hint={t('cohorts.nameHint')} required error={tr(errors.name)} {...register('name')} className="span-2" />
        <TextField label={t('cohorts.startsOn')} type="date" required error={tr(errors.startsOn)} {...register('startsOn')} />
        <TextField label={t('cohorts.endsOn')} type="date" required error={tr(errors.endsOn)} {...register('endsOn')} />
        <TextField label={t('cohorts.capacity')} type="number" min={1} inputMode="numeric" optional hint={t('cohorts.capacityHint')} error={tr(errors.capacity)} {...register('capacity')} />
        <div className="field">
          <Checkbox label={t('cohorts.waitlistEnabled')} {...register('waitlistEnabled')} />
        </div>
        <TextField label={t('cohorts.enrolmentOpensAt')} type="datetime-local" optional error={tr(errors.enrolmentOpensAt)} {...register('enrolmentOpensAt')} />
        <TextField label={t('cohorts.enrolmentClosesAt')} type="datetime-local" optional error={tr(errors.enrolmentClosesAt)} {...register('enrolmentClosesAt')} />
        <TextField label={t('cohorts.deadline')} type="date" optional hint={t('cohorts.deadlineHint')} error={tr(errors.deadline)} {...register('deadline')} />
        <SelectField label={t('cohorts.policy')} error={tr(errors.enrolmentPolicy)} {...register('enrolmentPolicy')}>
          <option value="">{t('cohorts.policyFollowCourse')}</option>
          {ENROLMENT_POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`enrolmentSettings.policies.${policy}`)}
            </option>
          ))}
        </SelectField>
        <div className="span-2">
          <CheckboxGroup legend={t('cohorts.instructors')} name="instructorIds" error={errors.instructorIds as never} hint={people.length === 0 ? t('cohorts.noInstructors') : undefined}>
            {people.map((person) => (
              <Checkbox key={person.id} label={person.name} value={person.id} {...register('instructorIds')} />
            ))}
          </CheckboxGroup>
        </div>
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
