import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TPage } from '@asah/contracts/common';
import type { TUser } from '@asah/contracts/users';
import { api } from '@asah/ui/api-client';
import { scopeKey, useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

/** A few employees matching a name or NIP, for pickers; nothing is asked before two characters. */
export function useEmployeeSearch(q: string) {
  const scope = useAgencyScope();
  const term = q.trim();
  return useQuery({
    queryKey: ['users', scopeKey(scope), 'picker', term],
    queryFn: ({ signal }) =>
      api.get<TPage<TUser>>('/users', { q: term, pageSize: 8, role: 'learner', agencyId: scope.agencyId }, signal),
    enabled: scope.ready && term.length >= 2,
    placeholderData: keepPreviousData,
  });
}
