import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateUnitRequest, TUnit, TUpdateUnitRequest } from '@asah/contracts/units';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

export const UNITS_KEY = ['units'] as const;

/** Every unit of the agency (the API returns the whole flat list; the tree is built here). */
export function useUnits() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: [...UNITS_KEY, scopeKey(scope)],
    queryFn: ({ signal }) =>
      api.get<{ items: TUnit[] }>('/units', { agencyId: scope.agencyId }, signal).then((list) => list.items),
    enabled: scope.ready,
  });
}

/** Employee counts and unit names appear in other lists too, so those are refreshed with the units. */
function useInvalidateStructure() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}

export function useCreateUnit() {
  const scope = useAgencyScope();
  const invalidate = useInvalidateStructure();
  return useMutation({
    mutationFn: (body: TCreateUnitRequest) => api.post<TUnit>('/units', { ...body, agencyId: scope.agencyId }),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateStructure();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateUnitRequest }) => api.patch<TUnit>(`/units/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateStructure();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/units/${id}`),
    onSuccess: invalidate,
  });
}
