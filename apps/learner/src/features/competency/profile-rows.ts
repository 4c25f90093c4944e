/** Levels run 1–5 (Permenpan RB 38/2017); 0 on the chart means "not assessed yet". */
export const LEVEL_MAX = 5;

export type ChartSeverity = 'none' | 'minor' | 'major' | 'unassessed';

export interface CompetencyChartRow {
  code: string;
  name: string;
  requiredLevel: number;
  currentLevel: number | null;
  severity: ChartSeverity;
}

export interface RecommendedCourseView {
  id: string;
  title: string;
  jp: number;
  targetLevel: number;
  closesGap: boolean;
  enrolled: boolean;
  /** The learner's enrolment in it (requested, waitlisted, approved, active, completed...). */
  enrolmentStatus: string | null;
}

export interface GapView extends CompetencyChartRow {
  group: string;
  gap: number | null;
  /** A completed course points to this level; the agency waits for a reassessment before counting it. */
  flaggedLevel: number | null;
  courses: RecommendedCourseView[];
}

/** Gaps first (largest first), then the unassessed, then what meets the standard; code breaks ties. */
export function orderGaps(rows: readonly GapView[]): GapView[] {
  const rank = { major: 0, minor: 1, unassessed: 2, none: 3 } as const;
  return [...rows].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || (b.gap ?? 0) - (a.gap ?? 0) || a.code.localeCompare(b.code),
  );
}
