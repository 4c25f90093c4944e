import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TCompetencyProfile } from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';

/** An employee's competency profile as the admin sees it (the same shape as the learner's own). */
export function useEmployeeProfile(userId: string | null, targetPositionId?: string) {
  return useQuery({
    queryKey: ['competency', 'profile', userId, targetPositionId ?? null],
    queryFn: ({ signal }) => api.get<TCompetencyProfile>(`/users/${userId}/competency-profile`, { targetPositionId }, signal),
    enabled: Boolean(userId),
    placeholderData: keepPreviousData,
  });
}
