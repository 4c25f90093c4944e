import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateGoalRequest,
  TDevelopmentGoal,
  TDevelopmentGoalList,
  TUpdateGoalRequest,
} from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';

const GOALS_KEY = ['development-goals'] as const;

export function useDevelopmentGoals() {
  return useQuery({
    queryKey: GOALS_KEY,
    queryFn: ({ signal }) => api.get<TDevelopmentGoalList>('/me/development-goals', undefined, signal),
  });
}

function useInvalidateGoals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: GOALS_KEY });
}

export function useSaveGoal() {
  const invalidate = useInvalidateGoals();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: TCreateGoalRequest | TUpdateGoalRequest }) =>
      id
        ? api.patch<TDevelopmentGoal>(`/me/development-goals/${id}`, body)
        : api.post<TDevelopmentGoal>('/me/development-goals', body),
    onSuccess: invalidate,
  });
}

export function useDeleteGoal() {
  const invalidate = useInvalidateGoals();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/development-goals/${id}`),
    onSuccess: invalidate,
  });
}
