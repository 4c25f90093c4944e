import { z } from 'zod';
import { ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { ZCourseCategory, ZDeliveryMode } from './courses';
import { ZPositionType } from './positions';
import { ZEmploymentType } from './roles';

/**
 * Enrolment (pendaftaran): who takes which course, in which cohort (angkatan), with what status.
 *
 * Statuses:
 * - `requested`: waiting for the approver (head of the learner's unit, or an agency admin);
 * - `waitlisted`: the cohort was full; promoted automatically, first come first served, when a seat frees;
 * - `approved`: has a place and has not started yet (self-enrolled, enrolled by an admin, or approved);
 * - `active`: has started learning (first launch or attendance; set by the delivery features);
 * - `completed`: finished; the course JP were credited to the JP ledger;
 * - `withdrawn`: withdrew, was unenrolled by an admin, or was rejected (`decision: 'rejected'`);
 * - `expired`: the deadline passed before completion.
 *
 * In a cohort with a capacity, `requested`, `approved`, `active` and `completed` hold a seat (a request
 * reserves one so that approving never overbooks); `waitlisted`, `withdrawn` and `expired` do not.
 * Records are never deleted: unenrolling sets `withdrawn`.
 */
export const ENROLMENT_STATUSES = ['requested', 'waitlisted', 'approved', 'active', 'completed', 'withdrawn', 'expired'] as const;
export const ZEnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type TEnrolmentStatus = z.infer<typeof ZEnrolmentStatus>;

/** Statuses that occupy a seat of a cohort with a capacity. */
export const SEAT_STATUSES = ['requested', 'approved', 'active', 'completed'] as const satisfies readonly TEnrolmentStatus[];
/** Statuses of an enrolment still under way (at most one per course and learner, with `completed`). */
export const CURRENT_STATUSES = ['requested', 'waitlisted', 'approved', 'active'] as const satisfies readonly TEnrolmentStatus[];
/** Statuses a learner (or an admin) may withdraw from. */
export const WITHDRAWABLE_STATUSES = CURRENT_STATUSES;

/** How an enrolment came about: the learner (`self`, or `approval` when it needed approval), an admin, a bulk action, a saved rule. */
export const ENROLMENT_METHODS = ['self', 'approval', 'admin', 'bulk', 'rule'] as const;
export const ZEnrolmentMethod = z.enum(ENROLMENT_METHODS);
export type TEnrolmentMethod = z.infer<typeof ZEnrolmentMethod>;

/**
 * Who may enrol in a course or cohort ("enrolment method" of the course, overridable per cohort):
 * learners themselves, learners with approval, or only admins.
 */
export const ENROLMENT_POLICIES = ['self', 'approval', 'admin_only'] as const;
export const ZEnrolmentPolicy = z.enum(ENROLMENT_POLICIES);
export type TEnrolmentPolicy = z.infer<typeof ZEnrolmentPolicy>;
/** A course without settings takes self-enrolment. */
export const DEFAULT_ENROLMENT_POLICY: TEnrolmentPolicy = 'self';

export const DECISIONS = ['approved', 'rejected'] as const;
export const ZDecision = z.enum(DECISIONS);
export type TDecision = z.infer<typeof ZDecision>;

/** `YYYY-MM-DD`, a calendar day in Asia/Jakarta. */
export const ZDay = z.iso.date();
const ZReason = z.string().trim().max(1000);
const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

// ---- references embedded in rows ----

export const ZCourseRef = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  jp: z.number(),
  coverImageKey: z.string().nullable(),
  deliveryMode: ZDeliveryMode,
  category: ZCourseCategory,
});
export type TCourseRef = z.infer<typeof ZCourseRef>;

export const ZCohortRef = z.object({
  id: z.uuid(),
  name: z.string(),
  startsOn: ZDay,
  endsOn: ZDay,
});
export type TCohortRef = z.infer<typeof ZCohortRef>;

export const ZLearnerRef = z.object({
  id: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  email: z.string(),
  employmentType: ZEmploymentType.nullable(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  position: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZPositionType }).nullable(),
});
export type TLearnerRef = z.infer<typeof ZLearnerRef>;

// ---- the enrolment ----

export const ZEnrolment = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  /** Null: enrolled in the course itself (a course without cohorts). */
  cohortId: z.uuid().nullable(),
  userId: z.uuid(),
  status: ZEnrolmentStatus,
  method: ZEnrolmentMethod,
  /** Complete by this day (Asia/Jakarta); past it an unfinished enrolment expires. */
  deadline: ZDay.nullable(),
  requestedAt: z.iso.datetime(),
  /** Who created the enrolment: the learner, or the admin who enrolled them. */
  requestedBy: z.uuid().nullable(),
  /** The learner's note to the approver. */
  requestReason: z.string().nullable(),
  decision: ZDecision.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.uuid().nullable(),
  decisionReason: z.string().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: z.uuid().nullable(),
  withdrawalReason: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  /** The saved rule that enrolled the learner. */
  ruleId: z.uuid().nullable(),
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TEnrolment = z.infer<typeof ZEnrolment>;

/** A row of "Pembelajaran Saya" (`GET /api/me/enrolments`) and the answer to enrolling. */
export const ZMyEnrolment = ZEnrolment.extend({
  course: ZCourseRef,
  cohort: ZCohortRef.nullable(),
  can: z.object({ withdraw: z.boolean() }),
});
export type TMyEnrolment = z.infer<typeof ZMyEnrolment>;
export const ZMyEnrolmentPage = ZPage(ZMyEnrolment);
export type TMyEnrolmentPage = z.infer<typeof ZMyEnrolmentPage>;

/** `current`: requested, waitlisted, approved, active; `past`: withdrawn, expired. */
export const MY_ENROLMENT_FILTERS = ['current', 'completed', 'past', 'all'] as const;
export const ZMyEnrolmentQuery = ZPageQuery.extend({
  show: z.enum(MY_ENROLMENT_FILTERS).default('current'),
});
export type TMyEnrolmentQuery = z.infer<typeof ZMyEnrolmentQuery>;

/**
 * `POST /api/enrolments`: the learner enrols (policy `self`) or asks to (policy `approval`). A course
 * with cohorts needs `cohortId`. Enrolling again in the same course and cohort answers the existing
 * enrolment unchanged; after a withdrawal it enrols anew.
 */
export const ZEnrolRequest = z.strictObject({
  courseId: z.uuid(),
  cohortId: z.uuid().optional(),
  /** Note for the approver. */
  reason: ZReason.optional(),
});
export type TEnrolRequest = z.infer<typeof ZEnrolRequest>;

/** `POST /api/enrolments/:id/withdraw`: the learner withdraws, or an admin unenrols (the record stays). */
export const ZWithdrawRequest = z.strictObject({ reason: ZReason.optional() });
export type TWithdrawRequest = z.infer<typeof ZWithdrawRequest>;

// ---- approvals ----

export const ZApproveRequest = z.strictObject({ reason: ZReason.optional() });
export type TApproveRequest = z.infer<typeof ZApproveRequest>;
export const ZRejectRequest = z.strictObject({ reason: ZReason.min(1, { message: 'Give the learner a reason' }) });
export type TRejectRequest = z.infer<typeof ZRejectRequest>;

/** A row of the approver's queue and of an admin's enrolment list. */
export const ZEnrolmentRow = ZEnrolment.extend({
  learner: ZLearnerRef,
  course: ZCourseRef,
  cohort: ZCohortRef.nullable(),
});
export type TEnrolmentRow = z.infer<typeof ZEnrolmentRow>;
export const ZEnrolmentRowPage = ZPage(ZEnrolmentRow);
export type TEnrolmentRowPage = z.infer<typeof ZEnrolmentRowPage>;

/**
 * `GET /api/approvals`: heads of units see the requests of the employees of the units they head,
 * sub-units included; agency admins see every request of their agency (platform admins: of every
 * agency, or of `agencyId`). Nobody sees or decides their own request.
 * `pending`: awaiting a decision, oldest first; `decided`: decided by anyone, newest first.
 */
export const ZApprovalQuery = ZPageQuery.extend({
  state: z.enum(['pending', 'decided']).default('pending'),
  courseId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
});
export type TApprovalQuery = z.infer<typeof ZApprovalQuery>;

// ---- admin: a course's enrolments ----

export const ZCourseEnrolmentQuery = ZPageQuery.extend({
  cohortId: z.uuid().optional(),
  /** true: only enrolments without a cohort. */
  withoutCohort: ZQueryBoolean.optional(),
  status: ZEnrolmentStatus.optional(),
  unitId: z.uuid().optional(),
  includeSubunits: ZQueryBoolean.optional(),
  sort: z.enum(['name', 'requestedAt', 'status']).default('name'),
});
export type TCourseEnrolmentQuery = z.infer<typeof ZCourseEnrolmentQuery>;

/** Enrolment settings of a course (`GET/PUT /api/courses/:id/enrolment-settings`). */
export const ZCourseEnrolmentSettings = z.object({
  courseId: z.uuid(),
  enrolmentPolicy: ZEnrolmentPolicy,
  /** Enrolments without a cohort must be completed this many days after enrolling; null: no deadline. */
  deadlineDays: z.number().int().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type TCourseEnrolmentSettings = z.infer<typeof ZCourseEnrolmentSettings>;

export const ZUpdateCourseEnrolmentSettingsRequest = z.strictObject({
  enrolmentPolicy: ZEnrolmentPolicy.optional(),
  deadlineDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export type TUpdateCourseEnrolmentSettingsRequest = z.infer<typeof ZUpdateCourseEnrolmentSettingsRequest>;

// ---- admin: bulk enrolment ----

export const BULK_MAX = 5000;

/** Who a selection by organisation matches: active employees with the learner role, all criteria together. */
export const ZEnrolmentCriteria = z
  .strictObject({
    unitId: z.uuid().nullable().default(null),
    /** With unitId: the units below it too. */
    includeSubunits: z.boolean().default(true),
    positionId: z.uuid().nullable().default(null),
    positionType: ZPositionType.nullable().default(null),
    employmentType: ZEmploymentType.nullable().default(null),
  })
  .refine((c) => c.unitId || c.positionId || c.positionType || c.employmentType, {
    message: 'Choose a unit, a position, a position type or an employment type',
    path: ['unitId'],
  });
export type TEnrolmentCriteria = z.output<typeof ZEnrolmentCriteria>;
export type TEnrolmentCriteriaInput = z.input<typeof ZEnrolmentCriteria>;

const bulkCommon = {
  /** Required when the course has cohorts. */
  cohortId: z.uuid().optional(),
  /** Overrides the cohort's or the course's deadline; not in the past. */
  deadline: ZDay.optional(),
  /** true: answer the report without enrolling anyone. */
  dryRun: z.boolean().default(false),
};

/**
 * `POST /api/courses/:id/enrolments/bulk`: by organisation (unit with or without sub-units, position,
 * position type, employment type, together), by user ids, or by a list of NIPs (pasted). NIPs of
 * another agency are reported as unknown. Admin enrolments skip approval and the enrolment window, but
 * respect capacity (waitlist, or COHORT_FULL for the whole request) and deadlines.
 */
export const ZBulkEnrolRequest = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('criteria'), criteria: ZEnrolmentCriteria, ...bulkCommon }),
  z.strictObject({ by: z.literal('users'), userIds: z.array(z.uuid()).min(1).max(BULK_MAX).refine(uniqueIds, { message: 'A user is listed twice' }), ...bulkCommon }),
  z.strictObject({ by: z.literal('nips'), nips: z.array(z.string().trim().max(40)).min(1).max(BULK_MAX), ...bulkCommon }),
]);
export type TBulkEnrolRequest = z.input<typeof ZBulkEnrolRequest>;

/**
 * Multipart fields of `POST /api/courses/:id/enrolments/bulk/csv` besides `file` (a CSV with a `nip`
 * column, or NIPs in the first column without a header; `,` or `;`).
 */
export const ZBulkEnrolCsvFields = z.strictObject({
  cohortId: z.uuid().optional(),
  deadline: ZDay.optional(),
  dryRun: ZQueryBoolean.optional(),
});
export type TBulkEnrolCsvFields = z.infer<typeof ZBulkEnrolCsvFields>;

/**
 * What happened (or, in a dry run, would happen) to each person:
 * `enrolled` (a seat, or enrolled in a course without cohorts), `waitlisted`, `already_enrolled`
 * (no change), `invalid_nip` (not a well-formed NIP), `unknown_nip` (no employee of this agency has it),
 * `duplicate` (listed earlier), `inactive` (deactivated account), `not_learner` (the account has no
 * learner role), `enrolled_elsewhere` (enrolled in another cohort of the course, or completed it already).
 */
export const BULK_OUTCOMES = ['enrolled', 'waitlisted', 'already_enrolled', 'invalid_nip', 'unknown_nip', 'duplicate', 'inactive', 'not_learner', 'enrolled_elsewhere'] as const;
export const ZBulkOutcome = z.enum(BULK_OUTCOMES);
export type TBulkOutcome = z.infer<typeof ZBulkOutcome>;

export const ZBulkEnrolRow = z.object({
  /** CSV: line in the file (header = 1); pasted NIPs: 1-based place in the list; otherwise null. */
  line: z.number().int().nullable(),
  nip: z.string().nullable(),
  userId: z.uuid().nullable(),
  name: z.string().nullable(),
  outcome: ZBulkOutcome,
  /** English; translate `outcome`. */
  message: z.string(),
  enrolmentId: z.uuid().nullable(),
});
export type TBulkEnrolRow = z.infer<typeof ZBulkEnrolRow>;

export const ZBulkEnrolReport = z.object({
  dryRun: z.boolean(),
  counts: z.record(ZBulkOutcome, z.number().int()),
  rows: z.array(ZBulkEnrolRow),
});
export type TBulkEnrolReport = z.infer<typeof ZBulkEnrolReport>;

// ---- saved rules ----

export const ZEnrolmentRuleResult = z.object({
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  alreadyEnrolled: z.number().int(),
});

/**
 * A saved bulk enrolment ("all Pengawas in Dinas Kesehatan" into a course or cohort), applied when an
 * admin asks (`POST /api/enrolment-rules/:id/apply`): people who match and are not enrolled yet are
 * enrolled; nobody is ever unenrolled by a rule.
 */
export const ZEnrolmentRule = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  cohort: ZCohortRef.nullable(),
  criteria: z.object({
    unitId: z.uuid().nullable(),
    includeSubunits: z.boolean(),
    positionId: z.uuid().nullable(),
    positionType: ZPositionType.nullable(),
    employmentType: ZEmploymentType.nullable(),
  }),
  /** Names of the criteria's unit and position, for display. */
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  deadline: ZDay.nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastAppliedAt: z.iso.datetime().nullable(),
  lastAppliedBy: z.uuid().nullable(),
  lastResult: ZEnrolmentRuleResult.nullable(),
});
export type TEnrolmentRule = z.infer<typeof ZEnrolmentRule>;
export const ZEnrolmentRulePage = ZPage(ZEnrolmentRule);

export const ZEnrolmentRuleListQuery = ZPageQuery.extend({
  agencyId: z.uuid().optional(),
  courseId: z.uuid().optional(),
});
export type TEnrolmentRuleListQuery = z.infer<typeof ZEnrolmentRuleListQuery>;

export const ZCreateEnrolmentRuleRequest = z.strictObject({
  /** Platform admins name the agency whose employees the rule selects; agency admins get their own. */
  agencyId: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  courseId: z.uuid(),
  cohortId: z.uuid().nullable().default(null),
  criteria: ZEnrolmentCriteria,
  deadline: ZDay.nullable().default(null),
});
export type TCreateEnrolmentRuleRequest = z.input<typeof ZCreateEnrolmentRuleRequest>;

/** The course never changes; the cohort must be one of the rule's course. */
export const ZUpdateEnrolmentRuleRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  cohortId: z.uuid().nullable().optional(),
  criteria: ZEnrolmentCriteria.optional(),
  deadline: ZDay.nullable().optional(),
});
export type TUpdateEnrolmentRuleRequest = z.input<typeof ZUpdateEnrolmentRuleRequest>;

export const ZApplyEnrolmentRuleRequest = z.strictObject({ dryRun: z.boolean().default(false) });
export type TApplyEnrolmentRuleRequest = z.input<typeof ZApplyEnrolmentRuleRequest>;
