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
  INTERNAL: 500,
};
