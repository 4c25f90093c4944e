import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type { TCourseDetail, TCourseInstructorList } from '@asah/contracts/courses';
import type { TUser } from '@asah/contracts/users';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { coursePaths } from '../course-paths';
import { courseKey } from './use-courses';

/** The most instructors one agency is expected to have; the picker lists them all at once. */
const CANDIDATE_LIMIT = 200;

/** Active users of the course's agency holding the instructor role: who may be assigned. */
export function useInstructorCandidates(agencyId: string | null, enabled: boolean) {
  // Agency admins are scoped to their agency by the API; only platform admins name one.
  const { isPlatformAdmin } = useAgencyScope();
  return useQuery({
    queryKey: ['users', 'instructors', agencyId],
    queryFn: ({ signal }) =>
      api.get<TPage<TUser>>(
        '/users',
        { agencyId: isPlatformAdmin ? (agencyId ?? undefined) : undefined, role: 'instructor', status: 'active', pageSize: CANDIDATE_LIMIT, sort: 'name' },
        signal,
      ),
    enabled: enabled && agencyId !== null,
  });
}

export function useSetInstructors(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => api.put<TCourseInstructorList>(coursePaths.instructors(courseId), { userIds }),
    onSuccess: ({ items }) => {
      queryClient.setQueryData<TCourseDetail>(courseKey(courseId), (course) => course && { ...course, instructors: items });
      return queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
    },
  });
}
