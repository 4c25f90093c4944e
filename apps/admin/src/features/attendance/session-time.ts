/** "Sen, 12 Jan 2026 · 09.00–12.00" — one day, both times; a session over several days shows both dates. */
export function formatSessionTime(startsAt: string, endsAt: string, language: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = (d: Date) => d.toLocaleDateString(language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = (d: Date) => d.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  if (start.toDateString() === end.toDateString()) return `${day(start)} · ${time(start)}–${time(end)}`;
  return `${day(start)} ${time(start)} – ${day(end)} ${time(end)}`;
}
