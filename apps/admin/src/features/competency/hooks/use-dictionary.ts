import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCompetency,
  TCompetencyGroup,
  TCompetencyList,
  TCreateCompetencyRequest,
  TDictionaryImportReport,
  TUpdateCompetencyRequest,
} from '@asah/contracts/competency';
import { api, buildUrl } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

export function useDictionary(query: { group?: TCompetencyGroup; q?: string } = {}) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'dictionary', scopeKey(scope), query],
    queryFn: ({ signal }) => api.get<TCompetencyList>('/competency/dictionary', { ...query, agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export function useSaveCompetency() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TCreateCompetencyRequest | TUpdateCompetencyRequest }) =>
      id
        ? api.patch<TCompetency>(`/competency/dictionary/${id}`, body)
        : api.post<TCompetency>('/competency/dictionary', { ...body, agencyId: scope.agencyId }),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useDeleteCompetency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/competency/dictionary/${id}`),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useDictionaryImport(commit: boolean) {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<TDictionaryImportReport>(commit ? '/competency/dictionary/import' : '/competency/dictionary/import/preview', file, {
        agencyId: scope.agencyId,
      }),
    onSuccess: () => (commit ? invalidateCompetency(queryClient) : undefined),
  });
}

export function useDictionaryExportUrl(format: 'csv' | 'json'): string {
  const scope = useAgencyScope();
  return buildUrl('/competency/dictionary/export', { agencyId: scope.agencyId, format });
}
