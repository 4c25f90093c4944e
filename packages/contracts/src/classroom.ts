import { z } from 'zod';
import { ZName, ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { JP_MAX } from './courses';
import { ZCohortRef, ZCourseRef, ZDay } from './enrolments';

/**
 * Classroom sessions (sesi klasikal) of a classroom activity: date and time, place or online link,
 * capacity, JP. Attendance is taken by the instructor (a checklist) or by learners scanning the
 * session's check-in QR code, which is valid only during the session. A session of a cohort expects
 * that cohort's learners; a session without a cohort expects everyone with a place in the course.
 *
 * Attendance credits the session's JP to the learner's ledger (`classroom_session`); give sessions JP
 * only where the course's own JP do not already cover them.
 */

export const SESSION_TEXT_MAX = 500;
/** The check-in window opens this long before the session starts and closes when it ends. */
export const CHECK_IN_EARLY_MINUTES = 30;
/** A check-in code changes every minute and the previous one is still accepted, so a code lives 1–2 minutes. */
export const CHECK_IN_CODE_SECONDS = 60;
/** The learner portal's check-in page: `${CHECK_IN_PATH}/<sessionId>?kode=<code>` is what the QR code encodes. */
export const CHECK_IN_PATH = '/hadir';

const ZSessionJp = z
  .number()
  .min(0)
  .max(JP_MAX)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals' });
const ZOnlineUrl = z.url({ protocol: /^https?$/, message: 'An http(s) link, e.g. https://zoom.us/j/123' }).max(SESSION_TEXT_MAX);

export const ZClassroomSession = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  activityId: z.uuid(),
  /** Null: for every learner with a place in the course. */
  cohortId: z.uuid().nullable(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  /** Room capacity, for information; attendance is never refused for it. */
  capacity: z.number().int().nullable(),
  jp: z.number(),
  /** Learners with a place (approved, active, completed) the session is for. */
  expectedCount: z.number().int(),
  presentCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean(), takeAttendance: z.boolean() }),
});
export type TClassroomSession = z.infer<typeof ZClassroomSession>;
export const ZClassroomSessionList = z.object({ items: z.array(ZClassroomSession) });
export type TClassroomSessionList = z.infer<typeof ZClassroomSessionList>;

const after = (v: { startsAt?: string; endsAt?: string }) => !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);
const afterMessage = { path: ['endsAt'], message: 'The session must end after it starts' };

export const ZCreateSessionRequest = z
  .strictObject({
    /** A cohort of the course (the agency's or a platform cohort); omitted: for everyone with a place in the course. */
    cohortId: z.uuid().nullable().default(null),
    title: ZName,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().min(1).max(SESSION_TEXT_MAX).nullable().default(null),
    onlineUrl: ZOnlineUrl.nullable().default(null),
    capacity: z.number().int().min(1).max(100_000).nullable().default(null),
    jp: ZSessionJp.default(0),
  })
  .refine(after, afterMessage)
  .refine((v) => v.location !== null || v.onlineUrl !== null, { path: ['location'], message: 'Give a place or an online link' });
export type TCreateSessionRequest = z.input<typeof ZCreateSessionRequest>;

/** The cohort never changes. */
export const ZUpdateSessionRequest = z
  .strictObject({
    title: ZName.optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    location: z.string().trim().min(1).max(SESSION_TEXT_MAX).nullable().optional(),
    onlineUrl: ZOnlineUrl.nullable().optional(),
    capacity: z.number().int().min(1).max(100_000).nullable().optional(),
    jp: ZSessionJp.optional(),
  })
  .refine(after, afterMessage);
export type TUpdateSessionRequest = z.input<typeof ZUpdateSessionRequest>;

export const ZSessionListQuery = z.strictObject({ cohortId: z.uuid().optional() });

// ---- attendance ----

export const ATTENDANCE_METHODS = ['instructor', 'qr'] as const;
export const ZAttendanceMethod = z.enum(ATTENDANCE_METHODS);

export const ZAttendanceRow = z.object({
  userId: z.uuid(),
  enrolmentId: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  present: z.boolean(),
  method: ZAttendanceMethod.nullable(),
  recordedAt: z.iso.datetime().nullable(),
});
export type TAttendanceRow = z.infer<typeof ZAttendanceRow>;

/** `GET /api/sessions/:id/attendance`: the expected learners by name, each present or not. */
export const ZAttendanceSheet = ZPage(ZAttendanceRow).extend({
  session: ZClassroomSession,
});
export type TAttendanceSheet = z.infer<typeof ZAttendanceSheet>;

export const ZAttendanceQuery = ZPageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
  /** true: only those not marked present yet. */
  absentOnly: ZQueryBoolean.optional(),
});
export type TAttendanceQuery = z.infer<typeof ZAttendanceQuery>;

/**
 * `PUT /api/sessions/:id/attendance`: checkbox changes. `present: false` removes a mark (and the JP it
 * credited). Every user must be expected at the session, else nothing is recorded.
 */
export const ZSetAttendanceRequest = z.strictObject({
  entries: z
    .array(z.strictObject({ userId: z.uuid(), present: z.boolean() }))
    .min(1)
    .max(500)
    .refine((e) => new Set(e.map((x) => x.userId)).size === e.length, { message: 'A learner is listed twice' }),
});
export type TSetAttendanceRequest = z.infer<typeof ZSetAttendanceRequest>;

/** `GET /api/sessions/:id/check-in-code`: what the instructor's screen shows as a QR code; refresh before `expiresAt`. */
export const ZCheckInCode = z.object({
  sessionId: z.uuid(),
  code: z.string(),
  /** The learner portal's check-in page with the session and code: what the QR code encodes. */
  url: z.string(),
  expiresAt: z.iso.datetime(),
  /** The check-in window: from CHECK_IN_EARLY_MINUTES before the start to the end of the session. */
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
});
export type TCheckInCode = z.infer<typeof ZCheckInCode>;

export const ZCheckInRequest = z.strictObject({ code: z.string().trim().min(1).max(100) });
export type TCheckInRequest = z.infer<typeof ZCheckInRequest>;

export const ZCheckInResult = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  present: z.literal(true),
  method: ZAttendanceMethod,
  recordedAt: z.iso.datetime(),
});
export type TCheckInResult = z.infer<typeof ZCheckInResult>;

// ---- the learner's schedule ----

export const ZMySession = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  jp: z.number(),
  course: ZCourseRef,
  cohort: ZCohortRef.nullable(),
  present: z.boolean(),
});
export type TMySession = z.infer<typeof ZMySession>;
export const ZMySessionPage = ZPage(ZMySession);

/** `GET /api/me/sessions`: sessions of the learner's courses with a place, from `from` (default today) on, by start. */
export const ZMySessionQuery = ZPageQuery.extend({ from: ZDay.optional(), to: ZDay.optional() });
export type TMySessionQuery = z.infer<typeof ZMySessionQuery>;

export const ZSessionParams = z.strictObject({ id: z.uuid() });
export const ZActivitySessionsParams = z.strictObject({ id: z.uuid(), activityId: z.uuid() });
