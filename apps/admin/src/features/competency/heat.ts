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
 * The colour band of a cell: the share of assessed people who need development, with major gaps
 * pushing a cell up a band (one major gap weighs like two minor ones). A cell where nobody is
 * assessed yet gets its own band: the action there is an assessment, not training.
 */
export function heatBand(cell: HeatCell | undefined): HeatBand | 'empty' {
  if (!cell || cell.total === 0) return 'empty';
  const assessed = cell.total - cell.unassessed;
  if (assessed === 0) return 'unassessed';
  if (cell.needsDevelopment === 0) return 'none';
  const weighted = (cell.minor + 2 * cell.major) / (2 * assessed);
  if (weighted >= 0.5) return 'high';
  if (weighted >= 0.2) return 'medium';
  return 'low';
}
