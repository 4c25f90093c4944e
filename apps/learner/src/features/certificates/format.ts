/** A calendar day (`YYYY-MM-DD`) in the reader's language, without a time zone shift. */
export function formatDay(day: string, language: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(language, { dateStyle: 'long', timeZone: 'UTC' });
}

/** An instant in Jakarta time, where the certificates are issued. */
export function formatInstant(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
}

export function formatJp(jp: number, language: string): string {
  return jp.toLocaleString(language, { maximumFractionDigits: 2 });
}
