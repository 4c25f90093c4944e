import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api-client';
import { fieldProblemMessage } from '../errors';

/** Whole-request codes that really describe one field of the form. */
const CODE_FIELDS: Record<string, string> = {
  NIP_TAKEN: 'nip',
  EMAIL_TAKEN: 'email',
  CODE_TAKEN: 'code',
  WRONG_PASSWORD: 'currentPassword',
  UNIT_CYCLE: 'parentId',
};

/**
 * Puts the API's per-field problems onto the form's fields. Returns true when every problem found
 * a field, so the caller only shows a banner for what is left.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  t: TFunction,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set<string>(fields);

  const codeField = CODE_FIELDS[error.code];
  if (codeField && known.has(codeField)) {
    setError(codeField as Path<T>, { type: 'server', message: t(`errors.${error.code}`) }, { shouldFocus: true });
    return true;
  }

  const problems = error.fieldErrors;
  if (problems.length === 0) return false;
  let allPlaced = true;
  let focus = true;
  for (const problem of problems) {
    const field = problem.field.split('.')[0];
    if (!known.has(field)) {
      allPlaced = false;
      continue;
    }
    setError(field as Path<T>, { type: 'server', message: fieldProblemMessage(t, problem) }, { shouldFocus: focus });
    focus = false;
  }
  return allPlaced;
}

/**
 * Error handling of a form's mutation: problems that belong to a field go under that field; only
 * the rest is returned as `bannerError` for an ErrorBanner, so nothing is said twice.
 */
export function useServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  const { t } = useTranslation();
  const [bannerError, setBannerError] = useState<unknown>(null);
  const onError = useCallback(
    (error: unknown) => setBannerError(applyServerErrors(error, setError, fields, t) ? null : error),
    [setError, fields, t],
  );
  const clear = useCallback(() => setBannerError(null), []);
  return { bannerError, onError, clear };
}
