import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** The translated sentence for any error a query or mutation can throw. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    return t([`errors.${error.code}`, 'errors.UNKNOWN'], { defaultValue: error.message });
  }
  return t('errors.UNKNOWN');
}

/**
 * A per-field problem reported by the API (`details[]` of VALIDATION_FAILED, or a row of the CSV
 * import). Known codes are translated; anything else falls back to the server's own message.
 */
export function fieldProblemMessage(
  t: TFunction,
  problem: { code: string; message: string },
  sections: readonly string[] = ['validation', 'errors'],
): string {
  const keys = sections.map((section) => `${section}.${problem.code}`);
  return t(keys, { defaultValue: problem.message });
}
