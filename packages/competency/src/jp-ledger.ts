import type { TEmploymentType } from '@asah/contracts/roles';
import { compareText } from './compare';
import { isIsoDate } from './dates';
import { assertFiniteAtLeast, CompetencyError } from './errors';

/**
 * JP (jam pelajaran) arithmetic: minutes to JP, yearly totals per employee, targets and caps.
 * Every PNS has the right to at least 20 JP of competency development a year; PPPK commonly have
 * a cap of 24 JP. Agencies set their own numbers, so all of them are configuration.
 */
export const DEFAULT_MINUTES_PER_JP = 45;

export const JP_ROUNDING_STEPS = [0.25, 0.5, 1] as const;
export type JpRoundingStep = (typeof JP_ROUNDING_STEPS)[number];

/** `exact` keeps fractions (100 minutes = 2.2222… JP); `down` never credits more than was spent. */
export type JpRounding = { mode: 'exact' } | { mode: 'down'; step: JpRoundingStep };

export interface JpConversion {
  minutesPerJp: number;
  rounding: JpRounding;
}

export const DEFAULT_JP_CONVERSION: JpConversion = {
  minutesPerJp: DEFAULT_MINUTES_PER_JP,
  rounding: { mode: 'exact' },
};

export function minutesToJp(minutes: number, conversion: JpConversion = DEFAULT_JP_CONVERSION): number {
  assertFiniteAtLeast(minutes, 0, 'minutes');
  assertConversion(conversion);
  const { minutesPerJp, rounding } = conversion;
  if (rounding.mode === 'exact') return minutes / minutesPerJp;
  // Whole steps, counted with integers where possible: 4 quarter-JP steps per JP, 2 halves, 1 whole.
  const stepsPerJp = 1 / rounding.step;
  return Math.floor((minutes * stepsPerJp) / minutesPerJp) / stepsPerJp;
}

export function jpToMinutes(jp: number, minutesPerJp: number = DEFAULT_MINUTES_PER_JP): number {
  assertFiniteAtLeast(jp, 0, 'jp');
  return jp * minutesPerJp;
}

function assertConversion({ minutesPerJp, rounding }: JpConversion): void {
  if (!Number.isFinite(minutesPerJp) || minutesPerJp <= 0) {
    throw new CompetencyError('INVALID_CONFIG', 'minutesPerJp must be a positive number', { minutesPerJp });
  }
  if (rounding.mode !== 'exact' && rounding.mode !== 'down') {
    throw new CompetencyError('INVALID_CONFIG', 'Rounding mode is exact or down', { ...(rounding as object) });
  }
  if (rounding.mode === 'down' && !(JP_ROUNDING_STEPS as readonly number[]).includes(rounding.step)) {
    throw new CompetencyError('INVALID_CONFIG', `A rounding step is one of ${JP_ROUNDING_STEPS.join(', ')}`, { ...rounding });
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and caps

export interface JpPolicy {
  /** JP a year the employee should reach; `null` for none. */
  target: number | null;
  /** JP a year that count at most; `null` for no cap. */
  cap: number | null;
}

export type JpTargets = Readonly<Record<TEmploymentType, JpPolicy>>;

/** PNS: at least 20 JP a year. PPPK: no minimum, at most 24 JP a year. */
export const DEFAULT_JP_TARGETS: JpTargets = {
  PNS: { target: 20, cap: null },
  PPPK: { target: null, cap: 24 },
};

/** Throws `INVALID_CONFIG` for negative numbers or a cap below the target. */
export function assertJpTargets(targets: JpTargets): void {
  for (const [employmentType, { target, cap }] of Object.entries(targets)) {
    const bad = (message: string) => {
      throw new CompetencyError('INVALID_CONFIG', `${employmentType}: ${message}`, { employmentType, target, cap });
    };
    if (target !== null && !(Number.isFinite(target) && target >= 0)) bad('target must be a number >= 0');
    if (cap !== null && !(Number.isFinite(cap) && cap >= 0)) bad('cap must be a number >= 0');
    if (target !== null && cap !== null && cap < target) bad('the cap is below the target');
  }
}

// ---------------------------------------------------------------------------------------------
// Ledger

/**
 * The year boundary is midnight in Asia/Jakarta (WIB, UTC+7, no daylight saving): an activity at
 * 23:30 WIB on 31 December counts in that year even though it is already 1 January in UTC+8/+9.
 * Agencies in WITA or WIT may pass 480 or 540. A plain date (`YYYY-MM-DD`) is already a local day
 * and is never shifted.
 */
export const DEFAULT_LEDGER_UTC_OFFSET_MINUTES = 7 * 60;

export type JpEntryStatus = 'approved' | 'pending' | 'rejected';

export interface JpEntry {
  /** A calendar day `YYYY-MM-DD`, an ISO timestamp with `Z` or an offset, or a Date. */
  date: string | Date;
  jp: number;
  /** Where the JP comes from, e.g. `course`, `classroom`, `external`; totals are also given per source. */
  source: string;
  /** Learner-logged activity counts only once approved. Default `approved`. */
  status?: JpEntryStatus;
}

const TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The ledger year an entry's date belongs to. Throws `INVALID_INPUT` for a timestamp with no zone. */
export function jpYearOf(date: string | Date, utcOffsetMinutes: number = DEFAULT_LEDGER_UTC_OFFSET_MINUTES): number {
  if (typeof date === 'string' && isIsoDate(date)) return Number(date.slice(0, 4));
  const instant = typeof date === 'string' && TIMESTAMP_WITH_ZONE.test(date) ? new Date(date) : date;
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new CompetencyError('INVALID_INPUT', 'A JP entry date is YYYY-MM-DD or a timestamp with Z or an offset', {
      date: String(date),
    });
  }
  return new Date(instant.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
}

export type JpComplianceStatus = 'met' | 'below_target' | 'no_target';

export interface JpYearSummary {
  year: number;
  employmentType: TEmploymentType;
  /** Approved JP of the year, before the cap. */
  earnedJp: number;
  /** What counts: earned JP up to the cap. */
  countedJp: number;
  /** Earned JP above the cap. */
  excessJp: number;
  /** JP logged but not yet approved. */
  pendingJp: number;
  targetJp: number | null;
  capJp: number | null;
  /** JP still needed to reach the target, never negative; `null` without a target. */
  remainingJp: number | null;
  status: JpComplianceStatus;
  capReached: boolean;
  /** Approved JP per source, before the cap. */
  bySource: Record<string, number>;
}

export interface JpSummaryOptions {
  employmentType: TEmploymentType;
  targets?: JpTargets;
  utcOffsetMinutes?: number;
}

/**
 * Sums are rounded to 6 decimals so that exact-mode fractions (2.2222… JP) add up to a clean 20
 * instead of 19.999999999999996.
 */
export function roundJp(jp: number): number {
  return Math.round(jp * 1e6) / 1e6;
}

export function summariseJpYear(entries: readonly JpEntry[], year: number, options: JpSummaryOptions): JpYearSummary {
  const targets = options.targets ?? DEFAULT_JP_TARGETS;
  assertJpTargets(targets);
  const offset = options.utcOffsetMinutes ?? DEFAULT_LEDGER_UTC_OFFSET_MINUTES;
  let earned = 0;
  let pending = 0;
  const bySource: Record<string, number> = {};
  for (const entry of entries) {
    assertFiniteAtLeast(entry.jp, 0, 'jp');
    if (jpYearOf(entry.date, offset) !== year) continue;
    const status = entry.status ?? 'approved';
    if (status === 'pending') pending += entry.jp;
    if (status !== 'approved') continue;
    earned += entry.jp;
    bySource[entry.source] = (bySource[entry.source] ?? 0) + entry.jp;
  }
  for (const source of Object.keys(bySource)) bySource[source] = roundJp(bySource[source]);
  return summary(year, options.employmentType, targets[options.employmentType], roundJp(earned), roundJp(pending), bySource);
}

/** One summary per year that has entries, oldest first. */
export function summariseJpYears(entries: readonly JpEntry[], options: JpSummaryOptions): JpYearSummary[] {
  const offset = options.utcOffsetMinutes ?? DEFAULT_LEDGER_UTC_OFFSET_MINUTES;
  const years = [...new Set(entries.map((entry) => jpYearOf(entry.date, offset)))].sort((a, b) => a - b);
  return years.map((year) => summariseJpYear(entries, year, options));
}

function summary(
  year: number,
  employmentType: TEmploymentType,
  { target, cap }: JpPolicy,
  earnedJp: number,
  pendingJp: number,
  bySource: Record<string, number>,
): JpYearSummary {
  const countedJp = cap === null ? earnedJp : Math.min(earnedJp, cap);
  return {
    year,
    employmentType,
    earnedJp,
    countedJp,
    excessJp: roundJp(earnedJp - countedJp),
    pendingJp,
    targetJp: target,
    capJp: cap,
    remainingJp: target === null ? null : roundJp(Math.max(0, target - countedJp)),
    status: target === null ? 'no_target' : countedJp >= target ? 'met' : 'below_target',
    capReached: cap !== null && earnedJp >= cap,
    bySource: Object.fromEntries(Object.entries(bySource).sort(([a], [b]) => compareText(a, b))),
  };
}
