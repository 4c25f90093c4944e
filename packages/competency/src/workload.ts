import { compareText } from './compare';
import { assertFiniteAtLeast, CompetencyError } from './errors';
import { buildUnitTree, rollUp, type UnitNode } from './unit-tree';

/**
 * Workload analysis (analisis beban kerja, ABK): workload per position from its tasks, the staff
 * that workload needs, and the shortage or excess against the staff in post.
 *   workload hours = Σ yearly volume × standard minutes ÷ 60
 *   staff needed   = workload hours ÷ effective working hours per year, then rounded
 */
export const DEFAULT_EFFECTIVE_HOURS_PER_YEAR = 1250;

/**
 * `round` goes up when the fraction reaches `threshold` (0.5 by default: 2.5 → 3, 2.49 → 2);
 * `ceil` staffs every started fraction of a person; `floor` only whole people.
 */
export type StaffRounding = { mode: 'round'; threshold?: number } | { mode: 'ceil' } | { mode: 'floor' };

export const DEFAULT_STAFF_ROUNDING_THRESHOLD = 0.5;

export interface WorkloadConfig {
  effectiveHoursPerYear: number;
  rounding: StaffRounding;
}

export const DEFAULT_WORKLOAD_CONFIG: WorkloadConfig = {
  effectiveHoursPerYear: DEFAULT_EFFECTIVE_HOURS_PER_YEAR,
  rounding: { mode: 'round', threshold: DEFAULT_STAFF_ROUNDING_THRESHOLD },
};

export interface WorkloadTask {
  name: string;
  /** Units of output a year (letters drafted, permits issued, …). */
  yearlyVolume: number;
  /** Minutes one unit of output takes. */
  standardMinutes: number;
}

export type StaffingStatus = 'shortage' | 'excess' | 'balanced';

export interface PositionWorkloadInput {
  positionId: string;
  unitId: string;
  tasks: readonly WorkloadTask[];
  staffInPost: number;
}

export interface PositionWorkload {
  positionId: string;
  unitId: string;
  workloadHours: number;
  /** Before rounding, for showing the calculation. */
  staffNeededExact: number;
  staffNeeded: number;
  staffInPost: number;
  /** `staffInPost - staffNeeded`: negative is a shortage, positive an excess. */
  difference: number;
  status: StaffingStatus;
}

export function workloadMinutes(tasks: readonly WorkloadTask[]): number {
  let minutes = 0;
  for (const task of tasks) {
    assertFiniteAtLeast(task.yearlyVolume, 0, `yearlyVolume of task "${task.name}"`);
    assertFiniteAtLeast(task.standardMinutes, 0, `standardMinutes of task "${task.name}"`);
    minutes += task.yearlyVolume * task.standardMinutes;
  }
  return minutes;
}

export function workloadHours(tasks: readonly WorkloadTask[]): number {
  return workloadMinutes(tasks) / 60;
}

/** Staff needed before and after rounding. */
export function staffNeeded(
  tasks: readonly WorkloadTask[],
  config: WorkloadConfig = DEFAULT_WORKLOAD_CONFIG,
): { exact: number; rounded: number } {
  assertConfig(config);
  // One division of total minutes keeps integer inputs exact for as long as possible.
  const exact = workloadMinutes(tasks) / (config.effectiveHoursPerYear * 60);
  return { exact, rounded: roundStaff(exact, config.rounding) };
}

export function roundStaff(exact: number, rounding: StaffRounding = DEFAULT_WORKLOAD_CONFIG.rounding): number {
  assertFiniteAtLeast(exact, 0, 'staff needed');
  assertRounding(rounding);
  if (rounding.mode === 'ceil') return Math.ceil(exact);
  if (rounding.mode === 'floor') return Math.floor(exact);
  const whole = Math.floor(exact);
  return exact - whole >= (rounding.threshold ?? DEFAULT_STAFF_ROUNDING_THRESHOLD) ? whole + 1 : whole;
}

function assertConfig(config: WorkloadConfig): void {
  if (!Number.isFinite(config.effectiveHoursPerYear) || config.effectiveHoursPerYear <= 0) {
    throw new CompetencyError('INVALID_CONFIG', 'Effective hours per year must be a positive number', {
      effectiveHoursPerYear: config.effectiveHoursPerYear,
    });
  }
  assertRounding(config.rounding);
}

function assertRounding(rounding: StaffRounding): void {
  if (!['round', 'ceil', 'floor'].includes(rounding.mode)) {
    throw new CompetencyError('INVALID_CONFIG', 'Rounding is round, ceil or floor', { ...rounding });
  }
  if (rounding.mode === 'round' && rounding.threshold !== undefined) {
    const { threshold } = rounding;
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
      throw new CompetencyError('INVALID_CONFIG', 'A rounding threshold is above 0 and at most 1', { threshold });
    }
  }
}

export function staffingStatus(difference: number): StaffingStatus {
  return difference < 0 ? 'shortage' : difference > 0 ? 'excess' : 'balanced';
}

export function analysePosition(input: PositionWorkloadInput, config: WorkloadConfig = DEFAULT_WORKLOAD_CONFIG): PositionWorkload {
  if (!Number.isSafeInteger(input.staffInPost) || input.staffInPost < 0) {
    throw new CompetencyError('INVALID_INPUT', 'Staff in post is a whole number >= 0', {
      positionId: input.positionId,
      staffInPost: input.staffInPost,
    });
  }
  const needed = staffNeeded(input.tasks, config);
  const difference = input.staffInPost - needed.rounded;
  return {
    positionId: input.positionId,
    unitId: input.unitId,
    workloadHours: workloadHours(input.tasks),
    staffNeededExact: needed.exact,
    staffNeeded: needed.rounded,
    staffInPost: input.staffInPost,
    difference,
    status: staffingStatus(difference),
  };
}

// ---------------------------------------------------------------------------------------------
// Per unit

export interface WorkloadTotals {
  positions: number;
  workloadHours: number;
  staffNeeded: number;
  staffInPost: number;
  /** Σ over positions of the people missing: an excess elsewhere does not fill a shortage here. */
  shortage: number;
  /** Σ over positions of the people above need. */
  excess: number;
  /** `staffInPost - staffNeeded` (= excess − shortage). */
  difference: number;
  status: StaffingStatus;
}

export interface UnitWorkload {
  unitId: string;
  totals: WorkloadTotals;
  /** Sorted by position id. */
  positions: PositionWorkload[];
}

/** Positions grouped by unit (units sorted by id). Staff needed is rounded per position, then added. */
export function workloadByUnit(positions: readonly PositionWorkload[]): UnitWorkload[] {
  const byUnit = groupByUnit(positions);
  return [...byUnit.keys()].sort(compareText).map((unitId) => {
    const list = byUnit.get(unitId)!.sort((a, b) => compareText(a.positionId, b.positionId));
    return { unitId, totals: workloadTotals(list), positions: list };
  });
}

export interface RolledUpUnitWorkload {
  unitId: string;
  parentId: string | null;
  depth: number;
  /** Positions placed directly in this unit. */
  own: WorkloadTotals;
  /** This unit and every unit below it. */
  subtree: WorkloadTotals;
}

/** Unit totals rolled up the unit tree, in pre-order. Throws `UNKNOWN_UNIT` for a position outside it. */
export function rollUpWorkload(positions: readonly PositionWorkload[], units: readonly UnitNode[]): RolledUpUnitWorkload[] {
  const tree = buildUnitTree(units);
  const byUnit = groupByUnit(positions);
  for (const unitId of byUnit.keys()) {
    if (!tree.parentOf.has(unitId)) throw new CompetencyError('UNKNOWN_UNIT', `Unit ${unitId} is not in the tree`, { unitId });
  }
  const own = (unitId: string) => workloadTotals(byUnit.get(unitId) ?? []);
  const subtree = rollUp(tree, own, addTotals);
  return tree.order.map((unitId) => ({
    unitId,
    parentId: tree.parentOf.get(unitId) ?? null,
    depth: tree.depthOf.get(unitId)!,
    own: own(unitId),
    subtree: subtree.get(unitId)!,
  }));
}

function groupByUnit(positions: readonly PositionWorkload[]): Map<string, PositionWorkload[]> {
  const byUnit = new Map<string, PositionWorkload[]>();
  for (const position of positions) {
    const list = byUnit.get(position.unitId);
    if (list) list.push(position);
    else byUnit.set(position.unitId, [position]);
  }
  return byUnit;
}

export function workloadTotals(positions: readonly PositionWorkload[]): WorkloadTotals {
  let totals = emptyTotals();
  for (const position of positions) {
    totals = addTotals(totals, {
      positions: 1,
      workloadHours: position.workloadHours,
      staffNeeded: position.staffNeeded,
      staffInPost: position.staffInPost,
      shortage: Math.max(0, -position.difference),
      excess: Math.max(0, position.difference),
      difference: position.difference,
      status: position.status,
    });
  }
  return totals;
}

function emptyTotals(): WorkloadTotals {
  return { positions: 0, workloadHours: 0, staffNeeded: 0, staffInPost: 0, shortage: 0, excess: 0, difference: 0, status: 'balanced' };
}

function addTotals(a: WorkloadTotals, b: WorkloadTotals): WorkloadTotals {
  const difference = a.difference + b.difference;
  return {
    positions: a.positions + b.positions,
    workloadHours: a.workloadHours + b.workloadHours,
    staffNeeded: a.staffNeeded + b.staffNeeded,
    staffInPost: a.staffInPost + b.staffInPost,
    shortage: a.shortage + b.shortage,
    excess: a.excess + b.excess,
    difference,
    status: staffingStatus(difference),
  };
}

export type WorkloadTaskProblemCode = 'NAME_MISSING' | 'VOLUME_INVALID' | 'MINUTES_INVALID';

export interface WorkloadTaskProblem {
  code: WorkloadTaskProblemCode;
  index: number;
  field: keyof WorkloadTask;
  message: string;
}

/** Checks a position's task list as typed in the form, one problem per bad field. */
export function validateWorkloadTasks(tasks: readonly WorkloadTask[]): WorkloadTaskProblem[] {
  const problems: WorkloadTaskProblem[] = [];
  tasks.forEach((task, index) => {
    if (!task.name?.trim()) problems.push({ code: 'NAME_MISSING', index, field: 'name', message: 'A task needs a name' });
    if (!Number.isFinite(task.yearlyVolume) || task.yearlyVolume < 0) {
      problems.push({ code: 'VOLUME_INVALID', index, field: 'yearlyVolume', message: 'Yearly volume is a number >= 0' });
    }
    if (!Number.isFinite(task.standardMinutes) || task.standardMinutes <= 0) {
      problems.push({ code: 'MINUTES_INVALID', index, field: 'standardMinutes', message: 'Standard minutes must be above 0' });
    }
  });
  return problems;
}
