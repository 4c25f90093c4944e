import { useQuery } from '@tanstack/react-query';
import type { TCourseProgress, TCourseProgressList } from '@asah/contracts/tracking';
import { api, isApiError } from '@asah/ui/api-client';

export const progressKey = (courseId: string) => ['learning', 'progress', courseId] as const;

/**
 * The learner's progress in a course from the learning runtime (`GET /api/learning/courses/:id/progress`).
 * Null when the server has no progress to give (404: no place in the course, or a server without the
 * runtime yet): the page then shows the outline without figures.
 */
export function useCourseProgress(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: progressKey(courseId),
    queryFn: async ({ signal }): Promise<TCourseProgress | null> => {
      try {
        return await api.get<TCourseProgress>(`/learning/courses/${courseId}/progress`, undefined, signal);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
  });
}

/** Progress of every current enrolment, for "Pembelajaran Saya"; null when the server has none to give. */
export function useAllProgress() {
  return useQuery({
    queryKey: ['learning', 'progress'],
    queryFn: async ({ signal }): Promise<TCourseProgressList | null> => {
      try {
        return await api.get<TCourseProgressList>('/learning/progress', undefined, signal);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
    retry: false,
  });
}
