import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCohortList } from '@asah/contracts/cohorts';
import type { TPage } from '@asah/contracts/common';
import type { TCoursePage } from '@asah/contracts/courses';
import type { TUser } from '@asah/contracts/users';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

/** Courses a certificate can be issued for: every course the admin reaches (the agency's and the platform's). */
export function useIssuableCourses() {
  const scope = useAgencyScope();
  const query = { page: 1, pageSize: 200, sort: 'title' };
  return useQuery({
    queryKey: ['certificates', 'courses', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TCoursePage>('/courses', query, signal).then((page) => page.items),
    enabled: scope.ready,
  });
}

export function useCourseCohorts(courseId: string) {
  return useQuery({
    queryKey: ['certificates', 'cohorts', courseId],
    queryFn: ({ signal }) => api.get<TCohortList>(`/courses/${courseId}/cohorts`, undefined, signal).then((list) => list.items),
    enabled: courseId !== '',
  });
}

/** Learners of the agency matching a name or NIP, for issuing to one person. */
export function useLearnerSearch(q: string) {
  const scope = useAgencyScope();
  const query = { q, role: 'learner', page: 1, pageSize: 8, agencyId: scope.agencyId };
  return useQuery({
    queryKey: ['certificates', 'learners', scopeKey(scope), q],
    queryFn: ({ signal }) => api.get<TPage<TUser>>('/users', query, signal),
    enabled: scope.ready && q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}
