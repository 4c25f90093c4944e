import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAgency,
  TAgencyListQuery,
  TCreateAgencyRequest,
  TUpdateAgencyRequest,
} from '@asah/contracts/agencies';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';

export const AGENCIES_KEY = ['agencies'] as const;

export function useAgencies(query: Partial<TAgencyListQuery>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...AGENCIES_KEY, query],
    queryFn: ({ signal }) => api.get<TPage<TAgency>>('/agencies', query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAgencyRequest) => api.post<TAgency>('/agencies', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateAgencyRequest }) =>
      api.patch<TAgency>(`/agencies/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AGENCIES_KEY }),
  });
}
