import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCohort, TCohortList, TCreateCohortRequest, TUpdateCohortRequest } from '@asah/contracts/cohorts';
import { api } from '@asah/ui/api-client';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';

export const COHORTS_KEY = ['cohorts'] as const;
export const cohortsKey = (courseId: string) => [...COHORTS_KEY, 'course', courseId] as const;

/** A course's cohorts (few per course: the API answers them all). */
export function useCohorts(courseId: string) {
  return useQuery({
    queryKey: cohortsKey(courseId),
    queryFn: ({ signal }) => api.get<TCohortList>(enrolmentPaths.cohorts(courseId), undefined, signal).then((list) => list.items),
  });
}

export function useCreateCohort(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCohortRequest) => api.post<TCohort>(enrolmentPaths.cohorts(courseId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COHORTS_KEY }),
  });
}

export function useUpdateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateCohortRequest }) => api.patch<TCohort>(enrolmentPaths.cohort(id), body),
    // Raising the capacity promotes waitlisted learners: their enrolments change too.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: COHORTS_KEY }), queryClient.invalidateQueries({ queryKey: ['enrolments'] })]),
  });
}

export function useDeleteCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(enrolmentPaths.cohort(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COHORTS_KEY }),
  });
}
