import { z } from 'zod';
import { ZPage, ZPageQuery } from './common';
import { ZEnrolmentStatus } from './enrolments';

/*
 * SCORM runtime and tracking (issue 4). The wire design is in /work/notes/runtime-wire.md and
 * docs/architecture.md ("SCORM runtime"):
 *
 * - Portal origin, cookie auth: launch an attempt, read progress (learner), progress tables,
 *   attempt detail and CSV (editors, admins).
 * - Content origin (`/rt/<attemptId>/...`), ATTEMPT TOKEN only (`?t=` or header `x-attempt-token`,
 *   never a cookie): the launcher page, the runtime state, commits, sequencing state, asset launches.
 *
 * Statuses of an activity (and of one attempt) for a learner:
 * - `not_started`: never launched;
 * - `incomplete`: launched, not yet completed;
 * - `completed`: completed, no success status (or `unknown`);
 * - `passed` / `failed`: with a success status. Only `completed` and `passed` satisfy the course rule
 *   (DONE_STATUSES); a learner who failed may start a new attempt per the activity's attempt policy.
 */

export const ACTIVITY_PROGRESS_STATUSES = ['not_started', 'incomplete', 'completed', 'passed', 'failed'] as const;
export const ZActivityProgressStatus = z.enum(ACTIVITY_PROGRESS_STATUSES);
export type TActivityProgressStatus = z.infer<typeof ZActivityProgressStatus>;
/** Statuses that satisfy the course completion rule for an activity. */
export const DONE_STATUSES = ['completed', 'passed'] as const satisfies readonly TActivityProgressStatus[];

export const ZScormStandard = z.enum(['scorm12', 'scorm2004']);
export type TScormStandard = z.infer<typeof ZScormStandard>;

/** Header that may carry the attempt token where a header is possible (never required: beacons cannot send one). */
export const ATTEMPT_TOKEN_HEADER = 'x-attempt-token';
/** Query parameter carrying the attempt token on every `/rt/...` call. */
export const ATTEMPT_TOKEN_PARAM = 't';

// ---------------------------------------------------------------------------------------------
// Launch (portal origin)
// ---------------------------------------------------------------------------------------------

/** `POST /api/learning/activities/:activityId/launch`. */
export const ZLaunchAttemptRequest = z.strictObject({
  /** Start a new attempt (allowed per the activity's attempt policy); otherwise the latest attempt is resumed. */
  newAttempt: z.boolean().optional(),
});
export type TLaunchAttemptRequest = z.infer<typeof ZLaunchAttemptRequest>;

export const ZLaunch = z.object({
  attemptId: z.uuid(),
  attemptNumber: z.number().int(),
  /** `<CONTENT_ORIGIN>/rt/<attemptId>/?t=<attemptToken>`: frame this. */
  launcherUrl: z.string(),
  standard: ZScormStandard,
  title: z.string(),
  /** A course editor's preview: tracked like any attempt but never rolled up to the course. */
  preview: z.boolean(),
  /** When the attempt token stops working (the portal launches again to get a new one). */
  expiresAt: z.iso.datetime(),
  /** Whether the learner may start a new attempt now (per the attempt policy). */
  canStartNewAttempt: z.boolean(),
});
export type TLaunch = z.infer<typeof ZLaunch>;

/** `POST /api/learning/activities/:activityId/viewed`: a page, file or video activity counts as done once opened. */
export const ZActivityViewed = z.object({ activityId: z.uuid(), status: ZActivityProgressStatus });
export type TActivityViewed = z.infer<typeof ZActivityViewed>;

/**
 * `GET /api/learning/activities/:activityId/content`: what the learner player shows of a page, file or
 * video activity. The page text was sanitised on write; the file itself is fetched from the content
 * origin through the content launch (`POST /api/courses/:id/activities/:activityId/launch`), never here.
 */
export const ZActivityContent = z.object({
  activityId: z.uuid(),
  courseId: z.uuid(),
  type: z.enum(['page', 'file', 'video']),
  title: z.string(),
  /** Page activities: the sanitised rich text; null for the others. */
  html: z.string().nullable(),
  /** File and video activities: the current upload; null before one is uploaded (and for pages). */
  file: z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }).nullable(),
});
export type TActivityContent = z.infer<typeof ZActivityContent>;

// ---------------------------------------------------------------------------------------------
// Runtime (content origin, attempt token)
// ---------------------------------------------------------------------------------------------

export interface TRuntimeItem {
  identifier: string;
  title: string;
  /** Absolute content-origin URL of the SCO or asset, manifest parameters included; null for clusters. */
  launchUrl: string | null;
  scormType: 'sco' | 'asset' | null;
  /** False for items the manifest marks `isvisible="false"` (the TOC hides them). */
  isVisible: boolean;
  children: TRuntimeItem[];
}
export const ZRuntimeItem: z.ZodType<TRuntimeItem> = z.lazy(() =>
  z.object({
    identifier: z.string(),
    title: z.string(),
    launchUrl: z.string().nullable(),
    scormType: z.enum(['sco', 'asset']).nullable(),
    isVisible: z.boolean(),
    children: z.array(ZRuntimeItem),
  }),
);

export const ZRuntimeScoState = z.object({
  /**
   * For scorm-again `loadFromJSON` (the `cmi` object, without the `cmi.` prefix), with the
   * LMS-owned values set: 1.2 `core.entry` / 2004 `entry` (`resume` after exit `suspend`, else
   * `ab-initio` or ''), `core.total_time` / `total_time`, learner id and name, credit, mode, and the
   * manifest's launch_data, mastery score, time limits. Interactions and objectives are included.
   */
  cmi: z.record(z.string(), z.unknown()),
  /** 2004 `adl.data` stores the SCO may read, or null. */
  adlData: z.array(z.record(z.string(), z.unknown())).nullable(),
  /** Last acknowledged (session, commitSequence) for this SCO; commits must be newer. */
  lastSession: z.number().int(),
  lastSequence: z.number().int(),
  completionStatus: z.string().nullable(),
  successStatus: z.string().nullable(),
});
export type TRuntimeScoState = z.infer<typeof ZRuntimeScoState>;

/** `GET /rt/<attemptId>/state?t=`: one call = one launcher page load = a new `session`. */
export const ZRuntimeState = z.object({
  attemptId: z.uuid(),
  attemptNumber: z.number().int(),
  standard: ZScormStandard,
  title: z.string(),
  preview: z.boolean(),
  /** Incremented by the server on every state fetch; the launcher sends it with every commit. */
  session: z.number().int(),
  items: z.array(ZRuntimeItem),
  /** scorm-again SequencingSettings built from the manifest's imsss (2004), or null. */
  sequencing: z.unknown().nullable(),
  /** The last sequencing state the launcher saved (PUT .../sequencing), or null. */
  sequencingState: z.unknown().nullable(),
  /** The item to start or resume. */
  currentItem: z.string().nullable(),
  /** Longest suspend_data accepted, in characters (SUSPEND_DATA_MAX_CHARS for 1.2; 64000 for 2004). */
  suspendDataMax: z.number().int(),
  /** Per launchable item identifier (every SCO and asset), with the LMS-owned values set. */
  scos: z.record(z.string(), ZRuntimeScoState),
  /** Absolute URLs the launcher posts to (token included). */
  endpoints: z.object({
    /** Replace `{identifier}` with encodeURIComponent(item identifier). */
    commit: z.string(),
    sequencing: z.string(),
    launched: z.string(),
  }),
  /** Portal origins allowed to frame the launcher and talk to it by postMessage. */
  portalOrigins: z.array(z.string()),
});
export type TRuntimeState = z.infer<typeof ZRuntimeState>;

/**
 * `POST /rt/<attemptId>/sco/<identifier>/commit?t=[&terminate=true]`: scorm-again's JSON commit
 * (`dataCommitFormat: 'json'`, `includeCommitSequence: true`, `renderCommonCommitFields: false`)
 * plus `session`. Content-Type application/json or text/plain (sendBeacon).
 */
export const ZRuntimeCommit = z.looseObject({
  session: z.coerce.number().int().min(1),
  commitSequence: z.coerce.number().int().min(0),
  cmi: z.record(z.string(), z.unknown()),
  adl: z.looseObject({ data: z.unknown().optional() }).optional(),
  sharedData: z.unknown().optional(),
});
export type TRuntimeCommit = z.infer<typeof ZRuntimeCommit>;

/**
 * Answer of every runtime write. HTTP 200 for accepted commits AND for SCORM-level refusals
 * (`result: false` with the standard's error code), so scorm-again reads the code; other HTTP
 * statuses: 400 malformed body, 403 bad/expired token or wrong attempt, 404 unknown SCO,
 * 413 body over RUNTIME_COMMIT_MAX_BYTES.
 * - `duplicate: true`: this (session, commitSequence) or a newer one was already stored; no effect.
 * - SCORM 1.2 codes: 101 general, 201 invalid argument, 405 incorrect data type (bad vocabulary,
 *   type or size). SCORM 2004: 351 general set failure, 391 general commit failure, 401 undefined
 *   element, 404 read only, 406 type mismatch, 407 value out of range.
 */
export const ZCommitAck = z.object({
  result: z.boolean(),
  errorCode: z.number().int(),
  errorMessage: z.string().optional(),
  /** The CMI element at fault, e.g. `cmi.core.lesson_status`. */
  element: z.string().optional(),
  duplicate: z.boolean().optional(),
});
export type TCommitAck = z.infer<typeof ZCommitAck>;

/** Rollup the launcher computed with scorm-again's sequencing (sequenced 2004 packages); it replaces the per-SCO rollup. */
export const ZSequencingRollup = z.object({
  completion: z.enum(['completed', 'incomplete', 'not attempted', 'unknown']),
  success: z.enum(['passed', 'failed', 'unknown']),
  scoreScaled: z.number().min(-1).max(1).nullable().optional(),
});
export type TSequencingRollup = z.infer<typeof ZSequencingRollup>;

/** `PUT /rt/<attemptId>/sequencing?t=`. A state from an older session than the stored one is ignored. */
export const ZSequencingStateRequest = z.object({
  session: z.coerce.number().int().min(1),
  /** The save's number within the session: a lower one arriving after a higher one is ignored. */
  seq: z.number().int().min(1).optional(),
  /** Opaque for the server (scorm-again's sequencing state); at most 256 KiB as JSON. */
  state: z.unknown(),
  /** The item the learner is on, to resume there. */
  currentItem: z.string().max(2000).nullable().optional(),
  rollup: ZSequencingRollup.optional(),
});
export type TSequencingStateRequest = z.infer<typeof ZSequencingStateRequest>;

// ---------------------------------------------------------------------------------------------
// Progress (learner)
// ---------------------------------------------------------------------------------------------

export const ZActivityProgress = z.object({
  activityId: z.uuid(),
  status: ZActivityProgressStatus,
  /** -1..1, null when the content reported no score. */
  scoreScaled: z.number().nullable(),
  scoreRaw: z.number().nullable(),
  /** Number of non-preview attempts. */
  attempts: z.number().int(),
  lastActivityAt: z.iso.datetime().nullable(),
  /** The latest attempt was suspended (or left incomplete) and can be resumed. */
  resumable: z.boolean(),
  /** Counts for the course rule. */
  required: z.boolean(),
});
export type TActivityProgress = z.infer<typeof ZActivityProgress>;

export const ZCourseProgress = z.object({
  courseId: z.uuid(),
  enrolmentId: z.uuid().nullable(),
  /** The enrolment's status; null for an editor without an enrolment. */
  status: ZEnrolmentStatus.nullable(),
  /** 0..100: done activities that count for the course rule over all that count. */
  percent: z.number().int(),
  completedAt: z.iso.datetime().nullable(),
  activities: z.array(ZActivityProgress),
  /** Where "Lanjutkan" goes: the first resumable activity, else the first one not done; null when all done. */
  resumeActivityId: z.uuid().nullable(),
});
export type TCourseProgress = z.infer<typeof ZCourseProgress>;
export const ZCourseProgressList = z.array(ZCourseProgress);
export type TCourseProgressList = z.infer<typeof ZCourseProgressList>;

// ---------------------------------------------------------------------------------------------
// Progress table, attempts, CSV (course editors, agency and platform admins)
// ---------------------------------------------------------------------------------------------

export const COURSE_PROGRESS_FILTERS = ['not_started', 'in_progress', 'completed'] as const;

/** `GET /api/courses/:id/progress` and `.../progress.csv` (same filters; the CSV has every row). */
export const ZCourseProgressQuery = ZPageQuery.extend({
  /** Learner progress: no activity launched, some launched, enrolment completed. */
  progress: z.enum(COURSE_PROGRESS_FILTERS).optional(),
  enrolmentStatus: ZEnrolmentStatus.optional(),
  cohortId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  sort: z.enum(['name', 'percent', 'lastActivityAt']).default('name'),
});
export type TCourseProgressQuery = z.infer<typeof ZCourseProgressQuery>;

export const ZCourseProgressRow = z.object({
  enrolmentId: z.uuid(),
  enrolmentStatus: ZEnrolmentStatus,
  user: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable(), unit: z.string().nullable() }),
  cohort: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  percent: z.number().int(),
  doneActivities: z.number().int(),
  countedActivities: z.number().int(),
  /** Mean scaled score (-1..1) of the activities with a score, or null. */
  scoreScaled: z.number().nullable(),
  /** Learning time over all attempts' SCOs. */
  totalTimeSeconds: z.number().int(),
  lastActivityAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
});
export type TCourseProgressRow = z.infer<typeof ZCourseProgressRow>;
export const ZCourseProgressPage = ZPage(ZCourseProgressRow);
export type TCourseProgressPage = z.infer<typeof ZCourseProgressPage>;

export const ZAttemptSummary = z.object({
  id: z.uuid(),
  attemptNumber: z.number().int(),
  preview: z.boolean(),
  status: ZActivityProgressStatus,
  scoreScaled: z.number().nullable(),
  scoreRaw: z.number().nullable(),
  totalTimeSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
});
export type TAttemptSummary = z.infer<typeof ZAttemptSummary>;

/** `GET /api/courses/:id/progress/:userId`: one learner's activities with their attempts. */
export const ZLearnerCourseProgress = z.object({
  courseId: z.uuid(),
  user: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }),
  enrolmentId: z.uuid().nullable(),
  enrolmentStatus: ZEnrolmentStatus.nullable(),
  percent: z.number().int(),
  activities: z.array(
    z.object({
      activityId: z.uuid(),
      title: z.string(),
      type: z.string(),
      required: z.boolean(),
      status: ZActivityProgressStatus,
      scoreScaled: z.number().nullable(),
      scoreRaw: z.number().nullable(),
      attempts: z.array(ZAttemptSummary),
    }),
  ),
});
export type TLearnerCourseProgress = z.infer<typeof ZLearnerCourseProgress>;

export const ZInteraction = z.object({
  /** Index in the SCO's cmi.interactions. */
  index: z.number().int(),
  id: z.string(),
  type: z.string().nullable(),
  description: z.string().nullable(),
  learnerResponse: z.string().nullable(),
  correctResponses: z.array(z.string()),
  result: z.string().nullable(),
  weighting: z.number().nullable(),
  latency: z.string().nullable(),
  timestamp: z.string().nullable(),
  objectiveIds: z.array(z.string()),
});
export type TInteraction = z.infer<typeof ZInteraction>;

export const ZObjective = z.object({
  index: z.number().int(),
  id: z.string(),
  /** 1.2 `status`; 2004 completion_status. */
  completionStatus: z.string().nullable(),
  successStatus: z.string().nullable(),
  scoreScaled: z.number().nullable(),
  scoreRaw: z.number().nullable(),
  scoreMin: z.number().nullable(),
  scoreMax: z.number().nullable(),
  progressMeasure: z.number().nullable(),
  description: z.string().nullable(),
});
export type TObjective = z.infer<typeof ZObjective>;

export const ZScoDetail = z.object({
  identifier: z.string(),
  title: z.string(),
  completionStatus: z.string().nullable(),
  successStatus: z.string().nullable(),
  scoreRaw: z.number().nullable(),
  scoreMin: z.number().nullable(),
  scoreMax: z.number().nullable(),
  scoreScaled: z.number().nullable(),
  totalTimeSeconds: z.number().int(),
  location: z.string().nullable(),
  suspendDataLength: z.number().int(),
  entry: z.string().nullable(),
  exit: z.string().nullable(),
  sessions: z.number().int(),
  lastCommitAt: z.iso.datetime().nullable(),
  interactions: z.array(ZInteraction),
  objectives: z.array(ZObjective),
});
export type TScoDetail = z.infer<typeof ZScoDetail>;

/** `GET /api/attempts/:id`: the learner's own, or (editors, admins in scope) anyone's in their courses. */
export const ZAttemptDetail = ZAttemptSummary.extend({
  courseId: z.uuid(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  standard: ZScormStandard,
  user: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }),
  scos: z.array(ZScoDetail),
  /** Most recent commits first (at most 50): the audit trail. */
  commits: z.array(
    z.object({
      scoIdentifier: z.string(),
      session: z.number().int(),
      sequence: z.number().int(),
      terminate: z.boolean(),
      receivedAt: z.iso.datetime(),
      changedKeys: z.array(z.string()),
    }),
  ),
});
export type TAttemptDetail = z.infer<typeof ZAttemptDetail>;

export const ZLearnerParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export const ZActivityIdParams = z.strictObject({ activityId: z.uuid() });
export const ZCourseIdParams = z.strictObject({ courseId: z.uuid() });
