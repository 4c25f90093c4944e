import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPositionType } from '@asah/contracts/positions';
import type { TSetStandardRequest, TStandardsGrid } from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

export function useStandards(query: { type?: TPositionType; q?: string }) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'standards', scopeKey(scope), query],
    queryFn: ({ signal }) => api.get<TStandardsGrid>('/competency/standards', { ...query, agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

export function useSetStandard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ positionId, body }: { positionId: string; body: TSetStandardRequest }) =>
      api.put<unknown>(`/competency/standards/${positionId}`, body),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}
