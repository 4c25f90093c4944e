import { z } from 'zod';

/**
 * Every error the API returns carries one of these codes. The portals translate the code
 * (`errors.<CODE>` in their locale files); the English message is for logs and API users.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  // Course content uploads (see content.ts).
  'UPLOAD_INVALID',
  'PACKAGE_NOT_ZIP',
  'PACKAGE_INVALID',
  'ACTIVITY_TYPE_MISMATCH',
  'CONTENT_NOT_UPLOADED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'ACCOUNT_INACTIVE',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'ORIGIN_REJECTED',
  'NOT_FOUND',
  'CONFLICT',
  'NIP_TAKEN',
  'EMAIL_TAKEN',
  'CODE_TAKEN',
  'WRONG_PASSWORD',
  'UNIT_NOT_EMPTY',
  'UNIT_CYCLE',
  'POSITION_IN_USE',
  'IMPORT_INVALID_FILE',
  'COURSE_NOT_PUBLISHABLE',
  'COURSE_ARCHIVED',
  'COURSE_NOT_DELETABLE',
  'SECTION_NOT_EMPTY',
  'ACTIVITY_TYPE_NOT_AVAILABLE',
  'STRUCTURE_MISMATCH',
  // Enrolment, cohorts, approvals (see enrolments.ts, cohorts.ts).
  'COURSE_NOT_PUBLISHED',
  'ENROLMENT_CLOSED',
  'ENROLMENT_ADMIN_ONLY',
  'COHORT_FULL',
  'COHORT_NOT_EMPTY',
  'DEADLINE_PASSED',
  'ALREADY_ENROLLED',
  'NOT_APPROVER',
  'ALREADY_DECIDED',
  'ENROLMENT_NOT_WITHDRAWABLE',
  'ENROLMENT_NOT_ACTIVE',
  // Classroom sessions (see classroom.ts).
  'CHECK_IN_CLOSED',
  'CHECK_IN_CODE_INVALID',
  'SESSION_HAS_ATTENDANCE',
  // Certificates (see certificates.ts).
  'CERTIFICATE_EXISTS',
  'CERTIFICATE_NO_TEMPLATE',
  'CERTIFICATE_REVOKED',
  // Competency framework (see competency.ts).
  'COMPETENCY_UNKNOWN',
  'COMPETENCY_READ_ONLY',
  'COMPETENCY_IN_USE',
  'PLAN_NOT_EDITABLE',
  'PLAN_TRANSITION_INVALID',
  'PLAN_NOT_APPROVED',
  'PLAN_EXISTS',
  'PROGRAM_HAS_COHORT',
  // SCORM runtime and tracking (see tracking.ts).
  'ATTEMPT_NOT_ALLOWED',
  'INTERNAL',
] as const;

export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZFieldError = z.object({
  /** Dotted path of the offending field, e.g. `email` or `rows.3.nip`. */
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZApiError = z.object({
  statusCode: z.number().int(),
  code: ZErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type TApiError = z.infer<typeof ZApiError>;
