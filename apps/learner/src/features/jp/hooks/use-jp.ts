import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TJpSummary } from '@asah/contracts/jp-ledger';
import { api } from '@asah/ui/api-client';

export const JP_KEY = ['me', 'jp'] as const;

/** The learner's JP year (`GET /api/me/jp`); the current Asia/Jakarta year when `year` is omitted. */
export function useMyJp(year?: number) {
  return useQuery({
    queryKey: [...JP_KEY, year ?? 'current'],
    queryFn: ({ signal }) => api.get<TJpSummary>('/me/jp', { year }, signal),
    placeholderData: keepPreviousData,
  });
}
