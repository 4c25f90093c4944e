import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCatalogueCourse, TCataloguePage, TCatalogueQuery } from '@asah/contracts/catalogue';
import { api } from '@asah/ui/api-client';

export const CATALOGUE_KEY = ['catalogue'] as const;
export const catalogueCourseKey = (courseId: string) => [...CATALOGUE_KEY, 'course', courseId] as const;

export type CatalogueFilters = Partial<TCatalogueQuery>;

export function useCatalogue(query: CatalogueFilters) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<TCataloguePage>('/catalogue', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogueCourse(courseId: string) {
  return useQuery({
    queryKey: catalogueCourseKey(courseId),
    queryFn: ({ signal }) => api.get<TCatalogueCourse>(`/catalogue/${courseId}`, undefined, signal),
  });
}
