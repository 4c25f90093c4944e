import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TEnrolmentRow, TEnrolRequest, TMyEnrolment, TWithdrawRequest } from '@asah/contracts/enrolments';
import { api } from '@asah/ui/api-client';
import { CATALOGUE_KEY } from '../../catalogue/hooks/use-catalogue';
import { MY_ENROLMENTS_KEY } from '../../learning/hooks/use-my-enrolments';

/** Enrolling or withdrawing changes the catalogue's badges, "Pembelajaran Saya", the schedule and the progress. */
function refreshLearning(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY }),
    queryClient.invalidateQueries({ queryKey: MY_ENROLMENTS_KEY }),
    queryClient.invalidateQueries({ queryKey: ['learning'] }),
  ]);
}

export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEnrolRequest) => api.post<TMyEnrolment>('/enrolments', body),
    onSuccess: () => refreshLearning(queryClient),
  });
}

export function useWithdraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TWithdrawRequest & { id: string }) => api.post<TEnrolmentRow>(`/enrolments/${id}/withdraw`, body),
    onSuccess: () => refreshLearning(queryClient),
  });
}
