import { z } from 'zod';
import { ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { ZCohortState } from './cohorts';
import { ZActivityType, ZCourseCategory, ZCourseCompetency, ZDeliveryMode, JP_MAX } from './courses';
import { ZDay, ZEnrolmentPolicy, ZEnrolmentStatus } from './enrolments';

/**
 * Katalog Pelatihan: the published courses a learner may take, i.e. their agency's and the
 * platform-wide ones (`GET /api/catalogue`, `GET /api/catalogue/:courseId`).
 */

/** The learner's enrolment in the course that is under way or completed, if any. */
export const ZCatalogueEnrolment = z.object({
  id: z.uuid(),
  cohortId: z.uuid().nullable(),
  status: ZEnrolmentStatus,
  waitlistPosition: z.number().int().nullable(),
});
export type TCatalogueEnrolment = z.infer<typeof ZCatalogueEnrolment>;

export const ZCatalogueCohortRef = z.object({ id: z.uuid(), name: z.string(), startsOn: ZDay, endsOn: ZDay, state: ZCohortState });

export const ZCatalogueItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  coverImageKey: z.string().nullable(),
  category: ZCourseCategory,
  deliveryMode: ZDeliveryMode,
  jp: z.number(),
  competencies: z.array(ZCourseCompetency),
  platformWide: z.boolean(),
  enrolmentPolicy: ZEnrolmentPolicy,
  /** Whether the course runs in cohorts (then enrolling names one). */
  hasCohorts: z.boolean(),
  /** The next cohort the learner could join that has not ended, soonest first. */
  nextCohort: ZCatalogueCohortRef.nullable(),
  upcomingCohortCount: z.number().int(),
  myEnrolment: ZCatalogueEnrolment.nullable(),
});
export type TCatalogueItem = z.infer<typeof ZCatalogueItem>;
export const ZCataloguePage = ZPage(ZCatalogueItem);
export type TCataloguePage = z.infer<typeof ZCataloguePage>;

export const CATALOGUE_SORTS = ['title', 'newest', 'jp', 'startsOn'] as const;

export const ZCatalogueQuery = ZPageQuery.extend({
  category: ZCourseCategory.optional(),
  /** A competency code the course develops, e.g. `M.01` (case does not matter). */
  competency: z.string().trim().min(1).max(50).optional(),
  deliveryMode: ZDeliveryMode.optional(),
  jpMin: z.coerce.number().min(0).max(JP_MAX).optional(),
  jpMax: z.coerce.number().min(0).max(JP_MAX).optional(),
  /** `agency`: only the learner's agency's courses; `platform`: only platform-wide ones. */
  scope: z.enum(['agency', 'platform']).optional(),
  /** true: only courses with a cohort the learner could join that has not started yet. */
  upcomingCohorts: ZQueryBoolean.optional(),
  /** `startsOn`: soonest upcoming cohort first, courses without one last. */
  sort: z.enum(CATALOGUE_SORTS).default('title'),
});
export type TCatalogueQuery = z.infer<typeof ZCatalogueQuery>;

export const ZCatalogueCohort = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: ZDay,
  endsOn: ZDay,
  deadline: ZDay.nullable(),
  enrolmentOpensAt: z.iso.datetime().nullable(),
  enrolmentClosesAt: z.iso.datetime().nullable(),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  waitlistEnabled: z.boolean(),
  waitlistCount: z.number().int(),
  enrolmentPolicy: ZEnrolmentPolicy,
  state: ZCohortState,
  instructors: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TCatalogueCohort = z.infer<typeof ZCatalogueCohort>;

/** The course page: modules and activities (titles only), JP, competencies, and the cohorts the learner may join. */
export const ZCatalogueCourse = ZCatalogueItem.extend({
  sections: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      description: z.string(),
      activities: z.array(z.object({ id: z.uuid(), type: ZActivityType, title: z.string(), required: z.boolean() })),
    }),
  ),
  /** Cohorts open to the learner that have not ended, by start date. */
  cohorts: z.array(ZCatalogueCohort),
  /** Deadline in days for an enrolment without cohort; null: none. */
  deadlineDays: z.number().int().nullable(),
});
export type TCatalogueCourse = z.infer<typeof ZCatalogueCourse>;

export const ZCatalogueParams = z.strictObject({ courseId: z.uuid() });
