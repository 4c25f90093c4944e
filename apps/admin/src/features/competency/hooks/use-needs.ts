import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TNeedsCellDetail, TNeedsCellQuery, TNeedsHeatmap } from '@asah/contracts/competency';
import { api, buildUrl } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

export function useNeedsHeatmap() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'needs', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TNeedsHeatmap>('/competency/needs-analysis', { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export type NeedsCellParams = Pick<TNeedsCellQuery, 'unitId' | 'competencyCode'> &
  Partial<Pick<TNeedsCellQuery, 'severity' | 'page' | 'pageSize'>>;

export function useNeedsCell(params: NeedsCellParams | null) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'needs-cell', scopeKey(scope), params],
    queryFn: ({ signal }) =>
      api.get<TNeedsCellDetail>('/competency/needs-analysis/cell', { ...params, agencyId: scope.agencyId }, signal),
    enabled: scope.ready && params !== null,
    placeholderData: keepPreviousData,
  });
}

/** The XLSX is streamed by the API; a plain link keeps the browser's own download handling. */
export function useNeedsExportUrl(): string {
  const scope = useAgencyScope();
  return buildUrl('/competency/needs-analysis/export', { agencyId: scope.agencyId });
}
