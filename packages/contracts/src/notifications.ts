import { z } from 'zod';
import { ZPage, ZPageQuery, ZQueryBoolean } from './common';

/**
 * In-app notifications (the bell), also sent by email when SMTP is configured (otherwise logged).
 * The portals translate `type` (`notifications.<type>`) and fill in `data`.
 *
 * - `enrolled`: an admin, a bulk action or a rule enrolled the learner (`status`: approved or waitlisted);
 * - `waitlist_promoted`: a seat freed and the learner has it (`status` approved, or requested when it still needs approval);
 * - `approval_needed`: to approvers, a request (`kind` enrolment) or a development log (`kind` development_log) waits;
 * - `approval_decided`: the learner's enrolment request was approved or rejected (`decision`, `reason`);
 * - `log_decided`: the learner's development log was approved or rejected;
 * - `cohort_starts_soon`, `deadline_approaching`, `session_tomorrow`: daily reminders;
 * - `certificate_issued`, `certificate_revoked`: sent by the certificate feature (`certificateId`, `certificateNumber`, `courseTitle`; revoked: `reason`).
 */
export const NOTIFICATION_TYPES = [
  'enrolled',
  'waitlist_promoted',
  'approval_needed',
  'approval_decided',
  'log_decided',
  'cohort_starts_soon',
  'deadline_approaching',
  'session_tomorrow',
  'certificate_issued',
  'certificate_revoked',
] as const;
export const ZNotificationType = z.enum(NOTIFICATION_TYPES);
export type TNotificationType = z.infer<typeof ZNotificationType>;

/** Reminders: a cohort starting within this many days; a deadline within this many days. */
export const COHORT_REMINDER_DAYS = 3;
export const DEADLINE_REMINDER_DAYS = 7;

export const ZNotificationData = z.object({
  kind: z.enum(['enrolment', 'development_log']).optional(),
  courseId: z.uuid().optional(),
  courseTitle: z.string().optional(),
  cohortId: z.uuid().optional(),
  cohortName: z.string().optional(),
  enrolmentId: z.uuid().optional(),
  status: z.string().optional(),
  decision: z.enum(['approved', 'rejected']).optional(),
  reason: z.string().nullable().optional(),
  learnerName: z.string().optional(),
  startsOn: z.string().optional(),
  deadline: z.string().optional(),
  sessionId: z.uuid().optional(),
  sessionTitle: z.string().optional(),
  startsAt: z.string().optional(),
  location: z.string().nullable().optional(),
  logId: z.uuid().optional(),
  logTitle: z.string().optional(),
  certificateId: z.uuid().optional(),
  certificateNumber: z.string().optional(),
  jp: z.number().optional(),
});
export type TNotificationData = z.infer<typeof ZNotificationData>;

export const ZNotification = z.object({
  id: z.uuid(),
  type: ZNotificationType,
  data: ZNotificationData,
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** Newest first. */
export const ZNotificationPage = ZPage(ZNotification).extend({ unreadCount: z.number().int() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZNotificationQuery = ZPageQuery.extend({ unreadOnly: ZQueryBoolean.optional() });
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZUnreadCount = z.object({ count: z.number().int() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;
