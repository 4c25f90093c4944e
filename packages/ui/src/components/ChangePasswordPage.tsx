import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TRole } from '@asah/contracts/roles';
import { useMe } from '../auth/queries';
import { hasAnyRole } from '../auth/roles';
import { AuthLayout } from './AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PageHeader } from './PageHeader';
import { SuccessBanner } from './SuccessBanner';

interface ChangePasswordPageProps {
  portalName: string;
  /** Roles that see this page inside the portal's shell; others get the bare card. */
  shellRoles?: readonly TRole[];
  renderInShell: (content: ReactNode) => ReactNode;
}

/**
 * A user on a temporary password is held here (see RequireAuth) until they choose their own;
 * everyone else reaches it from their profile or the header and stays inside the portal.
 */
export function ChangePasswordPage({ portalName, shellRoles, renderInShell }: ChangePasswordPageProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [done, setDone] = useState(false);

  // Fixed at arrival: once the change succeeds the flag clears, and switching layout mid-way would
  // unmount the form before it can move on.
  const [forced] = useState(() => Boolean(me?.mustChangePassword));
  const bare = forced || !me || !hasAnyRole(me.roles, shellRoles);

  if (bare) {
    return (
      <AuthLayout portalName={portalName}>
        <h1 className="auth-title">{t('auth.changePasswordTitle')}</h1>
        {forced && (
          <p className="banner banner-info" role="note">
            {t('auth.mustChangePassword')}
          </p>
        )}
        {done ? (
          <>
            <SuccessBanner>{t('auth.passwordChanged')}</SuccessBanner>
            <Link to="/" className="btn btn-primary btn-block">
              {t('notFound.home')}
            </Link>
          </>
        ) : (
          <ChangePasswordForm onDone={() => (forced ? navigate('/', { replace: true }) : setDone(true))} />
        )}
      </AuthLayout>
    );
  }

  return renderInShell(
    <>
      <PageHeader title={t('auth.changePasswordTitle')} />
      <div className="card card-narrow">
        {done ? (
          <SuccessBanner>{t('auth.passwordChanged')}</SuccessBanner>
        ) : (
          <ChangePasswordForm onDone={() => setDone(true)} />
        )}
      </div>
    </>,
  );
}
