import type { TCourseStatus, TDeliveryMode } from '@asah/contracts/courses';
import { compareText } from './compare';
import type { CompetencyLevel } from './dictionary';

/**
 * Courses that close a competency gap, best first. A course targets competency c at level l when
 * completing it is meant to bring a learner to level l of c.
 */
export interface CourseTarget {
  code: string;
  targetLevel: CompetencyLevel;
}

export interface RecommendableCourse {
  id: string;
  competencies: readonly CourseTarget[];
  jp: number;
  deliveryMode: TDeliveryMode;
  status: TCourseStatus;
}

export interface GapToClose {
  competencyCode: string;
  /** `null` when unassessed: then any level-1-or-higher course raises the level. */
  currentLevel: CompetencyLevel | null;
  requiredLevel: CompetencyLevel;
}

export interface RankedCourse {
  course: RecommendableCourse;
  /** The level the course targets for the gap's competency. */
  targetLevel: CompetencyLevel;
  /** The course alone reaches the required level. */
  closesGap: boolean;
}

export interface RankingOptions {
  /** Courses in other states are never recommended. */
  eligibleStatuses?: readonly TCourseStatus[];
  limit?: number;
}

export const DEFAULT_RECOMMENDABLE_STATUSES: readonly TCourseStatus[] = ['published'];

/**
 * Only courses that raise the level (target ≥ current + 1) are returned, none when there is no gap.
 * Order: courses that reach the required level first, the smallest such target first (no
 * more than needed); then those that fall short, the highest target first (closest to required);
 * within each, fewer JP first, then id, so the same input always gives the same list.
 */
export function rankCoursesForGap(
  courses: readonly RecommendableCourse[],
  gap: GapToClose,
  options: RankingOptions = {},
): RankedCourse[] {
  const current = gap.currentLevel ?? 0;
  if (gap.requiredLevel <= current) return [];
  const statuses = options.eligibleStatuses ?? DEFAULT_RECOMMENDABLE_STATUSES;
  const ranked: RankedCourse[] = [];
  for (const course of courses) {
    if (!statuses.includes(course.status) || !(Number.isFinite(course.jp) && course.jp >= 0)) continue;
    const targetLevel = targetFor(course, gap.competencyCode);
    if (targetLevel === null || targetLevel <= current) continue;
    ranked.push({ course, targetLevel, closesGap: targetLevel >= gap.requiredLevel });
  }
  ranked.sort(compareRanked);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

function targetFor(course: RecommendableCourse, code: string): CompetencyLevel | null {
  let best: CompetencyLevel | null = null;
  for (const target of course.competencies) {
    if (target.code === code && (best === null || target.targetLevel > best)) best = target.targetLevel;
  }
  return best;
}

function compareRanked(a: RankedCourse, b: RankedCourse): number {
  if (a.closesGap !== b.closesGap) return a.closesGap ? -1 : 1;
  const byTarget = a.closesGap ? a.targetLevel - b.targetLevel : b.targetLevel - a.targetLevel;
  return byTarget || a.course.jp - b.course.jp || compareText(a.course.id, b.course.id);
}
