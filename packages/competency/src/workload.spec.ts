import fc from 'fast-check';
import { CompetencyError } from './errors';
import {
  analysePosition,
  DEFAULT_EFFECTIVE_HOURS_PER_YEAR,
  DEFAULT_WORKLOAD_CONFIG,
  roundStaff,
  rollUpWorkload,
  staffNeeded,
  validateWorkloadTasks,
  workloadByUnit,
  workloadHours,
  type PositionWorkload,
  type StaffRounding,
  type WorkloadConfig,
  type WorkloadTask,
} from './workload';

// An Analis Kepegawaian (pelaksana) in BKPSDM: 2,500 hours of work a year.
const tasks: WorkloadTask[] = [
  { name: 'Memverifikasi usul kenaikan pangkat', yearlyVolume: 1200, standardMinutes: 60 }, // 1,200 h
  { name: 'Menyusun laporan kepegawaian', yearlyVolume: 52, standardMinutes: 600 }, // 520 h
  { name: 'Melayani konsultasi pegawai', yearlyVolume: 2340, standardMinutes: 20 }, // 780 h
];

describe('workload and staff needed', () => {
  it('adds volume × standard minutes and divides by 1,250 effective hours a year', () => {
    expect(DEFAULT_EFFECTIVE_HOURS_PER_YEAR).toBe(1250);
    expect(workloadHours(tasks)).toBe(2500);
    expect(staffNeeded(tasks)).toEqual({ exact: 2, rounded: 2 });
    expect(workloadHours([])).toBe(0);
    expect(staffNeeded([])).toEqual({ exact: 0, rounded: 0 });
  });

  it('takes the effective hours from configuration', () => {
    expect(staffNeeded(tasks, { ...DEFAULT_WORKLOAD_CONFIG, effectiveHoursPerYear: 1000 })).toEqual({ exact: 2.5, rounded: 3 });
  });

  it('rounds by the configured rule', () => {
    const cases: [StaffRounding, number[]][] = [
      [{ mode: 'round' }, [0, 0, 1, 2, 2, 3]],
      [{ mode: 'round', threshold: 0.3 }, [0, 1, 1, 2, 2, 3]],
      [{ mode: 'round', threshold: 1 }, [0, 0, 0, 1, 2, 2]],
      [{ mode: 'ceil' }, [0, 1, 1, 2, 2, 3]],
      [{ mode: 'floor' }, [0, 0, 0, 1, 2, 2]],
    ];
    for (const [rounding, expected] of cases) {
      expect([0, 0.3, 0.5, 1.5, 2, 2.99].map((exact) => roundStaff(exact, rounding))).toEqual(expected);
    }
  });

  it('refuses negative volumes or minutes and bad configuration', () => {
    expect(() => workloadHours([{ name: 'x', yearlyVolume: -1, standardMinutes: 5 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => workloadHours([{ name: 'x', yearlyVolume: 1, standardMinutes: Number.POSITIVE_INFINITY }])).toThrow(CompetencyError);
    const bad = (config: Partial<WorkloadConfig>) => () => staffNeeded(tasks, { ...DEFAULT_WORKLOAD_CONFIG, ...config });
    expect(bad({ effectiveHoursPerYear: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(bad({ rounding: { mode: 'round', threshold: 0 } })).toThrow(CompetencyError);
    expect(bad({ rounding: { mode: 'round', threshold: 1.5 } })).toThrow(CompetencyError);
    expect(bad({ rounding: { mode: 'nearest' } as never })).toThrow(CompetencyError);
  });
});

describe('analysePosition', () => {
  const position = (staffInPost: number) => analysePosition({ positionId: 'analis', unitId: 'bkpsdm', tasks, staffInPost });

  it('compares staff needed with staff in post', () => {
    expect(position(1)).toEqual({
      positionId: 'analis',
      unitId: 'bkpsdm',
      workloadHours: 2500,
      staffNeededExact: 2,
      staffNeeded: 2,
      staffInPost: 1,
      difference: -1,
      status: 'shortage',
    });
    expect([position(2).status, position(4).status, position(4).difference]).toEqual(['balanced', 'excess', 2]);
  });

  it('refuses a staff count that is not a whole number', () => {
    expect(() => position(1.5)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => position(-1)).toThrow(CompetencyError);
  });
});

describe('per unit', () => {
  const units = [
    { id: 'setda', parentId: null },
    { id: 'bkpsdm', parentId: 'setda' },
    { id: 'bkpsdm.mutasi', parentId: 'bkpsdm' },
  ];
  const hours = (h: number): WorkloadTask[] => [{ name: 'tugas', yearlyVolume: h, standardMinutes: 60 }];
  const positions = [
    analysePosition({ positionId: 'analis', unitId: 'bkpsdm', tasks: hours(2500), staffInPost: 1 }), // needs 2, short 1
    analysePosition({ positionId: 'arsiparis', unitId: 'bkpsdm', tasks: hours(1250), staffInPost: 3 }), // needs 1, excess 2
    analysePosition({ positionId: 'pengelola', unitId: 'bkpsdm.mutasi', tasks: hours(3750), staffInPost: 3 }), // balanced
  ];

  it('adds positions per unit, keeping shortage and excess apart', () => {
    expect(workloadByUnit(positions).map(({ unitId, totals }) => [unitId, totals])).toEqual([
      [
        'bkpsdm',
        { positions: 2, workloadHours: 3750, staffNeeded: 3, staffInPost: 4, shortage: 1, excess: 2, difference: 1, status: 'excess' },
      ],
      [
        'bkpsdm.mutasi',
        { positions: 1, workloadHours: 3750, staffNeeded: 3, staffInPost: 3, shortage: 0, excess: 0, difference: 0, status: 'balanced' },
      ],
    ]);
  });

  it('rolls units up the tree', () => {
    const rolled = rollUpWorkload(positions, units);
    expect(rolled.map(({ unitId, depth, own, subtree }) => [unitId, depth, own.positions, subtree.positions, subtree.shortage])).toEqual([
      ['setda', 0, 0, 3, 1],
      ['bkpsdm', 1, 2, 3, 1],
      ['bkpsdm.mutasi', 2, 1, 1, 0],
    ]);
    expect(() => rollUpWorkload(positions, units.slice(0, 2))).toThrow(expect.objectContaining({ code: 'UNKNOWN_UNIT' }));
  });
});

describe('validateWorkloadTasks', () => {
  it('reports each bad field with the task index', () => {
    const problems = validateWorkloadTasks([
      tasks[0],
      { name: ' ', yearlyVolume: -3, standardMinutes: 0 },
      { name: 'x', yearlyVolume: Number.NaN, standardMinutes: 10 },
    ]);
    expect(problems.map(({ code, index }) => [code, index])).toEqual([
      ['NAME_MISSING', 1],
      ['VOLUME_INVALID', 1],
      ['MINUTES_INVALID', 1],
      ['VOLUME_INVALID', 2],
    ]);
  });
});

describe('workload properties', () => {
  const task = fc.record({
    name: fc.constant('tugas'),
    yearlyVolume: fc.integer({ min: 0, max: 100_000 }),
    standardMinutes: fc.integer({ min: 0, max: 600 }),
  });
  const rounding = fc.oneof(
    fc.constant<StaffRounding>({ mode: 'ceil' }),
    fc.constant<StaffRounding>({ mode: 'floor' }),
    fc.double({ min: 0.01, max: 1, noNaN: true }).map<StaffRounding>((threshold) => ({ mode: 'round', threshold })),
  );
  const config = fc.record({ effectiveHoursPerYear: fc.integer({ min: 500, max: 2000 }), rounding });

  it('staff needed never decreases when a volume or standard time grows', () => {
    fc.assert(
      fc.property(
        fc.array(task, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(10_000),
        fc.boolean(),
        config,
        (list, pick, more, volume, settings) => {
          const index = pick % list.length;
          const grown = list.map((t, i) =>
            i !== index ? t : volume ? { ...t, yearlyVolume: t.yearlyVolume + more } : { ...t, standardMinutes: t.standardMinutes + more },
          );
          const before = staffNeeded(list, settings);
          const after = staffNeeded(grown, settings);
          expect(after.exact).toBeGreaterThanOrEqual(before.exact);
          expect(after.rounded).toBeGreaterThanOrEqual(before.rounded);
        },
      ),
    );
  });

  it('rounding gives the whole number just below or just above the exact need', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), rounding, (exact, rule) => {
        const rounded = roundStaff(exact, rule);
        expect([Math.floor(exact), Math.ceil(exact)]).toContain(rounded);
      }),
    );
  });

  it('unit and tree totals equal the sum of the positions', () => {
    const position = fc.record({
      unit: fc.constantFrom('a', 'a.1', 'a.2', 'b'),
      tasks: fc.array(task, { maxLength: 3 }),
      staffInPost: fc.nat(10),
    });
    const units = [
      { id: 'a', parentId: null },
      { id: 'a.1', parentId: 'a' },
      { id: 'a.2', parentId: 'a' },
      { id: 'b', parentId: null },
    ];
    fc.assert(
      fc.property(fc.array(position, { maxLength: 12 }), (generated) => {
        const positions = generated.map((p, i) =>
          analysePosition({ positionId: `p${i}`, unitId: p.unit, tasks: p.tasks, staffInPost: p.staffInPost }),
        );
        const byUnit = workloadByUnit(positions);
        const rolled = rollUpWorkload(positions, units);
        const partOf = {
          positions: () => 1,
          staffNeeded: (p: PositionWorkload) => p.staffNeeded,
          staffInPost: (p: PositionWorkload) => p.staffInPost,
          shortage: (p: PositionWorkload) => Math.max(0, -p.difference),
          excess: (p: PositionWorkload) => Math.max(0, p.difference),
          difference: (p: PositionWorkload) => p.difference,
        };
        for (const field of Object.keys(partOf) as (keyof typeof partOf)[]) {
          const all = positions.reduce((acc, p) => acc + partOf[field](p), 0);
          expect(byUnit.reduce((acc, unit) => acc + unit.totals[field], 0)).toBe(all);
          expect(rolled.filter((u) => u.parentId === null).reduce((acc, u) => acc + u.subtree[field], 0)).toBe(all);
          const a = rolled.find((u) => u.unitId === 'a')!;
          const children = rolled.filter((u) => u.parentId === 'a');
          expect(a.subtree[field]).toBe(a.own[field] + children.reduce((acc, u) => acc + u.subtree[field], 0));
        }
        for (const unit of byUnit) expect(unit.totals.difference).toBe(unit.totals.excess - unit.totals.shortage);
      }),
    );
  });
});
