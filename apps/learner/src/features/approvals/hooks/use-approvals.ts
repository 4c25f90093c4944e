import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TEnrolmentRow, TEnrolmentRowPage } from '@asah/contracts/enrolments';
import type { TDevelopmentLogRow } from '@asah/contracts/development-logs';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';

export const APPROVALS_KEY = ['approvals'] as const;
export type ApprovalState = 'pending' | 'decided';
export type ApprovalKind = 'enrolment' | 'log';

export function useEnrolmentQueue(state: ApprovalState, page: number, pageSize: number) {
  const query = { state, page, pageSize };
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'enrolments', query],
    queryFn: ({ signal }) => api.get<TEnrolmentRowPage>('/approvals', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLogQueue(state: ApprovalState, page: number, pageSize: number) {
  const query = { state, page, pageSize };
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'logs', query],
    queryFn: ({ signal }) => api.get<TPage<TDevelopmentLogRow>>('/development-logs', query, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Whether the signed-in person approves anything: they head a unit with requests or logs (pending
 * or decided), or administer an agency. Everyone may ask (the queues answer empty pages to people
 * who approve nothing), so the portal shows "Persetujuan" only to those with something in it.
 */
export function useApprovalReach() {
  const enrolmentsPending = useEnrolmentQueue('pending', 1, 1);
  const logsPending = useLogQueue('pending', 1, 1);
  const enrolmentsDecided = useEnrolmentQueue('decided', 1, 1);
  const logsDecided = useLogQueue('decided', 1, 1);
  const pending = (enrolmentsPending.data?.total ?? 0) + (logsPending.data?.total ?? 0);
  const decided = (enrolmentsDecided.data?.total ?? 0) + (logsDecided.data?.total ?? 0);
  return { pending, visible: pending + decided > 0 };
}

export function useDecide(kind: ApprovalKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api.post<TEnrolmentRow | TDevelopmentLogRow>(`/${kind === 'enrolment' ? 'enrolments' : 'development-logs'}/${id}/${decision}`, reason ? { reason } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}
