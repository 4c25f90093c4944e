import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSetWorkloadTasksRequest, TWorkloadReport, TWorkloadTaskList } from '@asah/contracts/competency';
import { api, buildUrl } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { invalidateCompetency } from './invalidate';

export function useWorkload() {
  const scope = useAgencyScope();
  return useQuery({
    queryKey: ['competency', 'workload', scopeKey(scope)],
    queryFn: ({ signal }) => api.get<TWorkloadReport>('/competency/workload', { agencyId: scope.agencyId }, signal),
    enabled: scope.ready,
  });
}

export function useWorkloadTasks(key: { unitId: string; positionId: string } | null) {
  return useQuery({
    queryKey: ['competency', 'workload-tasks', key],
    queryFn: ({ signal }) => api.get<TWorkloadTaskList>('/competency/workload/tasks', key ?? undefined, signal),
    enabled: key !== null,
  });
}

export function useSetWorkloadTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetWorkloadTasksRequest) => api.put<TWorkloadTaskList>('/competency/workload/tasks', body),
    onSuccess: () => invalidateCompetency(queryClient),
  });
}

export function useWorkloadExportUrl(): string {
  const scope = useAgencyScope();
  return buildUrl('/competency/workload/export', { agencyId: scope.agencyId });
}
