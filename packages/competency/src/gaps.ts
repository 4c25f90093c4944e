import type { AssessmentResult } from './assessments';
import type { CompetencyGroup, CompetencyLevel } from './dictionary';
import { CompetencyError } from './errors';
import type { PositionStandard } from './standards';

/**
 * Competency gaps (kesenjangan kompetensi): required level minus current level, per employee and
 * competency. A competency with no valid assessment is `unassessed`, never a gap of 0 or of the
 * whole required level: the fix for it is an assessment, not training.
 */
export const GAP_SEVERITIES = ['none', 'minor', 'major', 'unassessed'] as const;
export type GapSeverity = (typeof GAP_SEVERITIES)[number];

export interface GapThresholds {
  /** Gaps of at least this many levels are `major`; smaller positive gaps are `minor`. */
  majorFrom: number;
}

export const DEFAULT_GAP_THRESHOLDS: GapThresholds = { majorFrom: 2 };

export interface CompetencyGap {
  competencyCode: string;
  group: CompetencyGroup;
  requiredLevel: CompetencyLevel;
  currentLevel: CompetencyLevel | null;
  /** `required - current`; negative when the employee is above the standard; `null` when unassessed. */
  gap: number | null;
  severity: GapSeverity;
  needsDevelopment: boolean;
  /** The result the current level comes from. */
  assessment: AssessmentResult | null;
}

/** True only for a positive gap: never for a met standard, a surplus or a missing assessment. */
export function needsDevelopment(gap: number | null): boolean {
  return gap !== null && gap > 0;
}

export function classifyGap(gap: number | null, thresholds: GapThresholds = DEFAULT_GAP_THRESHOLDS): GapSeverity {
  assertThresholds(thresholds);
  if (gap === null) return 'unassessed';
  if (!needsDevelopment(gap)) return 'none';
  return gap >= thresholds.majorFrom ? 'major' : 'minor';
}

function assertThresholds(thresholds: GapThresholds): void {
  if (!Number.isInteger(thresholds.majorFrom) || thresholds.majorFrom < 1) {
    throw new CompetencyError('INVALID_CONFIG', 'majorFrom must be an integer >= 1', { ...thresholds });
  }
}

export function competencyGap(
  requirement: { competencyCode: string; group: CompetencyGroup; requiredLevel: CompetencyLevel },
  assessment: AssessmentResult | null,
  thresholds: GapThresholds = DEFAULT_GAP_THRESHOLDS,
): CompetencyGap {
  const currentLevel = assessment?.level ?? null;
  const gap = currentLevel === null ? null : requirement.requiredLevel - currentLevel;
  return {
    competencyCode: requirement.competencyCode,
    group: requirement.group,
    requiredLevel: requirement.requiredLevel,
    currentLevel,
    gap,
    severity: classifyGap(gap, thresholds),
    needsDevelopment: needsDevelopment(gap),
    assessment,
  };
}

/**
 * One gap per requirement of the standard. `profile` is the employee's current result per
 * competency code (see `currentResultsByEmployee`).
 */
export function gapsForStandard(
  standard: PositionStandard,
  profile: ReadonlyMap<string, AssessmentResult>,
  thresholds: GapThresholds = DEFAULT_GAP_THRESHOLDS,
): CompetencyGap[] {
  return standard.requirements.map((requirement) =>
    competencyGap(requirement, profile.get(requirement.competencyCode) ?? null, thresholds),
  );
}

export interface EmployeeGaps {
  employeeId: string;
  current: { positionId: string; gaps: CompetencyGap[] };
  /** For career planning: the gaps against a position the employee may move to. */
  target: { positionId: string; gaps: CompetencyGap[] } | null;
}

export function employeeGaps(input: {
  employeeId: string;
  profile: ReadonlyMap<string, AssessmentResult>;
  currentStandard: PositionStandard;
  targetStandard?: PositionStandard | null;
  thresholds?: GapThresholds;
}): EmployeeGaps {
  const { employeeId, profile, currentStandard, targetStandard, thresholds } = input;
  const forStandard = (standard: PositionStandard) => ({
    positionId: standard.positionId,
    gaps: gapsForStandard(standard, profile, thresholds),
  });
  return {
    employeeId,
    current: forStandard(currentStandard),
    target: targetStandard ? forStandard(targetStandard) : null,
  };
}

export type SeverityCounts = Record<GapSeverity, number>;

export function emptySeverityCounts(): SeverityCounts {
  return { none: 0, minor: 0, major: 0, unassessed: 0 };
}

/** How many gaps fall in each severity, plus how many need development. */
export function summariseGaps(gaps: readonly CompetencyGap[]): SeverityCounts & { needsDevelopment: number } {
  const counts = emptySeverityCounts();
  for (const gap of gaps) counts[gap.severity]++;
  return { ...counts, needsDevelopment: counts.minor + counts.major };
}
