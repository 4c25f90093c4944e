import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TCourseActivity,
  TCourseDetail,
  TCourseSection,
  TCreateActivityRequest,
  TCreateSectionRequest,
  TUpdateActivityRequest,
  TUpdateSectionRequest,
} from '@asah/contracts/courses';
import { api } from '@asah/ui/api-client';
import { coursePaths } from '../../courses/course-paths';
import { courseKey, outlineKey, storeCourse } from '../../courses/hooks/use-courses';
import { applyStructure, type Structure } from '../structure';

/** Section and activity answers are parts of the course: the course (and its preview) is read again. */
function useRefreshCourse(courseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: courseKey(courseId) }),
      queryClient.invalidateQueries({ queryKey: outlineKey(courseId) }),
      queryClient.invalidateQueries({ queryKey: ['courses', 'list'] }),
    ]);
}

export function useAddSection(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: (body: TCreateSectionRequest) => api.post<TCourseSection>(coursePaths.sections(courseId), body),
    onSuccess: refresh,
  });
}

export function useUpdateSection(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: ({ sectionId, body }: { sectionId: string; body: TUpdateSectionRequest }) =>
      api.patch<TCourseSection>(coursePaths.section(courseId, sectionId), body),
    onSuccess: refresh,
  });
}

/** Only empty modules can go (SECTION_NOT_EMPTY otherwise). */
export function useDeleteSection(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: (sectionId: string) => api.delete(coursePaths.section(courseId, sectionId)),
    onSuccess: refresh,
  });
}

export function useAddActivity(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: ({ sectionId, body }: { sectionId: string; body: TCreateActivityRequest }) =>
      api.post<TCourseActivity>(coursePaths.activities(courseId, sectionId), body),
    onSuccess: refresh,
  });
}

export function useUpdateActivity(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: ({ activityId, body }: { activityId: string; body: TUpdateActivityRequest }) =>
      api.patch<TCourseActivity>(coursePaths.activity(courseId, activityId), body),
    onSuccess: refresh,
  });
}

export function useDeleteActivity(courseId: string) {
  const refresh = useRefreshCourse(courseId);
  return useMutation({
    mutationFn: (activityId: string) => api.delete(coursePaths.activity(courseId, activityId)),
    onSuccess: refresh,
  });
}

/**
 * Saves a new order. The cache is rearranged at once, so a dropped item stays where it was
 * dropped; a refusal puts the previous order back.
 */
export function useSaveStructure(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sections: Structure) => api.put<TCourseDetail>(coursePaths.structure(courseId), { sections }),
    onMutate: async (sections) => {
      await queryClient.cancelQueries({ queryKey: courseKey(courseId) });
      const previous = queryClient.getQueryData<TCourseDetail>(courseKey(courseId));
      if (previous) queryClient.setQueryData(courseKey(courseId), applyStructure(previous, sections));
      return { previous };
    },
    onError: (_error, _sections, context) => {
      if (context?.previous) queryClient.setQueryData(courseKey(courseId), context.previous);
    },
    onSuccess: async (course) => {
      await storeCourse(queryClient, course);
      await queryClient.invalidateQueries({ queryKey: outlineKey(courseId) });
    },
  });
}
