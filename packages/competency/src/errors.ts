/**
 * Thrown when a caller breaks a precondition: bad configuration, inconsistent input (a unit tree
 * with a cycle, a duplicate record) or a forbidden status transition. Data that comes from users
 * (imports, forms) is reported as problems instead, so that one bad row never hides the others.
 * The API maps `code` to an HTTP status in one place; `details` carries what the message names.
 */
export const COMPETENCY_ERROR_CODES = [
  'INVALID_CONFIG',
  'INVALID_INPUT',
  'DUPLICATE_RECORD',
  'UNKNOWN_UNIT',
  'UNIT_CYCLE',
  'INVALID_TRANSITION',
] as const;
export type CompetencyErrorCode = (typeof COMPETENCY_ERROR_CODES)[number];

export class CompetencyError extends Error {
  override readonly name = 'CompetencyError';

  constructor(
    readonly code: CompetencyErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Throws `INVALID_INPUT` unless `value` is a finite number that is at least `min`. */
export function assertFiniteAtLeast(value: number, min: number, what: string): void {
  if (!Number.isFinite(value) || value < min) {
    throw new CompetencyError('INVALID_INPUT', `${what} must be a finite number >= ${min}`, { what, value });
  }
}
