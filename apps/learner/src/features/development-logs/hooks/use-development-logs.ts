import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateDevelopmentLogFields, TDevelopmentLog, TMyDevelopmentLogQuery } from '@asah/contracts/development-logs';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';
import { uploadWithProgress, type UploadProgress } from '@asah/ui/upload';

export const MY_LOGS_KEY = ['me', 'development-logs'] as const;

export function useMyDevelopmentLogs(query: Partial<TMyDevelopmentLogQuery>) {
  return useQuery({
    queryKey: [...MY_LOGS_KEY, query],
    queryFn: ({ signal }) => api.get<TPage<TDevelopmentLog>>('/me/development-logs', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Multipart: the text fields plus the proof in `file`, with upload progress. */
export function useSubmitDevelopmentLog(onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, file }: { fields: TCreateDevelopmentLogFields; file: File }) =>
      uploadWithProgress<TDevelopmentLog>('/me/development-logs', file, {
        fields: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === undefined ? undefined : String(value)])),
        onProgress,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_LOGS_KEY }),
  });
}

export function useWithdrawDevelopmentLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TDevelopmentLog>(`/development-logs/${id}/withdraw`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_LOGS_KEY }),
  });
}
