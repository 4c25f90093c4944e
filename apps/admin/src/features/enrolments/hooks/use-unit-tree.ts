import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TUnit } from '@asah/contracts/units';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { UNITS_KEY } from '../../units/hooks/use-units';
import { buildUnitTree, type UnitNode } from '../../units/unit-tree';

/**
 * The agency's unit tree for filters and bulk choices; the same cache entry as the units page.
 * Only admins read units, so instructors ask for nothing and get an empty tree.
 */
export function useUnitTree(enabled: boolean): UnitNode[] {
  const scope = useAgencyScope();
  const units = useQuery({
    queryKey: [...UNITS_KEY, scopeKey(scope)],
    queryFn: ({ signal }) => api.get<{ items: TUnit[] }>('/units', { agencyId: scope.agencyId }, signal).then((list) => list.items),
    enabled: enabled && scope.ready,
  });
  return useMemo(() => (units.data ? buildUnitTree(units.data) : []), [units.data]);
}
