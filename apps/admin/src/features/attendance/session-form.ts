import { z } from 'zod';
import type { TClassroomSession, TCreateSessionRequest } from '@asah/contracts/classroom';
import { isoToLocal, localToIso } from '../cohorts/cohort-form';

/** A session as its form holds it: the text of each input. */
export interface SessionFormValues {
  cohortId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string;
  capacity: string;
  jp: string;
}

export const SESSION_FIELDS = ['cohortId', 'title', 'startsAt', 'endsAt', 'location', 'onlineUrl', 'capacity', 'jp'] as const;

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toSessionRequest(values: SessionFormValues, withCohort: boolean): TCreateSessionRequest {
  const capacity = blankToNull(values.capacity);
  const jp = blankToNull(values.jp);
  return {
    ...(withCohort ? { cohortId: blankToNull(values.cohortId) } : {}),
    title: values.title,
    startsAt: localToIso(values.startsAt) ?? '',
    endsAt: localToIso(values.endsAt) ?? '',
    location: blankToNull(values.location),
    onlineUrl: blankToNull(values.onlineUrl),
    capacity: capacity === null ? null : Number(capacity),
    jp: jp === null ? 0 : Number(jp.replace(',', '.')),
  };
}

/** The contract schema run on the converted values; a session's cohort is chosen once, when it is created. */
export function sessionFormSchema<T extends z.ZodType>(schema: T, withCohort: boolean) {
  return z.preprocess((input) => toSessionRequest(input as SessionFormValues, withCohort), schema);
}

export function sessionDefaults(session?: TClassroomSession): SessionFormValues {
  if (!session) return { cohortId: '', title: '', startsAt: '', endsAt: '', location: '', onlineUrl: '', capacity: '', jp: '' };
  return {
    cohortId: session.cohortId ?? '',
    title: session.title,
    startsAt: isoToLocal(session.startsAt),
    endsAt: isoToLocal(session.endsAt),
    location: session.location ?? '',
    onlineUrl: session.onlineUrl ?? '',
    capacity: session.capacity === null ? '' : String(session.capacity),
    jp: String(session.jp),
  };
}
