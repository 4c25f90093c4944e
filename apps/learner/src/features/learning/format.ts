import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';

/** BCP 47 tag of the portal's language (i18next `language`: `id` or `en`). */
const tag = (lang: string) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** A calendar day `YYYY-MM-DD` as people read it, e.g. "3 Februari 2026". Days are Asia/Jakarta days already. */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(tag(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** An instant in Asia/Jakarta time (the platform's clock), e.g. "Sen, 3 Feb 2026 09.00". */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(tag(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: JP_TIME_ZONE,
  }).format(new Date(iso));
}

/** The time of day only, Asia/Jakarta. */
export function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(tag(lang), { hour: '2-digit', minute: '2-digit', timeZone: JP_TIME_ZONE }).format(new Date(iso));
}

/** JP with at most two decimals in the portal's notation: 12, 1,5, 0,25. */
export function formatJp(jp: number, lang: string): string {
  return new Intl.NumberFormat(tag(lang), { maximumFractionDigits: 2 }).format(jp);
}

/** The current year in Asia/Jakarta, where the JP ledger counts. */
export function jakartaYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: JP_TIME_ZONE }).format(now));
}
