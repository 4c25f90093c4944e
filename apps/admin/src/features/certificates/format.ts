/** A calendar day (`YYYY-MM-DD`) in the reader's language, without a time zone shift. */
export function formatDay(day: string, language: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });
}
