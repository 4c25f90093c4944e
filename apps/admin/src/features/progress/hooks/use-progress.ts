import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAttemptDetail, TCourseProgressPage, TLearnerCourseProgress } from '@asah/contracts/tracking';
import { api, buildUrl, type QueryParams } from '@asah/ui/api-client';

/** Progress routes of apps/api (modules/tracking/progress.controller), relative to API_PREFIX. */
export const progressPaths = {
  table: (courseId: string) => `/courses/${courseId}/progress`,
  csv: (courseId: string) => `/courses/${courseId}/progress.csv`,
  learner: (courseId: string, userId: string) => `/courses/${courseId}/progress/${userId}`,
  attempt: (id: string) => `/attempts/${id}`,
};

const PROGRESS_KEY = ['progress'] as const;

export function useCourseProgress(courseId: string, query: QueryParams) {
  return useQuery({
    queryKey: [...PROGRESS_KEY, 'table', courseId, query],
    queryFn: ({ signal }) => api.get<TCourseProgressPage>(progressPaths.table(courseId), query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The CSV has the same filters and every row; a plain link downloads it with the session cookie. */
export function progressCsvUrl(courseId: string, query: QueryParams): string {
  const { page: _page, pageSize: _size, ...filters } = query;
  return buildUrl(progressPaths.csv(courseId), filters);
}

export function useLearnerProgress(courseId: string, userId: string) {
  return useQuery({
    queryKey: [...PROGRESS_KEY, 'learner', courseId, userId],
    queryFn: ({ signal }) => api.get<TLearnerCourseProgress>(progressPaths.learner(courseId, userId), undefined, signal),
  });
}

export function useAttempt(id: string) {
  return useQuery({
    queryKey: [...PROGRESS_KEY, 'attempt', id],
    queryFn: ({ signal }) => api.get<TAttemptDetail>(progressPaths.attempt(id), undefined, signal),
  });
}
