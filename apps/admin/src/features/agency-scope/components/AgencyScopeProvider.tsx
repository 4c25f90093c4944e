import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMe } from '@asah/ui/auth/queries';
import { AGENCY_LIST_MAX } from '../../agencies/constants';
import { useAgencies } from '../../agencies/hooks/use-agencies';
import { AgencyScopeContext, type AgencyScope } from '../hooks/agency-scope-context';

const STORAGE_KEY = 'asah.admin.agencyId';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Platform admins work on one agency at a time, picked in the header and remembered across visits;
 * agency admins are always scoped to their own agency by the API, so nothing is sent for them.
 */
export function AgencyScopeProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const isPlatformAdmin = Boolean(me?.roles.includes('platform_admin'));
  const agencies = useAgencies({ page: 1, pageSize: AGENCY_LIST_MAX }, { enabled: isPlatformAdmin });
  const [selected, setSelected] = useState<string | null>(readStored);

  const selectAgency = useCallback((id: string) => {
    setSelected(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Storage disabled: the choice lasts for this visit only.
    }
  }, []);

  const items = useMemo(() => agencies.data?.items ?? [], [agencies.data]);

  // A remembered agency that no longer exists, or none yet: fall back to the first active one.
  useEffect(() => {
    if (!isPlatformAdmin || !agencies.isSuccess) return;
    if (selected && items.some((agency) => agency.id === selected)) return;
    const first = items.find((agency) => agency.active) ?? items[0];
    if (first) selectAgency(first.id);
  }, [isPlatformAdmin, agencies.isSuccess, items, selected, selectAgency]);

  const value = useMemo<AgencyScope>(() => {
    if (!isPlatformAdmin) {
      return {
        isPlatformAdmin: false,
        agencyId: undefined,
        ready: true,
        loading: false,
        agency: me?.agency ?? null,
        agencies: [],
        selectAgency: () => undefined,
      };
    }
    const agency = items.find((item) => item.id === selected) ?? null;
    return {
      isPlatformAdmin: true,
      agencyId: agency?.id,
      ready: agency !== null,
      loading: agencies.isPending,
      agency,
      agencies: items,
      selectAgency,
    };
  }, [isPlatformAdmin, me?.agency, items, selected, selectAgency, agencies.isPending]);

  return <AgencyScopeContext.Provider value={value}>{children}</AgencyScopeContext.Provider>;
}
