import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApprovalQuery, TEnrolmentRow, TEnrolmentRowPage } from '@asah/contracts/enrolments';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { enrolmentPaths } from '../../enrolments/enrolment-paths';

export const APPROVALS_KEY = ['approvals'] as const;

export function useEnrolmentApprovals(query: Pick<TApprovalQuery, 'state' | 'page' | 'pageSize'>) {
  const scope = useAgencyScope();
  const params = { ...query, agencyId: scope.agencyId };
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'enrolments', params],
    queryFn: ({ signal }) => api.get<TEnrolmentRowPage>(enrolmentPaths.approvals, params, signal),
    placeholderData: keepPreviousData,
  });
}

export type Decision = { id: string; decision: 'approve' | 'reject'; reason?: string };

export function useDecideEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: Decision) =>
      api.post<TEnrolmentRow>(decision === 'approve' ? enrolmentPaths.approve(id) : enrolmentPaths.reject(id), reason ? { reason } : {}),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['enrolments'] }),
        queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
      ]),
  });
}
