import type { TErrorCode } from '@asah/contracts/errors';

/** The one place where error codes become HTTP statuses. */
export const ERROR_STATUS: Record<TErrorCode, number> = {
  VALIDATION_FAILED: 400,
  /** No file in the `file` field, several files, or a type the target does not take. */
  UPLOAD_INVALID: 400,
  /** Not a zip, or a damaged / truncated one. */
  PACKAGE_NOT_ZIP: 400,
  /** The zip was read but refused; `details.report` says why. */
  PACKAGE_INVALID: 422,
  ACTIVITY_TYPE_MISMATCH: 409,
  /** Launching an activity whose package or file has not been uploaded yet. */
  CONTENT_NOT_UPLOADED: 409,
  MALFORMED_JSON: 400,
  IMPORT_INVALID_FILE: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  WRONG_PASSWORD: 400,
  TOO_MANY_ATTEMPTS: 429,
  ACCOUNT_INACTIVE: 403,
  FORBIDDEN: 403,
  ORIGIN_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NIP_TAKEN: 409,
  EMAIL_TAKEN: 409,
  CODE_TAKEN: 409,
  UNIT_NOT_EMPTY: 409,
  UNIT_CYCLE: 409,
  POSITION_IN_USE: 409,
  COURSE_NOT_PUBLISHABLE: 409,
  COURSE_ARCHIVED: 409,
  COURSE_NOT_DELETABLE: 409,
  SECTION_NOT_EMPTY: 409,
  ACTIVITY_TYPE_NOT_AVAILABLE: 400,
  STRUCTURE_MISMATCH: 400,
  /** Enrolling (admins) in a course that is not published. */
  COURSE_NOT_PUBLISHED: 409,
  /** Outside the cohort's enrolment window, or the cohort has ended. */
  ENROLMENT_CLOSED: 409,
  /** The course or cohort takes enrolments from admins only. */
  ENROLMENT_ADMIN_ONLY: 403,
  /** Full and without a waitlist; a bulk enrolment is then refused as a whole. */
  COHORT_FULL: 409,
  COHORT_NOT_EMPTY: 409,
  /** The enrolment's deadline (cohort's, course's or given) is in the past. */
  DEADLINE_PASSED: 409,
  /** Enrolled in another cohort of the course, or completed it already. */
  ALREADY_ENROLLED: 409,
  /** Deciding one's own request. */
  NOT_APPROVER: 403,
  /** The request is no longer waiting for a decision. */
  ALREADY_DECIDED: 409,
  /** A completed enrolment cannot be withdrawn. */
  ENROLMENT_NOT_WITHDRAWABLE: 409,
  /** Completing needs an enrolment with a place (approved or active). */
  ENROLMENT_NOT_ACTIVE: 409,
  /** The learner already holds a valid certificate of the course: revoke it first to reissue. */
  CERTIFICATE_EXISTS: 409,
  /** No template given and the course has none. */
  CERTIFICATE_NO_TEMPLATE: 409,
  /** Revoking a certificate that is revoked already. */
  CERTIFICATE_REVOKED: 409,
  /** Checking in outside the session's window (from 30 minutes before the start to the end). */
  CHECK_IN_CLOSED: 409,
  /** A wrong or expired check-in code (codes change every minute). */
  CHECK_IN_CODE_INVALID: 400,
  /** A session with attendance records cannot be deleted. */
  SESSION_HAS_ATTENDANCE: 409,
  /** A competency code that is not in the agency's dictionary. */
  COMPETENCY_UNKNOWN: 422,
  /** Deleting a national competency, or editing another agency's. */
  COMPETENCY_READ_ONLY: 403,
  /** Deleting a competency that standards, assessments, courses or programs still use. */
  COMPETENCY_IN_USE: 409,
  /** Changing a development plan that is no longer a draft. */
  PLAN_NOT_EDITABLE: 409,
  /** An action the plan's status does not allow (e.g. approving a draft). */
  PLAN_TRANSITION_INVALID: 409,
  /** Turning a program into a cohort before the plan is approved. */
  PLAN_NOT_APPROVED: 409,
  /** The agency has a plan for that year already. */
  PLAN_EXISTS: 409,
  /** The program was turned into a cohort already. */
  PROGRAM_HAS_COHORT: 409,
  /** The activity's attempt policy allows no new attempt now. */
  ATTEMPT_NOT_ALLOWED: 409,
  INTERNAL: 500,
};
