import { EntityManager } from 'typeorm';
import type { TCohortRef, TCourseRef, TEnrolment, TEnrolmentRow, TLearnerRef, TMyEnrolment } from '@asah/contracts/enrolments';
import { WITHDRAWABLE_STATUSES } from '@asah/contracts/enrolments';
import type { TCourseCategory, TDeliveryMode } from '@asah/contracts/courses';
import type { TPositionType } from '@asah/contracts/positions';
import type { TEmploymentType } from '@asah/contracts/roles';

/**
 * One SELECT for every view of enrolments (the learner's list, the approval queue, an admin's list):
 * the enrolment with its course, cohort and learner. Callers add WHERE / ORDER BY / LIMIT. Dates are
 * read as text so a `date` never turns into a midnight in the server's time zone.
 */
export const ENROLMENT_FROM = `
  FROM enrolments e
  JOIN courses c ON c.id = e.course_id
  LEFT JOIN cohorts h ON h.id = e.cohort_id
  JOIN users u ON u.id = e.user_id
  LEFT JOIN units un ON un.id = u.unit_id
  LEFT JOIN positions p ON p.id = u.position_id`;

export const ENROLMENT_SELECT = `
  SELECT e.id, e.course_id, e.cohort_id, e.user_id, e.status, e.method, e.deadline::text AS deadline,
         e.requested_at, e.requested_by, e.request_reason, e.decision, e.decided_at, e.decided_by, e.decision_reason,
         e.withdrawn_at, e.withdrawn_by, e.withdrawal_reason, e.completed_at, e.rule_id, e.created_at, e.updated_at,
         CASE WHEN e.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM enrolments w
            WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted' AND (w.requested_at, w.id) <= (e.requested_at, e.id)
         ) END AS waitlist_position,
         c.code AS course_code, c.title AS course_title, c.jp AS course_jp, c.cover_image_key AS course_cover,
         c.delivery_mode AS course_delivery_mode, c.category AS course_category,
         h.name AS cohort_name, h.starts_on::text AS cohort_starts_on, h.ends_on::text AS cohort_ends_on,
         u.name AS learner_name, u.nip AS learner_nip, u.email AS learner_email, u.employment_type AS learner_employment_type,
         un.id AS unit_id, un.code AS unit_code, un.name AS unit_name,
         p.id AS position_id, p.code AS position_code, p.name AS position_name, p.type AS position_type
  ${ENROLMENT_FROM}`;

export interface EnrolmentRecord {
  id: string;
  course_id: string;
  cohort_id: string | null;
  user_id: string;
  status: TEnrolment['status'];
  method: TEnrolment['method'];
  deadline: string | null;
  requested_at: Date;
  requested_by: string | null;
  request_reason: string | null;
  decision: TEnrolment['decision'];
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
  completed_at: Date | null;
  rule_id: string | null;
  created_at: Date;
  updated_at: Date;
  waitlist_position: number | null;
  course_code: string;
  course_title: string;
  course_jp: string;
  course_cover: string | null;
  course_delivery_mode: TDeliveryMode;
  course_category: TCourseCategory;
  cohort_name: string | null;
  cohort_starts_on: string | null;
  cohort_ends_on: string | null;
  learner_name: string;
  learner_nip: string | null;
  learner_email: string;
  learner_employment_type: TEmploymentType | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  position_id: string | null;
  position_code: string | null;
  position_name: string | null;
  position_type: TPositionType | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toEnrolment(r: EnrolmentRecord): TEnrolment {
  return {
    id: r.id,
    courseId: r.course_id,
    cohortId: r.cohort_id,
    userId: r.user_id,
    status: r.status,
    method: r.method,
    deadline: r.deadline,
    requestedAt: r.requested_at.toISOString(),
    requestedBy: r.requested_by,
    requestReason: r.request_reason,
    decision: r.decision,
    decidedAt: iso(r.decided_at),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnBy: r.withdrawn_by,
    withdrawalReason: r.withdrawal_reason,
    completedAt: iso(r.completed_at),
    ruleId: r.rule_id,
    waitlistPosition: r.waitlist_position,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function courseRef(r: EnrolmentRecord): TCourseRef {
  return {
    id: r.course_id,
    code: r.course_code,
    title: r.course_title,
    jp: Number(r.course_jp),
    coverImageKey: r.course_cover,
    deliveryMode: r.course_delivery_mode,
    category: r.course_category,
  };
}

function cohortRef(r: EnrolmentRecord): TCohortRef | null {
  return r.cohort_id ? { id: r.cohort_id, name: r.cohort_name!, startsOn: r.cohort_starts_on!, endsOn: r.cohort_ends_on! } : null;
}

function learnerRef(r: EnrolmentRecord): TLearnerRef {
  return {
    id: r.user_id,
    name: r.learner_name,
    nip: r.learner_nip,
    email: r.learner_email,
    employmentType: r.learner_employment_type,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code!, name: r.unit_name! } : null,
    position: r.position_id ? { id: r.position_id, code: r.position_code!, name: r.position_name!, type: r.position_type! } : null,
  };
}

export function toMyEnrolment(r: EnrolmentRecord): TMyEnrolment {
  return {
    ...toEnrolment(r),
    course: courseRef(r),
    cohort: cohortRef(r),
    can: { withdraw: (WITHDRAWABLE_STATUSES as readonly string[]).includes(r.status) },
  };
}

export function toEnrolmentRow(r: EnrolmentRecord): TEnrolmentRow {
  return { ...toEnrolment(r), learner: learnerRef(r), course: courseRef(r), cohort: cohortRef(r) };
}

/** One enrolment in every shape; throws when it does not exist (callers check reach first). */
export async function loadEnrolment(manager: EntityManager, id: string): Promise<EnrolmentRecord> {
  const [row] = await manager.query(`${ENROLMENT_SELECT} WHERE e.id = $1`, [id]);
  if (!row) throw new Error(`enrolment ${id} vanished`);
  return row;
}
