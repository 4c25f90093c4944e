import type { BadgeTone } from '@asah/ui/components/Badge';
import type { TEnrolmentStatus } from '@asah/contracts/enrolments';

/** A calendar day (`YYYY-MM-DD`, already in Asia/Jakarta) shown without any time-zone shift. */
export function formatDay(day: string, language: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Today in Asia/Jakarta as `YYYY-MM-DD`, the calendar the API counts deadlines in. */
export function jakartaToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
}

export const ENROLMENT_STATUS_TONES: Record<TEnrolmentStatus, BadgeTone> = {
  requested: 'warning',
  waitlisted: 'warning',
  approved: 'info',
  active: 'info',
  completed: 'success',
  withdrawn: 'neutral',
  expired: 'danger',
};
