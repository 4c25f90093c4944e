import { z } from 'zod';
import { ZName } from './common';
import { ZDay, ZEnrolmentPolicy } from './enrolments';

/**
 * A cohort (angkatan) of a course, e.g. "Angkatan I 2026": dates, capacity with an optional
 * waitlist, an enrolment window, a deadline and instructors. Cohorts of an agency's course belong to
 * that agency. A platform-wide course may have platform cohorts (`agencyId` null, open to every
 * agency's learners) and cohorts an agency runs for its own employees.
 */

export const COHORT_CAPACITY_MAX = 100_000;

/**
 * Whether a learner can join now: `not_yet_open` / `closed` (outside the enrolment window, or the cohort
 * has ended), `open` (seats left, or no capacity), `waitlist` (full; joining puts you on the waitlist),
 * `full` (full and no waitlist).
 */
export const COHORT_STATES = ['not_yet_open', 'open', 'waitlist', 'full', 'closed'] as const;
export const ZCohortState = z.enum(COHORT_STATES);
export type TCohortState = z.infer<typeof ZCohortState>;

export const ZCohortInstructor = z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() });
export type TCohortInstructor = z.infer<typeof ZCohortInstructor>;

export const ZCohort = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  /** The agency running the cohort; null: a platform cohort of a platform-wide course. */
  agencyId: z.uuid().nullable(),
  name: z.string(),
  startsOn: ZDay,
  endsOn: ZDay,
  /** Null: no limit. */
  capacity: z.number().int().nullable(),
  waitlistEnabled: z.boolean(),
  /** Null: open from creation / until the cohort ends. */
  enrolmentOpensAt: z.iso.datetime().nullable(),
  enrolmentClosesAt: z.iso.datetime().nullable(),
  /** Complete by this day; becomes the deadline of each enrolment. */
  deadline: ZDay.nullable(),
  /** Null: the course's policy applies. */
  enrolmentPolicy: ZEnrolmentPolicy.nullable(),
  /** The policy that applies: the cohort's, or else the course's. */
  effectivePolicy: ZEnrolmentPolicy,
  instructors: z.array(ZCohortInstructor),
  /** requested + approved + active + completed. */
  seatsTaken: z.number().int(),
  /** Null when there is no capacity. */
  seatsLeft: z.number().int().nullable(),
  waitlistCount: z.number().int(),
  state: ZCohortState,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type TCohort = z.infer<typeof ZCohort>;
export const ZCohortList = z.object({ items: z.array(ZCohort) });
export type TCohortList = z.infer<typeof ZCohortList>;

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;
const ZCapacity = z.number().int().min(1).max(COHORT_CAPACITY_MAX);
const ZInstructorIds = z.array(z.uuid()).max(50).refine(uniqueIds, { message: 'An instructor is listed twice' });

interface CohortDates {
  startsOn?: string;
  endsOn?: string;
  enrolmentOpensAt?: string | null;
  enrolmentClosesAt?: string | null;
  deadline?: string | null;
}

/** The order rules of a cohort's dates, as field errors (shared by the schema and the API's check of a partial update). */
export function cohortDateProblems(c: CohortDates): { field: string; code: string; message: string }[] {
  const problems: { field: string; code: string; message: string }[] = [];
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) problems.push({ field: 'endsOn', code: 'BEFORE_START', message: 'The cohort cannot end before it starts' });
  if (c.enrolmentOpensAt && c.enrolmentClosesAt && Date.parse(c.enrolmentClosesAt) <= Date.parse(c.enrolmentOpensAt)) {
    problems.push({ field: 'enrolmentClosesAt', code: 'BEFORE_OPEN', message: 'Enrolment must close after it opens' });
  }
  if (c.startsOn && c.deadline && c.deadline < c.startsOn) problems.push({ field: 'deadline', code: 'BEFORE_START', message: 'The deadline cannot be before the cohort starts' });
  return problems;
}

const datesRule = (c: CohortDates, ctx: z.RefinementCtx) => {
  for (const p of cohortDateProblems(c)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message, params: { code: p.code } });
};

/** `POST /api/courses/:id/cohorts` (admins). */
export const ZCreateCohortRequest = z
  .strictObject({
    /** Platform-wide courses only: platform admins may name an agency (else a platform cohort); agency admins get their own. */
    agencyId: z.uuid().optional(),
    name: ZName,
    startsOn: ZDay,
    endsOn: ZDay,
    capacity: ZCapacity.nullable().default(null),
    waitlistEnabled: z.boolean().default(true),
    enrolmentOpensAt: z.iso.datetime({ offset: true }).nullable().default(null),
    enrolmentClosesAt: z.iso.datetime({ offset: true }).nullable().default(null),
    deadline: ZDay.nullable().default(null),
    enrolmentPolicy: ZEnrolmentPolicy.nullable().default(null),
    /** Active instructors of the cohort's agency. */
    instructorIds: ZInstructorIds.default([]),
  })
  .superRefine(datesRule);
export type TCreateCohortRequest = z.input<typeof ZCreateCohortRequest>;

/**
 * `PATCH /api/cohorts/:id`. Raising the capacity (or removing it) promotes waitlisted learners at once;
 * lowering it below the seats taken is refused.
 */
export const ZUpdateCohortRequest = z
  .strictObject({
    name: ZName.optional(),
    startsOn: ZDay.optional(),
    endsOn: ZDay.optional(),
    capacity: ZCapacity.nullable().optional(),
    waitlistEnabled: z.boolean().optional(),
    enrolmentOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
    enrolmentClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
    deadline: ZDay.nullable().optional(),
    enrolmentPolicy: ZEnrolmentPolicy.nullable().optional(),
    instructorIds: ZInstructorIds.optional(),
  })
  .superRefine(datesRule);
export type TUpdateCohortRequest = z.input<typeof ZUpdateCohortRequest>;
