import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type {
  TCreatePositionRequest,
  TPosition,
  TPositionListQuery,
  TUpdatePositionRequest,
} from '@asah/contracts/positions';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

export const POSITIONS_KEY = ['positions'] as const;

export function usePositions(query: Partial<Omit<TPositionListQuery, 'agencyId'>>) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: [...POSITIONS_KEY, scopeKey(scope), query],
    queryFn: ({ signal }) =>
      api.get<TPage<TPosition>>('/positions', { ...query, agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePositions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: POSITIONS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}

export function useCreatePosition() {
  const scope = useAgencyScope();
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: (body: TCreatePositionRequest) =>
      api.post<TPosition>('/positions', { ...body, agencyId: scope.agencyId }),
    onSuccess: invalidate,
  });
}

export function useUpdatePosition() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdatePositionRequest }) =>
      api.patch<TPosition>(`/positions/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeletePosition() {
  const invalidate = useInvalidatePositions();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/positions/${id}`),
    onSuccess: invalidate,
  });
}
