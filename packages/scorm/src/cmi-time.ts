/**
 * SCORM time values. 1.2 `CMITimespan` is `HHHH:MM:SS.SS` (hours 2–4 digits, optional fraction
 * of up to two digits); 2004 `timeinterval (second,10,2)` is an ISO 8601 duration (`PT1H2M3.5S`,
 * `P1DT2H`; years and months are taken as 365 and 30 days, as scorm-again does).
 */

const TIMESPAN_12 = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/;
const DURATION_2004 = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;
/** 1.2 `CMITime`: a time of day `HH:MM:SS(.SS)`. */
export const TIME_OF_DAY_12 = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/;
/** 2004 `time (second,10,0)`: `YYYY[-MM[-DD[Thh[:mm[:ss[.s+]]][TZD]]]]`. */
export const TIMESTAMP_2004 = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2})?)?)?(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?$/;

/** Seconds of a 1.2 timespan, or null when malformed. */
export function parseTimespan12(value: string): number | null {
  const m = TIMESPAN_12.exec(value);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) : 0);
}

/** Seconds of a 2004 duration, or null when malformed. */
export function parseDuration2004(value: string): number | null {
  const m = DURATION_2004.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  return n(y) * 365 * 86400 + n(mo) * 30 * 86400 + n(d) * 86400 + n(h) * 3600 + n(mi) * 60 + n(s);
}

/** `HHHH:MM:SS.SS` (hours at least two digits, capped at 9999 as the type allows). */
export function formatTimespan12(seconds: number): string {
  const total = Math.max(0, Math.min(seconds, 9999 * 3600 + 59 * 60 + 59.99));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total - h * 3600 - m * 60;
  const whole = Math.floor(s);
  const cents = Math.round((s - whole) * 100);
  const sec = cents === 100 ? `${String(whole + 1).padStart(2, '0')}` : `${String(whole).padStart(2, '0')}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${sec}`;
}

/** `PT#H#M#S` with at most two decimals of seconds. */
export function formatDuration2004(seconds: number): string {
  const total = Math.max(0, seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total - h * 3600 - m * 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
