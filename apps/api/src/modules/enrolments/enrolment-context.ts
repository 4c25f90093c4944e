import { EntityManager } from 'typeorm';
import { DEFAULT_ENROLMENT_POLICY, TEnrolmentPolicy } from '@asah/contracts/enrolments';
import { DomainError } from '../../common/errors/domain-error';
import { addDays } from '../../common/time/jakarta';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseEnrolmentSettings } from './course-enrolment-settings.entity';

export interface CourseSettings {
  enrolmentPolicy: TEnrolmentPolicy;
  deadlineDays: number | null;
}

export async function courseSettings(manager: EntityManager, courseId: string): Promise<CourseSettings> {
  const row = await manager.findOneBy(CourseEnrolmentSettings, { courseId });
  return { enrolmentPolicy: row?.enrolmentPolicy ?? DEFAULT_ENROLMENT_POLICY, deadlineDays: row?.deadlineDays ?? null };
}

/** A cohort of another agency (on a platform-wide course) is invisible to learners and admins of others. */
export const cohortOpenTo = (cohort: { agencyId: string | null }, agencyId: string | null) => cohort.agencyId === null || cohort.agencyId === agencyId;

/**
 * Whether people of `agencyId` must pick a cohort: the course has cohorts they may join. A course
 * whose cohorts all belong to another agency is taken without a cohort.
 */
export async function requiresCohort(manager: EntityManager, courseId: string, agencyId: string | null): Promise<boolean> {
  const [row] = await manager.query(`SELECT EXISTS (SELECT 1 FROM cohorts WHERE course_id = $1 AND (agency_id IS NULL OR agency_id = $2)) AS yes`, [courseId, agencyId]);
  return row.yes;
}

export const cohortRequired = () =>
  new DomainError('VALIDATION_FAILED', 'cohortId: this course runs in cohorts; choose one', [
    { field: 'cohortId', code: 'COHORT_REQUIRED', message: 'This course runs in cohorts; choose one' },
  ]);

/**
 * The deadline of a new enrolment: the one given (bulk, rules), else the cohort's, else (without a
 * cohort) the course's number of days from today; refused when it is already past.
 */
export function resolveDeadline(cohort: Cohort | null, settings: CourseSettings, given: string | null | undefined, today: string): string | null {
  const deadline = given ?? (cohort ? cohort.deadline : settings.deadlineDays ? addDays(today, settings.deadlineDays) : null);
  if (deadline && deadline < today) {
    const field = given ? 'deadline' : 'cohortId';
    throw new DomainError('DEADLINE_PASSED', `The deadline ${deadline} has passed`, [{ field, code: 'DEADLINE_PASSED', message: `The deadline ${deadline} has passed` }]);
  }
  return deadline;
}
