import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** The translated sentence for any error a query or mutation can throw. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const wait = retryAfterMinutes(error);
    if (wait !== null) return t('errors.TOO_MANY_ATTEMPTS_WAIT', { count: wait });
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

/** TOO_MANY_ATTEMPTS carries `details.retryAfterSeconds`; people read minutes. */
function retryAfterMinutes(error: ApiError): number | null {
  if (error.code !== 'TOO_MANY_ATTEMPTS') return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}
