import { ZCourseCategory, ZDeliveryMode } from '@asah/contracts/courses';
import type { CatalogueFilters } from './hooks/use-catalogue';

/** The filters as they sit in the URL (see useListParams). */
export const CATALOGUE_FILTER_KEYS = ['q', 'category', 'mode', 'competency', 'jp', 'scope', 'upcoming', 'sort'] as const;
export type CatalogueFilterValues = Record<(typeof CATALOGUE_FILTER_KEYS)[number], string>;

/** JP bands offered as one select: short courses, a working day or two, longer programmes. */
export const JP_BANDS = { short: [0, 8], medium: [8.01, 20], long: [20.01, undefined] } as const;
export type JpBand = keyof typeof JP_BANDS;

const pick = <T extends string>(value: string, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Turns URL filters (free text, possibly hand-edited) into a query the API accepts. */
export function toCatalogueQuery(values: CatalogueFilterValues, page: number, pageSize: number): CatalogueFilters {
  const band = pick(values.jp, Object.keys(JP_BANDS) as JpBand[]);
  const [jpMin, jpMax] = band ? JP_BANDS[band] : [undefined, undefined];
  return {
    page,
    pageSize,
    q: values.q || undefined,
    category: ZCourseCategory.safeParse(values.category).data,
    deliveryMode: ZDeliveryMode.safeParse(values.mode).data,
    competency: values.competency.trim() || undefined,
    jpMin,
    jpMax,
    scope: pick(values.scope, ['agency', 'platform'] as const),
    upcomingCohorts: values.upcoming === '1' ? true : undefined,
    sort: pick(values.sort, ['title', 'newest', 'jp', 'startsOn'] as const) ?? 'title',
  };
}
