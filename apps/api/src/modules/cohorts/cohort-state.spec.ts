import { cohortState, seatsLeft } from './cohort-state';

const base = { endsOn: '2026-03-31', enrolmentOpensAt: null, enrolmentClosesAt: null, capacity: 2, waitlistEnabled: true };
const now = new Date('2026-02-10T03:00:00Z');
const today = '2026-02-10';

describe('cohortState', () => {
  it('is open without a window while seats are left', () => {
    expect(cohortState(base, 1, now, today)).toBe('open');
    expect(cohortState({ ...base, capacity: null }, 500, now, today)).toBe('open');
  });

  it('waitlists when full with a waitlist, and refuses without one', () => {
    expect(cohortState(base, 2, now, today)).toBe('waitlist');
    expect(cohortState({ ...base, waitlistEnabled: false }, 2, now, today)).toBe('full');
  });

  it('is not yet open before the window and closed after it, to the second', () => {
    expect(cohortState({ ...base, enrolmentOpensAt: new Date('2026-02-10T03:00:01Z') }, 0, now, today)).toBe('not_yet_open');
    expect(cohortState({ ...base, enrolmentOpensAt: new Date('2026-02-10T03:00:00Z') }, 0, now, today)).toBe('open');
    expect(cohortState({ ...base, enrolmentClosesAt: new Date('2026-02-10T02:59:59Z') }, 0, now, today)).toBe('closed');
    expect(cohortState({ ...base, enrolmentClosesAt: new Date('2026-02-10T03:00:00Z') }, 0, now, today)).toBe('open');
  });

  it('is closed once the cohort has ended, whatever the window says', () => {
    expect(cohortState({ ...base, endsOn: '2026-02-09' }, 0, now, today)).toBe('closed');
    expect(cohortState({ ...base, endsOn: '2026-02-10' }, 0, now, today)).toBe('open');
  });

  it('counts seats left, never below zero', () => {
    expect(seatsLeft(3, 1)).toBe(2);
    expect(seatsLeft(3, 5)).toBe(0);
    expect(seatsLeft(null, 5)).toBeNull();
  });
});
