import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type { TBulkEnrolReport, TCreateEnrolmentRuleRequest, TEnrolmentRule } from '@asah/contracts/enrolments';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { enrolmentPaths } from '../enrolment-paths';
import { ENROLMENTS_KEY } from './use-enrolments';

const RULES_KEY = [...ENROLMENTS_KEY, 'rules'] as const;

export function useEnrolmentRules(courseId: string) {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: [...RULES_KEY, courseId, scope.agencyId ?? 'own'],
    queryFn: ({ signal }) => api.get<TPage<TEnrolmentRule>>(enrolmentPaths.rules, { courseId, agencyId: scope.agencyId, pageSize: 100 }, signal),
    enabled: scope.ready,
  });
}

export function useCreateEnrolmentRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateEnrolmentRuleRequest) => api.post<TEnrolmentRule>(enrolmentPaths.rules, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useDeleteEnrolmentRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(enrolmentPaths.rule(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

/** Running a rule enrols whoever matches now and is not enrolled yet, and answers the per-person report. */
export function useApplyEnrolmentRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TBulkEnrolReport>(enrolmentPaths.applyRule(id), { dryRun: false }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: RULES_KEY }),
        queryClient.invalidateQueries({ queryKey: ENROLMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
      ]),
  });
}
