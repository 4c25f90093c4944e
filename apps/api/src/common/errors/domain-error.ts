import type { TErrorCode } from '@asah/contracts/errors';

/**
 * Services throw DomainError with a stable code; ApiExceptionFilter maps the code to an HTTP
 * status in one table. Services never know about HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After for TOO_MANY_ATTEMPTS. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
