import fc from 'fast-check';
import { COMPETENCY_LEVELS } from './dictionary';
import {
  ASSESSMENT_SOURCES,
  assessmentHistory,
  compareResults,
  currentLevel,
  currentProfile,
  currentResultsByEmployee,
  DEFAULT_SOURCE_PRIORITY,
  flaggedEvidence,
  isValidOn,
  validateAssessmentResult,
  type AssessmentResult,
} from './assessments';
import { CompetencyError } from './errors';
import { anAssessment } from './testing/builders';

const asOf = '2025-06-30';

describe('isValidOn', () => {
  it('counts a result from its day up to and including validUntil', () => {
    const result = anAssessment('e1', 'M.01', 3).on('2024-07-01').validUntil('2025-06-30').build();
    expect(isValidOn(result, '2024-06-30')).toBe(false);
    expect(isValidOn(result, '2024-07-01')).toBe(true);
    expect(isValidOn(result, '2025-06-30')).toBe(true);
    expect(isValidOn(result, '2025-07-01')).toBe(false);
    expect(isValidOn({ ...result, validUntil: null }, '2099-01-01')).toBe(true);
  });
});

describe('current level', () => {
  it('is the latest valid result, whatever its source', () => {
    const results = [
      anAssessment('e1', 'M.01', 4).by('assessment_centre').on('2024-01-10').build(),
      anAssessment('e1', 'M.01', 2).by('self').on('2025-02-01').build(),
    ];
    expect(currentLevel(results, 'e1', 'M.01', { asOf })).toBe(2);
  });

  it('skips expired and future results', () => {
    const results = [
      anAssessment('e1', 'M.01', 2).on('2023-01-01').build(),
      anAssessment('e1', 'M.01', 4).on('2024-01-01').validUntil('2025-01-01').build(),
      anAssessment('e1', 'M.01', 5).on('2025-07-01').build(),
    ];
    expect(currentLevel(results, 'e1', 'M.01', { asOf })).toBe(2);
    expect(currentLevel(results, 'e1', 'M.02', { asOf })).toBeNull();
    expect(currentLevel(results.slice(1, 2), 'e1', 'M.01', { asOf })).toBeNull();
  });

  it('breaks a same-day tie by source priority, then by the lower level', () => {
    const day = '2025-03-03';
    const centre = anAssessment('e1', 'M.01', 2).by('assessment_centre').on(day).build();
    const supervisor = anAssessment('e1', 'M.01', 4).by('supervisor').on(day).build();
    expect(currentLevel([supervisor, centre], 'e1', 'M.01', { asOf })).toBe(2);
    expect(currentLevel([centre, supervisor], 'e1', 'M.01', { asOf })).toBe(2);
    const priority = ['supervisor', ...DEFAULT_SOURCE_PRIORITY.filter((s) => s !== 'supervisor')] as const;
    expect(currentLevel([centre, supervisor], 'e1', 'M.01', { asOf, sourcePriority: priority })).toBe(4);
    const twoSupervisors = [supervisor, { ...supervisor, level: 3 as const }];
    expect(currentLevel(twoSupervisors, 'e1', 'M.01', { asOf })).toBe(3);
    expect(currentLevel([...twoSupervisors].reverse(), 'e1', 'M.01', { asOf })).toBe(3);
  });

  it('orders the documented source priority', () => {
    expect(DEFAULT_SOURCE_PRIORITY).toEqual(['assessment_centre', 'competency_test', 'supervisor', 'course_evidence', 'self']);
    const a = anAssessment('e1', 'M.01', 3).on('2025-01-01').build();
    expect(compareResults(a, { ...a, assessedOn: '2024-12-31' })).toBeLessThan(0);
    expect(compareResults({ ...a, source: 'self' }, { ...a, source: 'course_evidence' })).toBeGreaterThan(0);
    expect(compareResults(a, a)).toBe(0);
  });

  it('counts only the configured sources', () => {
    const results = [
      anAssessment('e1', 'M.01', 2).by('supervisor').on('2024-01-01').build(),
      anAssessment('e1', 'M.01', 3).by('course_evidence').on('2025-01-01').build(),
    ];
    const countedSources = ['assessment_centre', 'competency_test', 'supervisor', 'self'] as const;
    expect(currentLevel(results, 'e1', 'M.01', { asOf })).toBe(3);
    expect(currentLevel(results, 'e1', 'M.01', { asOf, countedSources })).toBe(2);
  });

  it('builds the profile of every employee in one pass', () => {
    const results = [
      anAssessment('e1', 'M.01', 2).build(),
      anAssessment('e1', 'M.02', 3).build(),
      anAssessment('e2', 'M.01', 4).build(),
    ];
    const byEmployee = currentResultsByEmployee(results, { asOf });
    expect([...byEmployee.keys()]).toEqual(['e1', 'e2']);
    expect([...byEmployee.get('e1')!.values()].map((r) => r.level)).toEqual([2, 3]);
    expect([...currentProfile(results, 'e2', { asOf }).keys()]).toEqual(['M.01']);
    expect(currentProfile(results, 'e3', { asOf }).size).toBe(0);
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => currentResultsByEmployee([], { asOf: '30/06/2025' })).toThrow(CompetencyError);
  });
});

describe('assessmentHistory', () => {
  it('lists every result by competency, newest first, with its status', () => {
    const results: AssessmentResult[] = [
      anAssessment('e1', 'M.02', 1).on('2023-01-01').validUntil('2024-01-01').build(),
      anAssessment('e1', 'M.01', 2).on('2023-05-01').build(),
      anAssessment('e1', 'M.01', 3).by('supervisor').on('2025-01-01').build(),
      anAssessment('e1', 'M.01', 5).by('course_evidence').on('2025-02-01').build(),
      anAssessment('e1', 'M.01', 4).on('2026-01-01').build(),
      anAssessment('e2', 'M.01', 5).build(),
    ];
    const history = assessmentHistory(results, 'e1', {
      asOf,
      countedSources: ['assessment_centre', 'competency_test', 'supervisor', 'self'],
    });
    expect(history.map(({ result, status }) => [result.competencyCode, result.assessedOn, status])).toEqual([
      ['M.01', '2026-01-01', 'future'],
      ['M.01', '2025-02-01', 'not_counted'],
      ['M.01', '2025-01-01', 'current'],
      ['M.01', '2023-05-01', 'superseded'],
      ['M.02', '2023-01-01', 'expired'],
    ]);
  });
});

describe('flaggedEvidence', () => {
  const countedSources = ['assessment_centre', 'competency_test', 'supervisor', 'self'] as const;

  it('flags course evidence above the current level when evidence does not count', () => {
    const above = anAssessment('e1', 'M.01', 3).by('course_evidence').on('2025-02-01').build();
    const notAbove = anAssessment('e1', 'M.02', 2).by('course_evidence').on('2025-02-01').build();
    const unassessed = anAssessment('e2', 'M.01', 1).by('course_evidence').on('2025-02-01').build();
    const results = [
      anAssessment('e1', 'M.01', 2).by('supervisor').on('2024-01-01').build(),
      anAssessment('e1', 'M.02', 2).by('supervisor').on('2024-01-01').build(),
      above,
      notAbove,
      unassessed,
    ];
    expect(flaggedEvidence(results, { asOf, countedSources })).toEqual([above, unassessed]);
  });

  it('flags nothing when course evidence sets the level', () => {
    const results = [anAssessment('e1', 'M.01', 3).by('course_evidence').build()];
    expect(flaggedEvidence(results, { asOf })).toEqual([]);
  });
});

describe('validateAssessmentResult', () => {
  it('accepts a complete result', () => {
    expect(validateAssessmentResult(anAssessment('e1', 'M.01', 3).validUntil('2027-01-15').build())).toEqual([]);
  });

  it('reports each bad field', () => {
    const result = {
      employeeId: ' ',
      competencyCode: 'M.99',
      level: 6,
      source: 'atasan',
      assessedOn: '2025-02-30',
      validUntil: '2020-01-01',
    } as unknown as AssessmentResult;
    expect(validateAssessmentResult(result, { knownCompetencyCodes: new Set(['M.01']) }).map((p) => [p.code, p.field])).toEqual([
      ['EMPLOYEE_MISSING', 'employeeId'],
      ['COMPETENCY_UNKNOWN', 'competencyCode'],
      ['LEVEL_INVALID', 'level'],
      ['SOURCE_INVALID', 'source'],
      ['DATE_INVALID', 'assessedOn'],
    ]);
  });

  it('refuses a validity that ends before the assessment and a date after today', () => {
    const result = anAssessment('e1', 'M.01', 3).on('2025-05-01').validUntil('2025-04-30').build();
    expect(validateAssessmentResult(result, { today: '2025-04-01' }).map((p) => p.code)).toEqual([
      'DATE_IN_FUTURE',
      'VALIDITY_BEFORE_ASSESSMENT',
    ]);
    expect(validateAssessmentResult({ ...result, validUntil: '2025-13-01' }).map((p) => p.code)).toEqual(['DATE_INVALID']);
  });
});

describe('current level properties', () => {
  const day = fc.integer({ min: 0, max: 60 }).map((offset) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10));
  const result = fc.record({
    employeeId: fc.constantFrom('e1', 'e2'),
    competencyCode: fc.constantFrom('M.01', 'M.02'),
    level: fc.constantFrom(...COMPETENCY_LEVELS),
    source: fc.constantFrom(...ASSESSMENT_SOURCES),
    assessedOn: day,
    validUntil: fc.option(day, { nil: undefined }),
  });

  it('does not depend on the order results arrive in, and picks a valid result no other valid result beats', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 15 }), day, fc.func(fc.integer()), (results, asOf, key) => {
        const shuffled = [...results].sort((a, b) => key(a) - key(b));
        const levels = (list: AssessmentResult[]) =>
          [...currentResultsByEmployee(list, { asOf })].map(([id, byCode]) => [
            id,
            Object.fromEntries([...byCode].map(([code, chosen]) => [code, chosen.level])),
          ]);
        expect(Object.fromEntries(levels(shuffled))).toEqual(Object.fromEntries(levels(results)));
        for (const byCode of currentResultsByEmployee(results, { asOf }).values()) {
          for (const chosen of byCode.values()) {
            expect(isValidOn(chosen, asOf)).toBe(true);
            const rivals = results.filter(
              (r) => r.employeeId === chosen.employeeId && r.competencyCode === chosen.competencyCode && isValidOn(r, asOf),
            );
            expect(rivals.every((r) => compareResults(chosen, r) <= 0)).toBe(true);
          }
        }
      }),
    );
  });
});
