import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '@asah/contracts/roles';
import { RequireAuth } from '@asah/ui/components/RequireAuth';

interface RequireRoleRouteProps {
  /** Omit for "any signed-in user" (the change-password page). */
  roles?: readonly TRole[];
  /** A page inside the shell asking for more than the portal does. */
  embedded?: boolean;
  children?: ReactNode;
}

export function RequireRoleRoute({ roles, embedded, children }: RequireRoleRouteProps) {
  const { t } = useTranslation();
  return (
    <RequireAuth portalName={t('portal.name')} roles={roles} embedded={embedded}>
      {children}
    </RequireAuth>
  );
}
