import { z } from 'zod';
import type { TCohort, TCreateCohortRequest } from '@asah/contracts/cohorts';
import type { TEnrolmentPolicy } from '@asah/contracts/enrolments';

/** The cohort as its form holds it: the text of each input, so untouched fields stay as they were shown. */
export interface CohortFormValues {
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: string;
  waitlistEnabled: boolean;
  /** `datetime-local` text in the browser's time zone. */
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
  deadline: string;
  /** '' follows the course's policy. */
  enrolmentPolicy: '' | TEnrolmentPolicy;
  instructorIds: string[];
}

export const COHORT_FIELDS = [
  'name',
  'startsOn',
  'endsOn',
  'capacity',
  'waitlistEnabled',
  'enrolmentOpensAt',
  'enrolmentClosesAt',
  'deadline',
  'enrolmentPolicy',
  'instructorIds',
] as const;

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** `datetime-local` text → ISO instant; the browser's zone is the admin's. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** ISO instant → `datetime-local` text in the browser's zone. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The request body for the form's text, checked afterwards by the contract's own schema. */
export function toCohortRequest(values: CohortFormValues): TCreateCohortRequest {
  const capacity = blankToNull(values.capacity);
  return {
    name: values.name,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    capacity: capacity === null ? null : Number(capacity),
    waitlistEnabled: values.waitlistEnabled,
    enrolmentOpensAt: localToIso(values.enrolmentOpensAt),
    enrolmentClosesAt: localToIso(values.enrolmentClosesAt),
    deadline: blankToNull(values.deadline),
    enrolmentPolicy: values.enrolmentPolicy === '' ? null : values.enrolmentPolicy,
    instructorIds: values.instructorIds,
  };
}

/** Runs the contract schema on the converted values, so errors land on the same field names. */
export function cohortFormSchema<T extends z.ZodType>(schema: T) {
  return z.preprocess((input) => toCohortRequest(input as CohortFormValues), schema);
}

export function cohortDefaults(cohort?: TCohort): CohortFormValues {
  if (!cohort) {
    return {
      name: '',
      startsOn: '',
      endsOn: '',
      capacity: '',
      waitlistEnabled: true,
      enrolmentOpensAt: '',
      enrolmentClosesAt: '',
      deadline: '',
      enrolmentPolicy: '',
      instructorIds: [],
    };
  }
  return {
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    capacity: cohort.capacity === null ? '' : String(cohort.capacity),
    waitlistEnabled: cohort.waitlistEnabled,
    enrolmentOpensAt: isoToLocal(cohort.enrolmentOpensAt),
    enrolmentClosesAt: isoToLocal(cohort.enrolmentClosesAt),
    deadline: cohort.deadline ?? '',
    enrolmentPolicy: cohort.enrolmentPolicy ?? '',
    instructorIds: cohort.instructors.map((i) => i.id),
  };
}
