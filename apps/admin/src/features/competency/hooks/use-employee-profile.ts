import { useQuery } from '@tanstack/react-query';
import type { TCompetencyProfile } from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';

/** An employee's competency profile as the admin sees it (the same shape as the learner's own). */
export function useEmployeeProfile(userId: string | null) {
  return useQuery({
    queryKey: ['competency', 'profile', userId],
    queryFn: ({ signal }) => api.get<TCompetencyProfile>(`/users/${userId}/competency-profile`, undefined, signal),
    enabled: Boolean(userId),
  });
}
