import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  TCourseDetail,
  TCourseListQuery,
  TCourseOutline,
  TCoursePage,
  TCreateCourseRequest,
  TUpdateCourseRequest,
} from '@asah/contracts/courses';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { coursePaths } from '../course-paths';

export const COURSES_KEY = ['courses'] as const;
export const courseKey = (id: string) => [...COURSES_KEY, 'detail', id] as const;
export const outlineKey = (id: string) => [...COURSES_KEY, 'outline', id] as const;

/** Platform admins choose which courses they look at; everybody else sees their agency's and the platform's. */
export type CourseReach = 'all' | 'agency' | 'platform';

export type CourseListFilters = Partial<Omit<TCourseListQuery, 'agencyId' | 'platformWide'>> & { reach: CourseReach };

export function useCourses({ reach, ...filters }: CourseListFilters) {
  const scope = useAgencyScope();
  const query = {
    ...filters,
    agencyId: reach === 'agency' ? scope.agencyId : undefined,
    platformWide: reach === 'platform' ? true : undefined,
  };
  return useQuery({
    queryKey: [...COURSES_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<TCoursePage>(coursePaths.list, query, signal),
    enabled: reach !== 'agency' || scope.agencyId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: courseKey(id),
    queryFn: ({ signal }) => api.get<TCourseDetail>(coursePaths.course(id), undefined, signal),
  });
}

export function useCourseOutline(id: string) {
  return useQuery({
    queryKey: outlineKey(id),
    queryFn: ({ signal }) => api.get<TCourseOutline>(coursePaths.outline(id), undefined, signal),
    // The preview should show what was just saved in the editor.
    staleTime: 0,
  });
}

/** Most course changes answer the whole course: put it in the cache and let the lists refresh. */
export function storeCourse(queryClient: QueryClient, course: TCourseDetail): Promise<void> {
  queryClient.setQueryData(courseKey(course.id), course);
  return queryClient.invalidateQueries({ queryKey: COURSES_KEY, predicate: (query) => query.queryKey[1] !== 'detail' });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCourseRequest) => api.post<TCourseDetail>(coursePaths.list, body),
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export function useUpdateCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCourseRequest) => api.patch<TCourseDetail>(coursePaths.course(id), body),
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export type CourseStatusAction = 'publish' | 'archive' | 'unarchive';

export function useCourseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CourseStatusAction) => api.post<TCourseDetail>(coursePaths[action](id)),
    onSuccess: (course) => storeCourse(queryClient, course),
  });
}

export function useDeleteCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(coursePaths.course(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: courseKey(id) });
      return queryClient.invalidateQueries({ queryKey: COURSES_KEY });
    },
  });
}
