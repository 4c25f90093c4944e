import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import type { TCohort } from '@asah/contracts/cohorts';
import type { TCourseDetail } from '@asah/contracts/courses';
import { ApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { fieldProblemMessage } from '@asah/ui/errors';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { usePositionOptions } from '../../positions/hooks/use-position-options';
import { useCreateEnrolmentRule } from '../hooks/use-enrolment-rules';
import { useUnitTree } from '../hooks/use-unit-tree';
import { translated } from '../schema-messages';
import { CriteriaFields, EMPTY_CRITERIA, toCriteria, type CriteriaValues } from './CriteriaFields';

interface RuleFormDialogProps {
  open: boolean;
  course: TCourseDetail;
  cohorts: readonly TCohort[];
  onClose: () => void;
}

export function RuleFormDialog({ open, onClose, ...rest }: RuleFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('rules.createTitle')} onClose={onClose} size="lg" description={t('rules.createIntro')}>
      <RuleForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function RuleForm({ course, cohorts, onClose }: Omit<RuleFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const units = useUnitTree(true);
  const positions = usePositionOptions();
  const create = useCreateEnrolmentRule();
  const [name, setName] = useState('');
  const [cohortId, setCohortId] = useState(cohorts.length === 1 ? cohorts[0].id : '');
  const [deadline, setDeadline] = useState('');
  const [criteria, setCriteria] = useState<CriteriaValues>(EMPTY_CRITERIA);
  const [local, setLocal] = useState<Record<string, FieldError>>({});

  const server: Record<string, FieldError> = {};
  if (create.error instanceof ApiError) {
    for (const problem of create.error.fieldErrors) {
      const field = problem.field.startsWith('criteria') ? 'criteria' : problem.field.split('.')[0];
      server[field] ??= { type: 'server', message: fieldProblemMessage(t, problem) };
    }
  }
  const problems = { ...server, ...local };
  const bannerError = create.error && Object.keys(server).length === 0 ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, FieldError> = {};
    if (!name.trim()) missing.name = { type: 'server', message: t('validation.required') };
    if (cohorts.length > 0 && !cohortId) missing.cohortId = { type: 'server', message: t('bulk.chooseCohort') };
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    create.mutate(
      {
        // A platform-wide course's rule selects the employees of the agency being managed.
        agencyId: course.agencyId === null ? scope.agencyId : undefined,
        name: name.trim(),
        courseId: course.id,
        cohortId: cohortId || null,
        criteria: toCriteria(criteria),
        deadline: deadline || null,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {bannerError ? <ErrorBanner error={bannerError} /> : null}
      <div className="form-grid">
        <TextField label={t('rules.name')} name="name" required hint={t('rules.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={problems.name} className="span-2" />
        {cohorts.length > 0 && (
          <SelectField label={t('enrolments.cohort')} name="cohortId" required value={cohortId} onChange={(e) => setCohortId(e.target.value)} error={problems.cohortId}>
            <option value="">{t('common.choose')}</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={t('enrolments.deadline')} name="deadline" type="date" optional value={deadline} onChange={(e) => setDeadline(e.target.value)} error={problems.deadline} />
      </div>
      <CriteriaFields values={criteria} onChange={setCriteria} units={units} positions={positions.options} error={translated(t, problems.criteria)} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('rules.save')}
        </button>
      </div>
    </form>
  );
}
