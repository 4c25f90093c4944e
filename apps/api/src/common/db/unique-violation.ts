import { QueryFailedError } from 'typeorm';

/** Name of the unique constraint a failed insert/update hit, if that is why it failed. */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError?.code === '23505' ? (driverError.constraint ?? '') : null;
}

/** Escapes `%`, `_` and `\` so user text is matched literally inside ILIKE patterns. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
