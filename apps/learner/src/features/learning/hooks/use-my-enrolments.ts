import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TMyEnrolmentPage, TMyEnrolmentQuery } from '@asah/contracts/enrolments';
import type { TMySession } from '@asah/contracts/classroom';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';

export const MY_ENROLMENTS_KEY = ['me', 'enrolments'] as const;

export function useMyEnrolments(query: Partial<TMyEnrolmentQuery>) {
  return useQuery({
    queryKey: [...MY_ENROLMENTS_KEY, query],
    queryFn: ({ signal }) => api.get<TMyEnrolmentPage>('/me/enrolments', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The learner's classroom sessions from today on (courses where they have a place). */
export function useMySessions(enabled = true) {
  return useQuery({
    queryKey: ['learning', 'sessions'],
    queryFn: ({ signal }) => api.get<TPage<TMySession>>('/me/sessions', { pageSize: 200 }, signal),
    enabled,
  });
}
