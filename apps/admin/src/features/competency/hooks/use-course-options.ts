import { useQuery } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type { TCourseSummary } from '@asah/contracts/courses';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

/** Published courses a program can become a cohort of (the agency's and platform-wide ones). */
export function usePublishedCourses() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['courses', scopeKey(scope), 'published-options'],
    queryFn: ({ signal }) =>
      api.get<TPage<TCourseSummary>>('/courses', { status: 'published', pageSize: 200, sort: 'title', agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}
