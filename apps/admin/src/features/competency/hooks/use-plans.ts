import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreatePlanRequest,
  TCreateProgramRequest,
  TDevelopmentProgram,
  TPlanActionRequest,
  TPlanDetail,
  TPlanList,
  TPlanSummary,
  TProgramCohortRequest,
  TProgramCohortResult,
  TUpdateProgramRequest,
} from '@asah/contracts/competency';
import { api, buildUrl } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

export function usePlans(year?: number) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'plans', scopeKey(scope), year ?? null],
    queryFn: ({ signal }) => api.get<TPlanList>('/competency/plans', { agencyId: scope.agencyId, year }, signal),
    enabled: scope.ready,
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: ['competency', 'plan', id],
    queryFn: ({ signal }) => api.get<TPlanDetail>(`/competency/plans/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useCompetencyMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateCompetency(queryClient) });
}

export function useCreatePlan() {
  const scope = useAgencyScope();
  return useCompetencyMutation((body: Omit<TCreatePlanRequest, 'agencyId'>) =>
    api.post<TPlanSummary>('/competency/plans', { ...body, agencyId: scope.agencyId }),
  );
}

export function usePlanAction(planId: string) {
  return useCompetencyMutation((body: TPlanActionRequest) => api.post<TPlanDetail>(`/competency/plans/${planId}/actions`, body));
}

export function useSaveProgram(planId: string) {
  return useCompetencyMutation(({ id, body }: { id?: string; body: TCreateProgramRequest | TUpdateProgramRequest }) =>
    id
      ? api.patch<TPlanDetail>(`/competency/plans/${planId}/programs/${id}`, body)
      : api.post<TPlanDetail>(`/competency/plans/${planId}/programs`, body),
  );
}

/**
 * Creates a program on any plan (used from the heatmap, where the plan is picked in the dialog).
 * Program writes answer with the whole plan; the new program is the one that was not there before.
 */
export function useCreateProgramIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ planId, body }: { planId: string; body: TCreateProgramRequest }): Promise<TDevelopmentProgram | undefined> => {
      const before = queryClient.getQueryData<TPlanDetail>(['competency', 'plan', planId]);
      const known = new Set(before?.programs.map((program) => program.id) ?? []);
      const plan = await api.post<TPlanDetail>(`/competency/plans/${planId}/programs`, body);
      const fresh = plan.programs.filter((program) => !known.has(program.id));
      return fresh.find((program) => program.title === body.title.trim()) ?? fresh.at(-1);
    },
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useDeleteProgram(planId: string) {
  return useCompetencyMutation((programId: string) => api.delete<TPlanDetail>(`/competency/plans/${planId}/programs/${programId}`));
}

export function useProgramCohort(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ programId, body }: { programId: string; body: TProgramCohortRequest }) =>
      api.post<TProgramCohortResult>(`/competency/plans/${planId}/programs/${programId}/cohort`, body),
    onSuccess: () =>
      Promise.all([invalidateCompetency(queryClient), queryClient.invalidateQueries({ queryKey: ['cohorts'] })]),
  });
}

export const planExportUrl = (planId: string) => buildUrl(`/competency/plans/${planId}/export`);
