import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDevelopmentProgram, TProgramCohortResult } from '@asah/contracts/competency';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { TextField } from '@asah/ui/components/TextField';
import { usePublishedCourses } from '../hooks/use-course-options';
import { useProgramCohort } from '../hooks/use-plans';

interface ProgramCohortDialogProps {
  planId: string;
  program: TDevelopmentProgram | null;
  onClose: () => void;
}

/** Turns an approved program into a cohort of a published course, enrolling its target employees. */
export function ProgramCohortDialog({ planId, program, onClose }: ProgramCohortDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={program !== null} title={t('competency.plan.cohortTitle')} onClose={onClose}>
      {program && <CohortForm planId={planId} program={program} onClose={onClose} />}
    </Modal>
  );
}

function CohortForm({ planId, program, onClose }: { planId: string; program: TDevelopmentProgram; onClose: () => void }) {
  const { t } = useTranslation();
  const courses = usePublishedCourses();
  const cohort = useProgramCohort(planId);
  const [courseId, setCourseId] = useState('');
  const [name, setName] = useState(program.title);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<TProgramCohortResult | null>(null);

  if (result) {
    return (
      <div className="stack">
        <SuccessBanner>{t('competency.plan.cohortCreated', { count: result.enrolled })}</SuccessBanner>
        {result.skipped.length > 0 && <p>{t('competency.plan.cohortSkipped', { count: result.skipped.length })}</p>}
        <div className="form-footer">
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('competency.plan.done')}
          </button>
        </div>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!courseId) return setProblem(t('competency.plan.chooseCourse'));
    cohort.mutate(
      { programId: program.id, body: { courseId, name: name.trim() || undefined } },
      { onSuccess: setResult },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      {cohort.isError && <ErrorBanner error={cohort.error} />}
      <p>{t('competency.plan.cohortIntro', { count: program.targetEmployees.length })}</p>
      {courses.isPending ? (
        <LoadingState />
      ) : (
        <SelectField
          label={t('competency.plan.course')}
          name="courseId"
          required
          value={courseId}
          error={problem ? { message: problem, type: 'server' } : undefined}
          onChange={(event) => {
            setCourseId(event.target.value);
            setProblem(null);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {courses.data?.items.map((course) => (
            <option key={course.id} value={course.id}>
              {course.code} · {course.title}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label={t('competency.plan.cohortName')} name="name" value={name} onChange={(event) => setName(event.target.value)} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={cohort.isPending}>
          {cohort.isPending ? t('common.saving') : t('competency.plan.cohortSubmit')}
        </button>
      </div>
    </form>
  );
}
