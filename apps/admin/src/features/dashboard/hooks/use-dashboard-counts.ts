import { useQuery } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

export interface DashboardCounts {
  employees: number;
  units: number;
  positions: number;
}

/** Counts come from the list endpoints' `total` (one row per page), so no extra API is needed. */
export function useDashboardCounts() {
  const scope = useAgencyScope();
  const agencyId = scope.agencyId;
  return useQuery({
    queryKey: ['dashboard', scopeKey(scope)],
    enabled: scope.ready,
    queryFn: async ({ signal }): Promise<DashboardCounts> => {
      const [users, units, positions] = await Promise.all([
        api.get<TPage<unknown>>('/users', { agencyId, page: 1, pageSize: 1, status: 'active' }, signal),
        api.get<{ items: unknown[] }>('/units', { agencyId }, signal),
        api.get<TPage<unknown>>('/positions', { agencyId, page: 1, pageSize: 1 }, signal),
      ]);
      return { employees: users.total, units: units.items.length, positions: positions.total };
    },
  });
}
