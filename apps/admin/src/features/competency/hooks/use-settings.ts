import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCompetencySettings, TFlaggedEvidenceList, TUpdateCompetencySettingsRequest } from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

export function useCompetencySettings() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'settings', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TCompetencySettings>('/competency/settings', { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export function useUpdateCompetencySettings() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<TUpdateCompetencySettingsRequest, 'agencyId'>) =>
      api.put<TCompetencySettings>('/competency/settings', { ...body, agencyId: scope.agencyId }),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

/** Course evidence above the current level, waiting for a reassessment (agencies with the flag_only rule). */
export function useFlaggedEvidence() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'flagged', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TFlaggedEvidenceList>('/competency/assessments/flagged', { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}
