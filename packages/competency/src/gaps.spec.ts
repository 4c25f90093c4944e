import fc from 'fast-check';
import { COMPETENCY_LEVELS, type CompetencyLevel } from './dictionary';
import { CompetencyError } from './errors';
import {
  classifyGap,
  competencyGap,
  DEFAULT_GAP_THRESHOLDS,
  employeeGaps,
  gapsForStandard,
  needsDevelopment,
  summariseGaps,
} from './gaps';
import type { PositionStandard } from './standards';
import { anAssessment } from './testing/builders';

const requirement = (competencyCode: string, requiredLevel: CompetencyLevel) =>
  ({ competencyCode, group: 'manajerial', requiredLevel, origin: 'default' }) as const;
const standard = (positionId: string, levels: Record<string, CompetencyLevel>): PositionStandard => ({
  positionId,
  requirements: Object.entries(levels).map(([code, level]) => requirement(code, level)),
});

describe('classifyGap', () => {
  it('maps gaps to none, minor (1), major (>= 2) and unassessed', () => {
    expect([-2, 0, 1, 2, 4, null].map((gap) => classifyGap(gap))).toEqual(['none', 'none', 'minor', 'major', 'major', 'unassessed']);
  });

  it('takes the major threshold from configuration', () => {
    expect([1, 2, 3].map((gap) => classifyGap(gap, { majorFrom: 3 }))).toEqual(['minor', 'minor', 'major']);
    expect(classifyGap(1, { majorFrom: 1 })).toBe('major');
    expect(() => classifyGap(1, { majorFrom: 0 })).toThrow(CompetencyError);
    expect(() => classifyGap(1, { majorFrom: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(DEFAULT_GAP_THRESHOLDS).toEqual({ majorFrom: 2 });
  });
});

describe('competencyGap', () => {
  it('is required minus current, with the assessment it rests on', () => {
    const assessment = anAssessment('e1', 'M.01', 2).build();
    expect(competencyGap(requirement('M.01', 4), assessment)).toEqual({
      competencyCode: 'M.01',
      group: 'manajerial',
      requiredLevel: 4,
      currentLevel: 2,
      gap: 2,
      severity: 'major',
      needsDevelopment: true,
      assessment,
    });
  });

  it('keeps a surplus as a negative gap that needs no development', () => {
    const gap = competencyGap(requirement('M.01', 2), anAssessment('e1', 'M.01', 5).build());
    expect([gap.gap, gap.severity, gap.needsDevelopment]).toEqual([-3, 'none', false]);
  });

  it('treats a missing assessment as its own state, not as 0', () => {
    const gap = competencyGap(requirement('M.01', 3), null);
    expect([gap.currentLevel, gap.gap, gap.severity, gap.needsDevelopment]).toEqual([null, null, 'unassessed', false]);
  });
});

describe('employeeGaps', () => {
  const profile = new Map([
    ['M.01', anAssessment('e1', 'M.01', 2).build()],
    ['M.02', anAssessment('e1', 'M.02', 3).build()],
  ]);

  it('computes gaps for the current position and, for career planning, a target position', () => {
    const result = employeeGaps({
      employeeId: 'e1',
      profile,
      currentStandard: standard('pengawas', { 'M.01': 2, 'M.02': 2, 'M.03': 2 }),
      targetStandard: standard('administrator', { 'M.01': 3, 'M.02': 3, 'M.03': 3 }),
    });
    expect(result.current.positionId).toBe('pengawas');
    expect(result.current.gaps.map((g) => [g.competencyCode, g.gap, g.severity])).toEqual([
      ['M.01', 0, 'none'],
      ['M.02', -1, 'none'],
      ['M.03', null, 'unassessed'],
    ]);
    expect(result.target?.gaps.map((g) => [g.competencyCode, g.gap, g.severity])).toEqual([
      ['M.01', 1, 'minor'],
      ['M.02', 0, 'none'],
      ['M.03', null, 'unassessed'],
    ]);
  });

  it('has no target gaps without a target position', () => {
    expect(employeeGaps({ employeeId: 'e1', profile, currentStandard: standard('p', {}) }).target).toBeNull();
  });

  it('summarises gaps by severity', () => {
    const gaps = gapsForStandard(standard('jpt', { 'M.01': 5, 'M.02': 4, 'M.03': 4 }), profile);
    expect(summariseGaps(gaps)).toEqual({ none: 0, minor: 1, major: 1, unassessed: 1, needsDevelopment: 2 });
  });
});

describe('gap properties', () => {
  const level = fc.constantFrom(...COMPETENCY_LEVELS);
  const thresholds = fc.record({ majorFrom: fc.integer({ min: 1, max: 5 }) });

  it('never counts a gap as needing development unless required > current', () => {
    fc.assert(
      fc.property(level, fc.option(level, { nil: null }), thresholds, (required, current, config) => {
        const assessment = current === null ? null : anAssessment('e', 'C', current).build();
        const gap = competencyGap(requirement('C', required), assessment, config);
        const expected = current !== null && required > current;
        expect(gap.needsDevelopment).toBe(expected);
        expect(needsDevelopment(gap.gap)).toBe(expected);
        expect(gap.severity === 'minor' || gap.severity === 'major').toBe(expected);
        if (gap.needsDevelopment) expect(gap.gap).toBeGreaterThan(0);
      }),
    );
  });

  it('severity never decreases as the gap grows', () => {
    const order = { unassessed: -1, none: 0, minor: 1, major: 2 };
    fc.assert(
      fc.property(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 4 }), thresholds, (gap, more, config) => {
        expect(order[classifyGap(gap + more, config)]).toBeGreaterThanOrEqual(order[classifyGap(gap, config)]);
      }),
    );
  });
});
