import { createContext, useContext } from 'react';
import type { TAgency } from '@asah/contracts/agencies';

export interface AgencyScope {
  isPlatformAdmin: boolean;
  /** What to send as `agencyId`: the picked agency for platform admins, never anything for agency admins. */
  agencyId: string | undefined;
  /** False while a platform admin has not picked an agency yet: agency pages must wait. */
  ready: boolean;
  /** The platform admin's agency list is still on its way. */
  loading: boolean;
  /** The agency being managed, when known (platform admins: picked; agency admins: their own). */
  agency: Pick<TAgency, 'id' | 'code' | 'name'> | null;
  agencies: readonly TAgency[];
  selectAgency: (id: string) => void;
}

export const AgencyScopeContext = createContext<AgencyScope | null>(null);

export function useAgencyScope(): AgencyScope {
  const scope = useContext(AgencyScopeContext);
  if (!scope) throw new Error('useAgencyScope needs <AgencyScopeProvider>');
  return scope;
}

/** Query-key part that keeps one agency's cached lists apart from another's. */
export function scopeKey(scope: AgencyScope): string {
  return scope.agencyId ?? 'own';
}
