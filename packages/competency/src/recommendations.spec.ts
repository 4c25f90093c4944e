import fc from 'fast-check';
import { COMPETENCY_LEVELS, type CompetencyLevel } from './dictionary';
import { rankCoursesForGap, type RecommendableCourse } from './recommendations';

function course(
  id: string,
  targets: Record<string, CompetencyLevel>,
  jp: number,
  extra: Partial<RecommendableCourse> = {},
): RecommendableCourse {
  return {
    id,
    competencies: Object.entries(targets).map(([code, targetLevel]) => ({ code, targetLevel })),
    jp,
    deliveryMode: 'e_learning',
    status: 'published',
    ...extra,
  };
}

const catalogue = [
  course('c-l5', { 'M.01': 5 }, 10),
  course('c-l4-long', { 'M.01': 4 }, 40),
  course('c-l4-short-b', { 'M.01': 4 }, 16),
  course('c-l4-short-a', { 'M.01': 4, 'M.02': 2 }, 16),
  course('c-l3', { 'M.01': 3 }, 8),
  course('c-l2', { 'M.01': 2 }, 4),
  course('c-draft', { 'M.01': 4 }, 1, { status: 'draft' }),
  course('c-archived', { 'M.01': 4 }, 1, { status: 'archived' }),
  course('c-other', { 'M.02': 4 }, 1),
];
const ids = (ranked: ReturnType<typeof rankCoursesForGap>) => ranked.map((r) => r.course.id);

describe('rankCoursesForGap', () => {
  it('puts the smallest target that reaches the required level first, then fewer JP, then id', () => {
    const ranked = rankCoursesForGap(catalogue, { competencyCode: 'M.01', currentLevel: 2, requiredLevel: 4 });
    expect(ids(ranked)).toEqual(['c-l4-short-a', 'c-l4-short-b', 'c-l4-long', 'c-l5', 'c-l3']);
    expect(ranked.map((r) => [r.targetLevel, r.closesGap])).toEqual([
      [4, true],
      [4, true],
      [4, true],
      [5, true],
      [3, false],
    ]);
  });

  it('never returns a course that does not raise the level, nor an unpublished one', () => {
    const ranked = rankCoursesForGap(catalogue, { competencyCode: 'M.01', currentLevel: 3, requiredLevel: 5 });
    expect(ids(ranked)).toEqual(['c-l5', 'c-l4-short-a', 'c-l4-short-b', 'c-l4-long']);
  });

  it('offers level-1-and-up courses when the competency is unassessed', () => {
    const ranked = rankCoursesForGap(catalogue, { competencyCode: 'M.01', currentLevel: null, requiredLevel: 2 });
    expect(ids(ranked).slice(0, 2)).toEqual(['c-l2', 'c-l3']);
    expect(ranked).toHaveLength(6);
  });

  it('returns nothing when there is no gap', () => {
    expect(rankCoursesForGap(catalogue, { competencyCode: 'M.01', currentLevel: 4, requiredLevel: 4 })).toEqual([]);
    expect(rankCoursesForGap(catalogue, { competencyCode: 'M.01', currentLevel: 5, requiredLevel: 3 })).toEqual([]);
  });

  it('can include other statuses and limit the list', () => {
    const gap = { competencyCode: 'M.01', currentLevel: 3, requiredLevel: 4 } as const;
    expect(ids(rankCoursesForGap(catalogue, gap, { eligibleStatuses: ['published', 'draft'], limit: 2 }))).toEqual([
      'c-draft',
      'c-l4-short-a',
    ]);
  });

  it('uses the highest target when a course lists a competency twice and skips a course with invalid JP', () => {
    const courses = [
      { ...course('twice', {}, 5), competencies: [{ code: 'M.01', targetLevel: 2 as const }, { code: 'M.01', targetLevel: 4 as const }] },
      course('broken', { 'M.01': 4 }, Number.NaN),
    ];
    const ranked = rankCoursesForGap(courses, { competencyCode: 'M.01', currentLevel: 1, requiredLevel: 4 });
    expect(ranked.map((r) => [r.course.id, r.targetLevel])).toEqual([['twice', 4]]);
  });
});

describe('ranking properties', () => {
  const level = fc.constantFrom(...COMPETENCY_LEVELS);
  const arbitraryCourse = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    competencies: fc.array(fc.record({ code: fc.constantFrom('M.01', 'M.02'), targetLevel: level }), { maxLength: 3 }),
    jp: fc.integer({ min: 0, max: 60 }),
    deliveryMode: fc.constantFrom('e_learning' as const, 'klasikal' as const, 'blended' as const),
    status: fc.constantFrom('draft' as const, 'published' as const, 'archived' as const),
  });
  const catalogueArb = fc.uniqueArray(arbitraryCourse, { selector: (c) => c.id, maxLength: 12 });
  const gapArb = fc.record({ competencyCode: fc.constant('M.01'), currentLevel: fc.option(level, { nil: null }), requiredLevel: level });

  it('is deterministic: the order of the catalogue does not matter', () => {
    fc.assert(
      fc.property(catalogueArb, gapArb, fc.func(fc.integer()), (courses, gap, key) => {
        const shuffled = [...courses].sort((a, b) => key(a.id) - key(b.id));
        expect(ids(rankCoursesForGap(shuffled, gap))).toEqual(ids(rankCoursesForGap(courses, gap)));
      }),
    );
  });

  it('never returns a course that does not raise the level or is not published', () => {
    fc.assert(
      fc.property(catalogueArb, gapArb, (courses, gap) => {
        for (const ranked of rankCoursesForGap(courses, gap)) {
          expect(ranked.course.status).toBe('published');
          expect(ranked.targetLevel).toBeGreaterThanOrEqual((gap.currentLevel ?? 0) + 1);
          expect(ranked.course.competencies).toContainEqual({ code: gap.competencyCode, targetLevel: ranked.targetLevel });
          expect(ranked.closesGap).toBe(ranked.targetLevel >= gap.requiredLevel);
        }
      }),
    );
  });

  it('never ranks a course that falls short above one that closes the gap', () => {
    fc.assert(
      fc.property(catalogueArb, gapArb, (courses, gap) => {
        const flags = rankCoursesForGap(courses, gap).map((r) => r.closesGap);
        expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
      }),
    );
  });
});
