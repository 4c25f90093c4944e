import type { TCohortState } from '@asah/contracts/cohorts';

export interface CohortWindow {
  endsOn: string;
  enrolmentOpensAt: Date | null;
  enrolmentClosesAt: Date | null;
  capacity: number | null;
  waitlistEnabled: boolean;
}

/**
 * Whether a learner can join the cohort at `now` (`today` is the Asia/Jakarta day of `now`): outside
 * the enrolment window or after the cohort ended it is closed; inside it, full cohorts waitlist or
 * refuse. Without a closing time enrolment stays open until the cohort ends (late joiners allowed).
 */
export function cohortState(cohort: CohortWindow, seatsTaken: number, now: Date, today: string): TCohortState {
  if (cohort.endsOn < today) return 'closed';
  if (cohort.enrolmentOpensAt && now < cohort.enrolmentOpensAt) return 'not_yet_open';
  if (cohort.enrolmentClosesAt && now > cohort.enrolmentClosesAt) return 'closed';
  if (cohort.capacity !== null && seatsTaken >= cohort.capacity) return cohort.waitlistEnabled ? 'waitlist' : 'full';
  return 'open';
}

/** Seats left, or null without a capacity. */
export const seatsLeft = (capacity: number | null, seatsTaken: number) => (capacity === null ? null : Math.max(0, capacity - seatsTaken));
