import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: JP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in Asia/Jakarta. Years of the JP ledger, deadlines
 * and "today" are all counted there, so 31 December 18:00 UTC is already the next year.
 */
export function jakartaDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

export function jakartaYear(at: Date = new Date()): number {
  return Number(jakartaDay(at).slice(0, 4));
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
