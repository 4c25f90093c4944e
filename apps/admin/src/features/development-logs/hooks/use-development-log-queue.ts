import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type { TDevelopmentLog, TDevelopmentLogQueueQuery, TDevelopmentLogRow } from '@asah/contracts/development-logs';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';
import { APPROVALS_KEY, type Decision } from '../../approvals/hooks/use-approvals';

export function useDevelopmentLogQueue(query: Pick<TDevelopmentLogQueueQuery, 'state' | 'page' | 'pageSize'>) {
  const scope = useAgencyScope();
  const params = { ...query, agencyId: scope.agencyId };
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'development-logs', params],
    queryFn: ({ signal }) => api.get<TPage<TDevelopmentLogRow>>(enrolmentPaths.developmentLogs, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecideDevelopmentLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: Decision) =>
      api.post<TDevelopmentLog>(decision === 'approve' ? enrolmentPaths.approveLog(id) : enrolmentPaths.rejectLog(id), reason ? { reason } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}
