import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAssessment,
  TAssessmentImportReport,
  TAssessmentList,
  TCreateAssessmentRequest,
} from '@asah/contracts/competency';
import { api } from '@asah/ui/api-client';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

/** Checks the CSV row by row; nothing is written. */
export function useAssessmentImportPreview() {
  const scope = useAgencyScope();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<TAssessmentImportReport>('/competency/assessments/import/preview', file, { agencyId: scope.agencyId }),
  });
}

/** Writes every row of the same file, or none when any row is invalid. */
export function useAssessmentImportCommit() {
  const scope = useAgencyScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<TAssessmentImportReport>('/competency/assessments/import', file, { agencyId: scope.agencyId }),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useAssessmentHistory(userId: string | null) {
  return useQuery({
    queryKey: ['competency', 'assessments', userId],
    queryFn: ({ signal }) => api.get<TAssessmentList>(`/users/${userId}/assessments`, undefined, signal),
    enabled: Boolean(userId),
  });
}

export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAssessmentRequest) => api.post<TAssessment>('/competency/assessments', body),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useDeleteAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/competency/assessments/${id}`),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}
