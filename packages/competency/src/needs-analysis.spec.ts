import fc from 'fast-check';
import { COMPETENCY_LEVELS, type CompetencyLevel } from './dictionary';
import { CompetencyError } from './errors';
import { GAP_SEVERITIES, type GapSeverity } from './gaps';
import {
  gapRecords,
  needsByPosition,
  needsByUnit,
  rollUpNeeds,
  type GapRecord,
  type NeedsCell,
  type NeedsCounts,
  type NeedsTotals,
} from './needs-analysis';
import type { PositionStandard } from './standards';
import { anAssessment } from './testing/builders';

function record(
  employeeId: string,
  unitId: string,
  competencyCode: string,
  severity: GapSeverity,
  positionId = 'pelaksana',
): GapRecord {
  return { employeeId, unitId, positionId, competencyCode, severity };
}

const units = [
  { id: 'dinkes', parentId: null },
  { id: 'dinkes.yankes', parentId: 'dinkes' },
  { id: 'dinkes.p2p', parentId: 'dinkes' },
  { id: 'bkpsdm', parentId: null },
];

const records: GapRecord[] = [
  record('e1', 'dinkes.yankes', 'M.01', 'major', 'administrator'),
  record('e1', 'dinkes.yankes', 'M.02', 'none', 'administrator'),
  record('e2', 'dinkes.yankes', 'M.01', 'minor'),
  record('e2', 'dinkes.yankes', 'M.02', 'unassessed'),
  record('e3', 'dinkes.p2p', 'M.01', 'minor'),
  record('e4', 'dinkes', 'M.01', 'none', 'administrator'),
  record('e5', 'bkpsdm', 'M.01', 'none'),
];

describe('needsByUnit', () => {
  const matrix = needsByUnit(records);

  it('counts employees per unit and competency in each severity, with their ids', () => {
    expect(matrix.dimension).toBe('unit');
    const cell = matrix.cells.find((c) => c.key === 'dinkes.yankes' && c.competencyCode === 'M.01')!;
    expect(cell).toEqual({
      key: 'dinkes.yankes',
      competencyCode: 'M.01',
      none: 0,
      minor: 1,
      major: 1,
      unassessed: 0,
      needsDevelopment: 2,
      total: 2,
      employeeIds: { none: [], minor: ['e2'], major: ['e1'], unassessed: [] },
    });
    expect(matrix.cells.map((c) => `${c.key}/${c.competencyCode}`)).toEqual([
      'bkpsdm/M.01',
      'dinkes/M.01',
      'dinkes.p2p/M.01',
      'dinkes.yankes/M.01',
      'dinkes.yankes/M.02',
    ]);
  });

  it('totals rows, columns and the whole, counting distinct employees separately from pairs', () => {
    expect(matrix.rows.find((row) => row.key === 'dinkes.yankes')?.totals).toEqual({
      none: 1,
      minor: 1,
      major: 1,
      unassessed: 1,
      needsDevelopment: 2,
      total: 4,
      employees: 2,
      employeesNeedingDevelopment: 2,
    });
    expect(matrix.columns.map((column) => [column.competencyCode, column.totals.total, column.totals.needsDevelopment])).toEqual([
      ['M.01', 5, 3],
      ['M.02', 2, 0],
    ]);
    expect(matrix.total).toMatchObject({ total: 7, needsDevelopment: 3, employees: 5, employeesNeedingDevelopment: 3 });
  });

  it('is empty for no records', () => {
    expect(needsByUnit([])).toMatchObject({ cells: [], rows: [], columns: [], total: { total: 0, employees: 0 } });
  });

  it('refuses an employee counted twice for one competency or placed in two units', () => {
    expect(() => needsByUnit([records[0], records[0]])).toThrow(expect.objectContaining({ code: 'DUPLICATE_RECORD' }));
    expect(() => needsByUnit([records[0], { ...records[1], unitId: 'bkpsdm' }])).toThrow(CompetencyError);
    expect(() => needsByUnit([{ ...records[0], severity: 'besar' as never }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('needsByPosition', () => {
  it('groups the same records by position', () => {
    const matrix = needsByPosition(records);
    expect(matrix.dimension).toBe('position');
    expect(matrix.rows.map((row) => [row.key, row.totals.employees, row.totals.needsDevelopment])).toEqual([
      ['administrator', 2, 1],
      ['pelaksana', 3, 2],
    ]);
  });
});

describe('rollUpNeeds', () => {
  it('adds every unit to its parents, keeping each unit’s own numbers apart', () => {
    const rolled = rollUpNeeds(records, units);
    expect(rolled.map((unit) => [unit.unitId, unit.depth, unit.own.employees, unit.subtree.employees])).toEqual([
      ['bkpsdm', 0, 1, 1],
      ['dinkes', 0, 1, 4],
      ['dinkes.p2p', 1, 1, 1],
      ['dinkes.yankes', 1, 2, 2],
    ]);
    const dinkes = rolled.find((unit) => unit.unitId === 'dinkes')!;
    expect(dinkes.parentId).toBeNull();
    expect(dinkes.cells.find((cell) => cell.competencyCode === 'M.01')).toMatchObject({
      key: 'dinkes',
      none: 1,
      minor: 2,
      major: 1,
      employeeIds: { none: ['e4'], minor: ['e2', 'e3'], major: ['e1'], unassessed: [] },
    });
  });

  it('lists units with nobody in them, with zero totals', () => {
    const rolled = rollUpNeeds([], units);
    expect(rolled.every((unit) => unit.subtree.total === 0 && unit.cells.length === 0)).toBe(true);
  });

  it('refuses records of a unit that is not in the tree', () => {
    expect(() => rollUpNeeds([record('e9', 'kecamatan', 'M.01', 'none')], units)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_UNIT' }),
    );
  });
});

describe('gapRecords', () => {
  it('turns employees, standards and current results into one record per required competency', () => {
    const standard: PositionStandard = {
      positionId: 'pengawas',
      requirements: [
        { competencyCode: 'M.01', group: 'manajerial', requiredLevel: 2, origin: 'default' },
        { competencyCode: 'M.02', group: 'manajerial', requiredLevel: 4, origin: 'position' },
      ],
    };
    const result = gapRecords({
      employees: [
        { id: 'e1', unitId: 'u1', positionId: 'pengawas' },
        { id: 'e2', unitId: 'u1', positionId: 'no-standard' },
      ],
      standards: new Map([['pengawas', standard]]),
      currentResults: new Map([['e1', new Map([['M.02', anAssessment('e1', 'M.02', 3).build()]])]]),
    });
    expect(result).toEqual([
      record('e1', 'u1', 'M.01', 'unassessed', 'pengawas'),
      record('e1', 'u1', 'M.02', 'minor', 'pengawas'),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: totals equal the sum of their parts at every level.

const COUNT_FIELDS = [...GAP_SEVERITIES, 'needsDevelopment', 'total'] as const;
const ADDITIVE_ACROSS_UNITS = [...COUNT_FIELDS, 'employees', 'employeesNeedingDevelopment'] as const;

function sum<T>(items: readonly T[], fields: readonly (keyof T)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const field of fields) result[field as string] = items.reduce((acc, item) => acc + (item[field] as number), 0);
  return result;
}
const pick = <T extends object>(value: T, fields: readonly (keyof T)[]) => sum([value], fields);

/** A tree where unit i's parent is an earlier unit, employees placed at random, some competencies each. */
const scenario = fc
  .integer({ min: 1, max: 7 })
  .chain((unitCount) =>
    fc.record({
      parents: fc.tuple(
        ...Array.from({ length: unitCount }, (_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.nat(i - 1), { nil: null }))),
      ),
      employees: fc.array(
        fc.record({
          unit: fc.nat(unitCount - 1),
          position: fc.constantFrom('administrator', 'pengawas', 'pelaksana'),
          gaps: fc.dictionary(fc.constantFrom('M.01', 'M.02', 'M.03', 'SK.01'), fc.constantFrom(...GAP_SEVERITIES)),
        }),
        { maxLength: 25 },
      ),
    }),
  )
  .map(({ parents, employees }) => ({
    units: parents.map((parent, i) => ({ id: `u${i}`, parentId: parent === null ? null : `u${parent}` })),
    records: employees.flatMap((employee, i) =>
      Object.entries(employee.gaps).map(([code, severity]) => record(`e${i}`, `u${employee.unit}`, code, severity, employee.position)),
    ),
  }));

/** Jest's `expect` is slow inside thousands of generated cases; this plain check is not. */
function same(actual: unknown, expected: unknown, what: string): void {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new Error(`${what}: ${a} !== ${b}`);
}

function checkCells(cells: readonly NeedsCell[]): void {
  for (const cell of cells) {
    same(cell.none + cell.minor + cell.major + cell.unassessed, cell.total, 'severities add up to the cell total');
    same(cell.needsDevelopment, cell.minor + cell.major, 'needs development is minor + major');
    for (const severity of GAP_SEVERITIES) same(cell.employeeIds[severity].length, cell[severity], 'one id per count');
  }
}

describe('needs analysis properties', () => {
  it('cells add up to row, column and grand totals, by unit and by position', () => {
    fc.assert(
      fc.property(scenario, ({ records: generated }) => {
        for (const matrix of [needsByUnit(generated), needsByPosition(generated)]) {
          checkCells(matrix.cells);
          const total = pick<NeedsCounts>(matrix.total, COUNT_FIELDS);
          same(sum<NeedsCounts>(matrix.cells, COUNT_FIELDS), total, 'cells = total');
          same(sum(matrix.rows.map((row) => row.totals), COUNT_FIELDS), total, 'rows = total');
          same(sum(matrix.columns.map((column) => column.totals), COUNT_FIELDS), total, 'columns = total');
          for (const row of matrix.rows) {
            const cells = matrix.cells.filter((cell) => cell.key === row.key);
            same(sum<NeedsCounts>(cells, COUNT_FIELDS), pick<NeedsCounts>(row.totals, COUNT_FIELDS), 'cells of a row = row');
          }
          // An employee sits in one unit and one position, so distinct employees add up across rows.
          const distinct = ['employees', 'employeesNeedingDevelopment'] as const;
          same(sum(matrix.rows.map((row) => row.totals), distinct), pick<NeedsTotals>(matrix.total, distinct), 'employees add up');
          same(matrix.total.total, generated.length, 'one pair per record');
          const needing = generated.filter((r) => r.severity === 'minor' || r.severity === 'major').length;
          same(matrix.total.needsDevelopment, needing, 'needs development = minor + major records');
        }
      }),
    );
  });

  it('a parent’s rolled-up totals are its own plus its children’s, and the roots add up to the agency', () => {
    fc.assert(
      fc.property(scenario, ({ units: tree, records: generated }) => {
        const rolled = rollUpNeeds(generated, tree);
        const byId = new Map(rolled.map((unit) => [unit.unitId, unit]));
        for (const unit of rolled) {
          checkCells(unit.cells);
          const children = rolled.filter((child) => child.parentId === unit.unitId);
          same(
            pick<NeedsTotals>(unit.subtree, ADDITIVE_ACROSS_UNITS),
            sum([unit.own, ...children.map((child) => byId.get(child.unitId)!.subtree)], ADDITIVE_ACROSS_UNITS),
            'subtree = own + children',
          );
          same(sum<NeedsCounts>(unit.cells, COUNT_FIELDS), pick<NeedsCounts>(unit.subtree, COUNT_FIELDS), 'cells = subtree');
        }
        const roots = rolled.filter((unit) => unit.parentId === null).map((unit) => unit.subtree);
        same(sum(roots, ADDITIVE_ACROSS_UNITS), pick<NeedsTotals>(needsByUnit(generated).total, ADDITIVE_ACROSS_UNITS), 'roots = agency');
      }),
    );
  });

  it('counts a pair as needing development only when required > current', () => {
    const level = fc.constantFrom(...COMPETENCY_LEVELS);
    fc.assert(
      fc.property(fc.array(fc.tuple(level, fc.option(level, { nil: null })), { maxLength: 30 }), (pairs) => {
        const standards = new Map<string, PositionStandard>();
        const currentResults = new Map();
        const employees = pairs.map(([required, current], i) => {
          standards.set(`p${i}`, {
            positionId: `p${i}`,
            requirements: [{ competencyCode: 'M.01', group: 'manajerial', requiredLevel: required, origin: 'default' }],
          });
          if (current !== null) {
            const assessment = anAssessment(`e${i}`, 'M.01', current as CompetencyLevel).build();
            currentResults.set(`e${i}`, new Map([['M.01', assessment]]));
          }
          return { id: `e${i}`, unitId: 'u', positionId: `p${i}` };
        });
        const matrix = needsByUnit(gapRecords({ employees, standards, currentResults }));
        const expected = pairs.filter(([required, current]) => current !== null && required > current).length;
        expect(matrix.total.needsDevelopment).toBe(expected);
      }),
    );
  });
});
