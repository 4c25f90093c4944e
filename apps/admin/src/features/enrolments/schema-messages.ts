import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';

/**
 * English refinement messages of the enrolment, cohort and session contracts, and their translation
 * keys. Zod keeps a refinement's own message over the error map, so the form translates them here.
 */
const MESSAGES = new Map<string, string>([
  ['The cohort cannot end before it starts', 'schema.cohortEndsBeforeStart'],
  ['Enrolment must close after it opens', 'schema.closeAfterOpen'],
  ['The deadline cannot be before the cohort starts', 'schema.deadlineBeforeStart'],
  ['The session must end after it starts', 'schema.sessionEndsBeforeStart'],
  ['Give a place or an online link', 'schema.placeOrLink'],
  ['An http(s) link, e.g. https://zoom.us/j/123', 'schema.httpLink'],
  ['Choose a unit, a position, a position type or an employment type', 'schema.chooseCriteria'],
  ['Give the learner a reason', 'schema.giveReason'],
  ['The cap cannot be below the target', 'schema.capBelowTarget'],
  ['An instructor is listed twice', 'validation.listedTwice'],
]);

/** The field error with a known English schema message replaced by its translation (shown as is). */
export function translated(t: TFunction, error: FieldError | undefined): FieldError | undefined {
  if (!error?.message) return error;
  const key = MESSAGES.get(error.message);
  return key ? { ...error, type: 'server', message: t(key) } : error;
}
