import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { TRole } from '@asah/contracts/roles';
import { useMe } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';
import { ErrorBanner } from './ErrorBanner';
import { LoadingState } from './LoadingState';
import { NoAccessPage } from './NoAccessPage';

export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/ubah-kata-sandi';

interface RequireAuthProps {
  portalName: string;
  /** Any one of these roles opens the routes inside; omit for "any signed-in user". */
  roles?: readonly TRole[];
  /** Nested inside the app shell: the no-access notice renders as a card, not a full page. */
  embedded?: boolean;
  /** Defaults to the nested routes (<Outlet />). */
  children?: ReactNode;
}

/**
 * Route guard. Signed-out visitors go to the login page (and come back afterwards); users still on
 * a temporary password go to the change-password page; users without the role see a no-access page.
 * Guards nest, so a page can ask for more than the portal does.
 */
export function RequireAuth({ portalName, roles, embedded = false, children }: RequireAuthProps) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <LoadingState fullPage={!embedded} label={t('auth.loadingSession')} />;
  if (me.isError) return <ErrorBanner error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={LOGIN_PATH} replace state={{ from }} />;
  }
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  if (!hasAnyRole(me.data.roles, roles)) {
    return <NoAccessPage me={me.data} portalName={portalName} embedded={embedded} />;
  }
  return <>{children ?? <Outlet />}</>;
}
