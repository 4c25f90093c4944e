import { compareText } from './compare';
import { isIsoDate } from './dates';
import { isCompetencyLevel, type CompetencyLevel } from './dictionary';
import { CompetencyError } from './errors';

/**
 * Assessment results and the current level they give an employee per competency.
 * Dates are calendar days (`YYYY-MM-DD`); `validUntil` is the last day the result still counts.
 */
export const ASSESSMENT_SOURCES = [
  'assessment_centre',
  'competency_test',
  'supervisor',
  'self',
  'course_evidence',
] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

/**
 * Most trusted first. It only decides between results of the same day: a newer result always
 * wins over an older one, whatever its source. An assessment centre is the most rigorous method,
 * then a competency test, then the supervisor's judgement; evidence from a completed course
 * comes before a self-assessment because it rests on something the employee did.
 */
export const DEFAULT_SOURCE_PRIORITY: readonly AssessmentSource[] = [
  'assessment_centre',
  'competency_test',
  'supervisor',
  'course_evidence',
  'self',
];

export interface AssessmentResult {
  employeeId: string;
  competencyCode: string;
  level: CompetencyLevel;
  source: AssessmentSource;
  assessedOn: string;
  validUntil?: string | null;
}

export interface CurrentLevelOptions {
  /** The day the level is wanted for (usually today in the agency's time zone). */
  asOf: string;
  sourcePriority?: readonly AssessmentSource[];
  /**
   * Sources whose results set the current level; default all. An agency whose rule is that course
   * evidence only flags a reassessment leaves out `course_evidence` (see `flaggedEvidence`).
   */
  countedSources?: readonly AssessmentSource[];
}

/** A result counts from the day it was made up to and including `validUntil`. */
export function isValidOn(result: AssessmentResult, asOf: string): boolean {
  return result.assessedOn <= asOf && (result.validUntil == null || asOf <= result.validUntil);
}

/**
 * Orders the results that compete for "current": negative when `a` wins. Newest day first; on the
 * same day the more trusted source; then the lower level, so that two conflicting results of the
 * same day and source never claim more than both support.
 */
export function compareResults(
  a: AssessmentResult,
  b: AssessmentResult,
  sourcePriority: readonly AssessmentSource[] = DEFAULT_SOURCE_PRIORITY,
): number {
  if (a.assessedOn !== b.assessedOn) return a.assessedOn > b.assessedOn ? -1 : 1;
  const rank = sourceRank(sourcePriority);
  const bySource = rank(a.source) - rank(b.source);
  if (bySource !== 0) return bySource;
  return a.level - b.level;
}

function sourceRank(priority: readonly AssessmentSource[]): (source: AssessmentSource) => number {
  return (source) => {
    const index = priority.indexOf(source);
    return index === -1 ? priority.length : index;
  };
}

function counts(result: AssessmentResult, options: CurrentLevelOptions): boolean {
  return (options.countedSources ?? ASSESSMENT_SOURCES).includes(result.source) && isValidOn(result, options.asOf);
}

/** Current result per employee and competency: `Map<employeeId, Map<competencyCode, result>>`. */
export function currentResultsByEmployee(
  results: Iterable<AssessmentResult>,
  options: CurrentLevelOptions,
): Map<string, Map<string, AssessmentResult>> {
  assertIsoDate(options.asOf);
  const priority = options.sourcePriority ?? DEFAULT_SOURCE_PRIORITY;
  const byEmployee = new Map<string, Map<string, AssessmentResult>>();
  for (const result of results) {
    if (!counts(result, options)) continue;
    let byCode = byEmployee.get(result.employeeId);
    if (!byCode) byEmployee.set(result.employeeId, (byCode = new Map()));
    const best = byCode.get(result.competencyCode);
    if (!best || compareResults(result, best, priority) < 0) byCode.set(result.competencyCode, result);
  }
  return byEmployee;
}

/** The current result of one employee per competency (competencies never assessed are absent). */
export function currentProfile(
  results: Iterable<AssessmentResult>,
  employeeId: string,
  options: CurrentLevelOptions,
): Map<string, AssessmentResult> {
  const mine = [...results].filter((result) => result.employeeId === employeeId);
  return currentResultsByEmployee(mine, options).get(employeeId) ?? new Map();
}

export function currentLevel(
  results: Iterable<AssessmentResult>,
  employeeId: string,
  competencyCode: string,
  options: CurrentLevelOptions,
): CompetencyLevel | null {
  return currentProfile(results, employeeId, options).get(competencyCode)?.level ?? null;
}

export type HistoryStatus = 'current' | 'superseded' | 'expired' | 'future' | 'not_counted';

export interface HistoryEntry {
  result: AssessmentResult;
  status: HistoryStatus;
}

/**
 * Every result of one employee, by competency code and then newest first, each with why it does
 * or does not set the current level.
 */
export function assessmentHistory(
  results: Iterable<AssessmentResult>,
  employeeId: string,
  options: CurrentLevelOptions,
): HistoryEntry[] {
  const mine = [...results].filter((result) => result.employeeId === employeeId);
  const current = new Set(currentProfile(mine, employeeId, options).values());
  const priority = options.sourcePriority ?? DEFAULT_SOURCE_PRIORITY;
  return mine
    .sort((a, b) => compareText(a.competencyCode, b.competencyCode) || compareResults(a, b, priority))
    .map((result) => ({ result, status: historyStatus(result, current, options) }));
}

function historyStatus(result: AssessmentResult, current: Set<AssessmentResult>, options: CurrentLevelOptions): HistoryStatus {
  if (current.has(result)) return 'current';
  if (result.assessedOn > options.asOf) return 'future';
  if (result.validUntil != null && result.validUntil < options.asOf) return 'expired';
  if (!(options.countedSources ?? ASSESSMENT_SOURCES).includes(result.source)) return 'not_counted';
  return 'superseded';
}

/**
 * Course evidence that does not set the level but is above it (or there is no level yet): under
 * the "flag only" rule these are the employees and competencies to schedule for reassessment.
 */
export function flaggedEvidence(results: Iterable<AssessmentResult>, options: CurrentLevelOptions): AssessmentResult[] {
  const all = [...results];
  const current = currentResultsByEmployee(all, options);
  const counted = options.countedSources ?? ASSESSMENT_SOURCES;
  return all.filter((result) => {
    if (result.source !== 'course_evidence' || counted.includes('course_evidence')) return false;
    if (!isValidOn(result, options.asOf)) return false;
    const level = current.get(result.employeeId)?.get(result.competencyCode)?.level;
    return level === undefined || result.level > level;
  });
}

export type AssessmentProblemCode =
  | 'EMPLOYEE_MISSING'
  | 'COMPETENCY_UNKNOWN'
  | 'LEVEL_INVALID'
  | 'SOURCE_INVALID'
  | 'DATE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'VALIDITY_BEFORE_ASSESSMENT';

export interface AssessmentProblem {
  code: AssessmentProblemCode;
  field: keyof AssessmentResult;
  message: string;
}

/** Checks one result before it is stored (admin entry or one row of an import). */
export function validateAssessmentResult(
  result: AssessmentResult,
  context: { knownCompetencyCodes?: ReadonlySet<string>; today?: string } = {},
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const add = (code: AssessmentProblemCode, field: keyof AssessmentResult, message: string) =>
    problems.push({ code, field, message });
  if (!result.employeeId?.trim()) add('EMPLOYEE_MISSING', 'employeeId', 'The result needs an employee');
  if (context.knownCompetencyCodes && !context.knownCompetencyCodes.has(result.competencyCode)) {
    add('COMPETENCY_UNKNOWN', 'competencyCode', `${result.competencyCode} is not in the dictionary`);
  }
  if (!isCompetencyLevel(result.level)) add('LEVEL_INVALID', 'level', 'Level must be an integer from 1 to 5');
  if (!(ASSESSMENT_SOURCES as readonly unknown[]).includes(result.source)) {
    add('SOURCE_INVALID', 'source', `Source must be one of ${ASSESSMENT_SOURCES.join(', ')}`);
  }
  if (!isIsoDate(result.assessedOn)) {
    add('DATE_INVALID', 'assessedOn', 'Use a real date as YYYY-MM-DD');
  } else if (context.today && result.assessedOn > context.today) {
    add('DATE_IN_FUTURE', 'assessedOn', 'An assessment cannot be dated after today');
  }
  if (result.validUntil != null) {
    if (!isIsoDate(result.validUntil)) add('DATE_INVALID', 'validUntil', 'Use a real date as YYYY-MM-DD');
    else if (isIsoDate(result.assessedOn) && result.validUntil < result.assessedOn) {
      add('VALIDITY_BEFORE_ASSESSMENT', 'validUntil', 'A result cannot expire before it was made');
    }
  }
  return problems;
}

function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new CompetencyError('INVALID_INPUT', 'asOf must be a date as YYYY-MM-DD', { asOf: value });
}
