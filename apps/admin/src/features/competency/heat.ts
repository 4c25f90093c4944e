/** The counts a heatmap cell needs (a subset of NeedsCell from @asah/competency). */
export interface HeatCell {
  needsDevelopment: number;
  total: number;
  major: number;
  minor: number;
  unassessed: number;
}

export const HEAT_BANDS = ['none', 'low', 'medium', 'high', 'unassessed'] as const;
export type HeatBand = (typeof HEAT_BANDS)[number];

/**
 * The colour band of a cell: the share of assessed people who need development, a major gap weighing
 * twice a minor one, so a cell where everyone has a minor gap is `medium` and majors make it `high`. A cell where nobody is
 * assessed yet gets its own band: the action there is an assessment, not training.
 */
export function heatBand(cell: HeatCell | undefined): HeatBand | 'empty' {
  if (!cell || cell.total === 0) return 'empty';
  const assessed = cell.total - cell.unassessed;
  if (assessed === 0) return 'unassessed';
  if (cell.needsDevelopment === 0) return 'none';
  const weighted = (cell.minor + 2 * cell.major) / (2 * assessed);
  if (weighted >= 0.6) return 'high';
  if (weighted >= 0.3) return 'medium';
  return 'low';
}
