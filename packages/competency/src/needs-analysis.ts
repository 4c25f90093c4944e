import type { AssessmentResult } from './assessments';
import { compareText } from './compare';
import { CompetencyError } from './errors';
import {
  competencyGap,
  DEFAULT_GAP_THRESHOLDS,
  emptySeverityCounts,
  GAP_SEVERITIES,
  type GapSeverity,
  type GapThresholds,
  type SeverityCounts,
} from './gaps';
import type { PositionStandard } from './standards';
import { buildUnitTree, rollUp, type UnitNode } from './unit-tree';

/**
 * Needs analysis (analisis kebutuhan kompetensi): how many employees of each unit or position
 * fall in each gap severity per competency, with the employees behind every number.
 * Every count is of (employee, competency) pairs, so totals are plain sums of cells.
 */
export interface GapRecord {
  employeeId: string;
  unitId: string;
  positionId: string;
  competencyCode: string;
  severity: GapSeverity;
}

export interface NeedsCounts extends SeverityCounts {
  /** `minor + major`. */
  needsDevelopment: number;
  /** Every (employee, competency) pair counted. */
  total: number;
}

export interface NeedsCell extends NeedsCounts {
  /** The unit or position id. */
  key: string;
  competencyCode: string;
  /** The employees behind each count, sorted. */
  employeeIds: Record<GapSeverity, string[]>;
}

export interface NeedsTotals extends NeedsCounts {
  /** Distinct employees counted (an employee has several competencies, so this is no sum of pairs). */
  employees: number;
  /** Distinct employees with at least one competency that needs development. */
  employeesNeedingDevelopment: number;
}

export interface NeedsMatrix {
  dimension: 'unit' | 'position';
  /** Only the cells that count someone; sorted by key, then competency code. */
  cells: NeedsCell[];
  rows: { key: string; totals: NeedsTotals }[];
  columns: { competencyCode: string; totals: NeedsTotals }[];
  total: NeedsTotals;
}

/**
 * One record per employee and required competency of their position. `currentResults` comes from
 * `currentResultsByEmployee`; an employee whose position has no standard adds no records.
 */
export function gapRecords(input: {
  employees: Iterable<{ id: string; unitId: string; positionId: string }>;
  standards: ReadonlyMap<string, PositionStandard>;
  currentResults: ReadonlyMap<string, ReadonlyMap<string, AssessmentResult>>;
  thresholds?: GapThresholds;
}): GapRecord[] {
  const { employees, standards, currentResults, thresholds = DEFAULT_GAP_THRESHOLDS } = input;
  const records: GapRecord[] = [];
  for (const employee of employees) {
    const standard = standards.get(employee.positionId);
    if (!standard) continue;
    const profile = currentResults.get(employee.id);
    for (const requirement of standard.requirements) {
      const { severity } = competencyGap(requirement, profile?.get(requirement.competencyCode) ?? null, thresholds);
      records.push({
        employeeId: employee.id,
        unitId: employee.unitId,
        positionId: employee.positionId,
        competencyCode: requirement.competencyCode,
        severity,
      });
    }
  }
  return records;
}

export function needsByUnit(records: readonly GapRecord[]): NeedsMatrix {
  checkRecords(records);
  return matrixOf('unit', groupCells(records, (record) => record.unitId));
}

export function needsByPosition(records: readonly GapRecord[]): NeedsMatrix {
  checkRecords(records);
  return matrixOf('position', groupCells(records, (record) => record.positionId));
}

export interface UnitNeeds {
  unitId: string;
  parentId: string | null;
  depth: number;
  /** Employees placed directly in this unit. */
  own: NeedsTotals;
  /** This unit and every unit below it. */
  subtree: NeedsTotals;
  /** Per competency, for the subtree; only cells that count someone. */
  cells: NeedsCell[];
}

/**
 * The unit matrix rolled up the unit tree: each unit's numbers include every unit below it.
 * Units come in pre-order (parent first), with their depth for indenting the heatmap.
 */
export function rollUpNeeds(records: readonly GapRecord[], units: readonly UnitNode[]): UnitNeeds[] {
  checkRecords(records);
  const tree = buildUnitTree(units);
  const ownCells = groupCells(records, (record) => record.unitId);
  for (const unitId of ownCells.keys()) {
    if (!tree.parentOf.has(unitId)) throw new CompetencyError('UNKNOWN_UNIT', `Unit ${unitId} is not in the tree`, { unitId });
  }
  const subtreeCells = rollUp(
    tree,
    (unitId) => ownCells.get(unitId) ?? new Map<string, NeedsCell>(),
    (a, b) => mergeCellMaps(a, b),
  );
  return tree.order.map((unitId) => {
    const cells = sortedCells(subtreeCells.get(unitId)!).map((cell) => ({ ...cell, key: unitId }));
    return {
      unitId,
      parentId: tree.parentOf.get(unitId) ?? null,
      depth: tree.depthOf.get(unitId)!,
      own: totalsOf(sortedCells(ownCells.get(unitId) ?? new Map())),
      subtree: totalsOf(cells),
      cells,
    };
  });
}

// ---------------------------------------------------------------------------------------------

/** An employee is in one unit and one position and has one record per competency. */
function checkRecords(records: readonly GapRecord[]): void {
  const placeOf = new Map<string, string>();
  const pairs = new Set<string>();
  for (const record of records) {
    const place = `${record.unitId}\u0000${record.positionId}`;
    const known = placeOf.get(record.employeeId);
    if (known !== undefined && known !== place) {
      throw new CompetencyError('INVALID_INPUT', `Employee ${record.employeeId} appears in two units or positions`, {
        employeeId: record.employeeId,
      });
    }
    placeOf.set(record.employeeId, place);
    const pair = `${record.employeeId}\u0000${record.competencyCode}`;
    if (pairs.has(pair)) {
      throw new CompetencyError('DUPLICATE_RECORD', `Employee ${record.employeeId} has two records for ${record.competencyCode}`, {
        employeeId: record.employeeId,
        competencyCode: record.competencyCode,
      });
    }
    pairs.add(pair);
    if (!(GAP_SEVERITIES as readonly string[]).includes(record.severity)) {
      throw new CompetencyError('INVALID_INPUT', `Unknown severity ${String(record.severity)}`, { ...record });
    }
  }
}

/** `Map<key, Map<competencyCode, cell>>`. */
function groupCells(records: readonly GapRecord[], keyOf: (record: GapRecord) => string): Map<string, Map<string, NeedsCell>> {
  const byKey = new Map<string, Map<string, NeedsCell>>();
  for (const record of records) {
    const key = keyOf(record);
    let byCode = byKey.get(key);
    if (!byCode) byKey.set(key, (byCode = new Map()));
    let cell = byCode.get(record.competencyCode);
    if (!cell) byCode.set(record.competencyCode, (cell = emptyCell(key, record.competencyCode)));
    cell[record.severity]++;
    cell.total++;
    if (record.severity === 'minor' || record.severity === 'major') cell.needsDevelopment++;
    cell.employeeIds[record.severity].push(record.employeeId);
  }
  for (const byCode of byKey.values()) {
    for (const cell of byCode.values()) for (const ids of Object.values(cell.employeeIds)) ids.sort(compareText);
  }
  return byKey;
}

function emptyCell(key: string, competencyCode: string): NeedsCell {
  return {
    key,
    competencyCode,
    ...emptySeverityCounts(),
    needsDevelopment: 0,
    total: 0,
    employeeIds: { none: [], minor: [], major: [], unassessed: [] },
  };
}

function mergeCellMaps(a: ReadonlyMap<string, NeedsCell>, b: ReadonlyMap<string, NeedsCell>): Map<string, NeedsCell> {
  const merged = new Map(a);
  for (const [code, cell] of b) {
    const existing = merged.get(code);
    merged.set(code, existing ? addCells(existing, cell) : cell);
  }
  return merged;
}

function addCells(a: NeedsCell, b: NeedsCell): NeedsCell {
  const sum = emptyCell(a.key, a.competencyCode);
  for (const severity of GAP_SEVERITIES) {
    sum[severity] = a[severity] + b[severity];
    sum.employeeIds[severity] = [...a.employeeIds[severity], ...b.employeeIds[severity]].sort(compareText);
  }
  sum.needsDevelopment = a.needsDevelopment + b.needsDevelopment;
  sum.total = a.total + b.total;
  return sum;
}

function sortedCells(byCode: ReadonlyMap<string, NeedsCell>): NeedsCell[] {
  return [...byCode.values()].sort((a, b) => compareText(a.competencyCode, b.competencyCode));
}

function matrixOf(dimension: NeedsMatrix['dimension'], byKey: Map<string, Map<string, NeedsCell>>): NeedsMatrix {
  const keys = [...byKey.keys()].sort(compareText);
  const cells = keys.flatMap((key) => sortedCells(byKey.get(key)!));
  const byCode = new Map<string, NeedsCell[]>();
  for (const cell of cells) {
    const list = byCode.get(cell.competencyCode);
    if (list) list.push(cell);
    else byCode.set(cell.competencyCode, [cell]);
  }
  return {
    dimension,
    cells,
    rows: keys.map((key) => ({ key, totals: totalsOf(sortedCells(byKey.get(key)!)) })),
    columns: [...byCode.keys()].sort(compareText).map((competencyCode) => ({
      competencyCode,
      totals: totalsOf(byCode.get(competencyCode)!),
    })),
    total: totalsOf(cells),
  };
}

function totalsOf(cells: readonly NeedsCell[]): NeedsTotals {
  const totals: NeedsTotals = {
    ...emptySeverityCounts(),
    needsDevelopment: 0,
    total: 0,
    employees: 0,
    employeesNeedingDevelopment: 0,
  };
  const employees = new Set<string>();
  const needing = new Set<string>();
  for (const cell of cells) {
    for (const severity of GAP_SEVERITIES) {
      totals[severity] += cell[severity];
      for (const id of cell.employeeIds[severity]) employees.add(id);
    }
    for (const id of cell.employeeIds.minor) needing.add(id);
    for (const id of cell.employeeIds.major) needing.add(id);
    totals.needsDevelopment += cell.needsDevelopment;
    totals.total += cell.total;
  }
  totals.employees = employees.size;
  totals.employeesNeedingDevelopment = needing.size;
  return totals;
}
