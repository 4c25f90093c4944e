import fc from 'fast-check';
import {
  allowedPlanActions,
  canTransitionPlan,
  DEFAULT_DEVELOPMENT_FORMS,
  nextPlanStatus,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  plannedJpByEmployee,
  planTotals,
  validatePlanForSubmission,
  validateProgram,
  type DevelopmentProgram,
} from './development-plan';
import { CompetencyError } from './errors';
import { aProgram } from './testing/builders';

const plan: DevelopmentProgram[] = [
  aProgram('p1').for('M.01').targeting('e1', 'e2', 'e3').withJp(24).costing(15_000_000).build(),
  aProgram('p2').for('M.05').via('non_klasikal', 'e_learning').targeting('e2', 'e4').withJp(10).costing(0).build(),
  aProgram('p3').for('M.01').via('non_klasikal', 'coaching').targeting('e1').withJp(8).costing(2_500_000).build(),
];

describe('planTotals', () => {
  it('adds JP delivered, budget and distinct people, per route and per competency', () => {
    expect(planTotals(plan)).toEqual({
      programs: 3,
      personJp: 24 * 3 + 10 * 2 + 8,
      budget: 17_500_000,
      people: 4,
      byRoute: {
        klasikal: { programs: 1, personJp: 72, budget: 15_000_000, people: 3 },
        non_klasikal: { programs: 2, personJp: 28, budget: 2_500_000, people: 3 },
      },
      byCompetency: [
        { competencyCode: 'M.01', programs: 2, personJp: 80, budget: 17_500_000, people: 3 },
        { competencyCode: 'M.05', programs: 1, personJp: 20, budget: 0, people: 2 },
      ],
    });
  });

  it('is all zeros for an empty plan', () => {
    expect(planTotals([])).toMatchObject({ programs: 0, personJp: 0, budget: 0, people: 0, byCompetency: [] });
  });

  it('counts an employee listed twice in one program once', () => {
    expect(planTotals([aProgram('p').targeting('e1', 'e1').withJp(5).build()])).toMatchObject({ personJp: 5, people: 1 });
  });

  it('refuses budgets that are not whole rupiah, negative JP and unknown routes', () => {
    expect(() => planTotals([aProgram('p').costing(1500.5).build()])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => planTotals([aProgram('p').costing(-1).build()])).toThrow(CompetencyError);
    expect(() => planTotals([aProgram('p').withJp(-1).build()])).toThrow(CompetencyError);
    expect(() => planTotals([{ ...aProgram('p').build(), route: 'daring' as never }])).toThrow(CompetencyError);
    const huge = aProgram('p').costing(Number.MAX_SAFE_INTEGER).build();
    expect(() => planTotals([huge, { ...huge, id: 'q' }])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('keeps totals equal to the sum of their parts', () => {
    const program = fc.record({
      competencyCode: fc.constantFrom('M.01', 'M.02', 'T.KES.01'),
      klasikal: fc.boolean(),
      targets: fc.array(fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'), { maxLength: 5 }),
      jp: fc.integer({ min: 1, max: 90 }),
      budget: fc.integer({ min: 0, max: 1_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(program, { maxLength: 10 }), (generated) => {
        const programs = generated.map((g, i) =>
          aProgram(`p${i}`)
            .for(g.competencyCode)
            .via(g.klasikal ? 'klasikal' : 'non_klasikal', g.klasikal ? 'seminar' : 'mentoring')
            .targeting(...g.targets)
            .withJp(g.jp)
            .costing(g.budget)
            .build(),
        );
        const totals = planTotals(programs);
        for (const parts of [Object.values(totals.byRoute), totals.byCompetency]) {
          expect(parts.reduce((acc, part) => acc + part.budget, 0)).toBe(totals.budget);
          expect(parts.reduce((acc, part) => acc + part.personJp, 0)).toBe(totals.personJp);
          expect(parts.reduce((acc, part) => acc + part.programs, 0)).toBe(totals.programs);
        }
        const planned = [...plannedJpByEmployee(programs).values()];
        expect(planned.reduce((acc, jp) => acc + jp, 0)).toBe(totals.personJp);
        expect(planned).toHaveLength(totals.people);
      }),
    );
  });
});

describe('plannedJpByEmployee', () => {
  it('sums the JP each employee would earn across programs', () => {
    expect(Object.fromEntries(plannedJpByEmployee(plan))).toEqual({ e1: 32, e2: 34, e3: 24, e4: 10 });
  });
});

describe('validateProgram', () => {
  it('accepts a complete program', () => {
    expect(validateProgram(plan[0], { knownCompetencyCodes: new Set(['M.01']) })).toEqual([]);
  });

  it('knows the forms of each route', () => {
    expect(DEFAULT_DEVELOPMENT_FORMS.klasikal).toEqual(['pelatihan', 'workshop', 'seminar', 'kursus']);
    expect(DEFAULT_DEVELOPMENT_FORMS.non_klasikal).toContain('detasering');
    const wrong = aProgram('p').via('klasikal', 'magang').build();
    expect(validateProgram(wrong).map((p) => p.code)).toEqual(['FORM_INVALID']);
    expect(validateProgram(wrong, { forms: { klasikal: ['magang'], non_klasikal: [] } })).toEqual([]);
  });

  it('reports every bad field', () => {
    const bad: DevelopmentProgram = {
      id: 'p',
      competencyCode: 'X.99',
      route: 'daring' as never,
      form: 'webinar',
      provider: ' ',
      schedule: { start: '2025-02-30', end: '2025-03-01' },
      targetEmployeeIds: ['e1', 'e1'],
      jpPerPerson: 0,
      budget: 10.5,
    };
    expect(validateProgram(bad, { knownCompetencyCodes: new Set(['M.01']) }).map((p) => [p.code, p.field])).toEqual([
      ['COMPETENCY_UNKNOWN', 'competencyCode'],
      ['ROUTE_INVALID', 'route'],
      ['PROVIDER_MISSING', 'provider'],
      ['SCHEDULE_INVALID', 'schedule'],
      ['TARGET_DUPLICATE', 'targetEmployeeIds'],
      ['JP_INVALID', 'jpPerPerson'],
      ['BUDGET_INVALID', 'budget'],
    ]);
    const reversed = aProgram('p').scheduled('2025-05-02', '2025-05-01').targeting().build();
    expect(validateProgram(reversed).map((p) => p.code)).toEqual(['SCHEDULE_REVERSED', 'TARGETS_EMPTY']);
  });

  it('refuses to submit an empty plan or one with a bad program', () => {
    expect(validatePlanForSubmission([]).map((p) => p.code)).toEqual(['PLAN_EMPTY']);
    expect(validatePlanForSubmission([plan[0], aProgram('bad').targeting().build()]).map((p) => [p.programId, p.code])).toEqual([
      ['bad', 'TARGETS_EMPTY'],
    ]);
    expect(validatePlanForSubmission(plan)).toEqual([]);
  });
});

describe('plan status', () => {
  it('goes draft → submitted → approved, or → rejected → draft', () => {
    expect(nextPlanStatus('draft', 'submit')).toBe('submitted');
    expect(nextPlanStatus('submitted', 'approve')).toBe('approved');
    expect(nextPlanStatus('submitted', 'reject')).toBe('rejected');
    expect(nextPlanStatus('rejected', 'revise')).toBe('draft');
  });

  it('lists the allowed actions of each status', () => {
    expect(Object.fromEntries(PLAN_STATUSES.map((status) => [status, allowedPlanActions(status)]))).toEqual({
      draft: ['submit'],
      submitted: ['approve', 'reject'],
      approved: [],
      rejected: ['revise'],
    });
  });

  it('refuses every other transition', () => {
    const allowed = new Set(['draft>submitted', 'submitted>approved', 'submitted>rejected', 'rejected>draft']);
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) expect(canTransitionPlan(from, to)).toBe(allowed.has(`${from}>${to}`));
      for (const action of PLAN_ACTIONS) {
        if (allowedPlanActions(from).includes(action)) continue;
        expect(() => nextPlanStatus(from, action)).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION', details: expect.objectContaining({ from, action }) }),
        );
      }
    }
    expect(() => nextPlanStatus('approved', 'revise')).toThrow('Action revise is not allowed when the plan is approved');
  });
});
