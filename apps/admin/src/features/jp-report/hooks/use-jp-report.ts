import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TJpComplianceQuery, TJpComplianceReport, TJpTargetList, TSetJpTargetsRequest } from '@asah/contracts/jp-ledger';
import { api, buildUrl, type QueryParams } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';

const JP_KEY = ['jp'] as const;

export type JpReportFilters = Partial<Omit<TJpComplianceQuery, 'agencyId'>>;

export function useJpCompliance(filters: JpReportFilters) {
  const scope = useAgencyScope();
  const params = { ...filters, agencyId: scope.agencyId };
  return useQuery({
    queryKey: [...JP_KEY, 'compliance', params],
    queryFn: ({ signal }) => api.get<TJpComplianceReport>(enrolmentPaths.jpCompliance, params as QueryParams, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
  });
}

/** The export is a plain GET with the session cookie, so a link downloads it with the browser's own progress. */
export function useJpExportUrl(filters: JpReportFilters, format: 'csv' | 'xlsx'): string {
  const scope = useAgencyScope();
  const { page: _page, pageSize: _size, ...rest } = filters;
  return buildUrl(enrolmentPaths.jpComplianceExport, { ...rest, agencyId: scope.agencyId, format } as QueryParams);
}

export function useJpTargets() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: [...JP_KEY, 'targets', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TJpTargetList>(enrolmentPaths.jpTargets, { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export function useSetJpTargets() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetJpTargetsRequest) => api.put<TJpTargetList>(enrolmentPaths.jpTargets, { ...body, agencyId: scope.agencyId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: JP_KEY }),
  });
}
