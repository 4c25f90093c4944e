import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMe } from '@asah/contracts/auth';
import { useLogout } from '../auth/queries';
import { AuthLayout } from './AuthLayout';

interface NoAccessPageProps {
  me: TMe;
  portalName: string;
  /** Inside the app shell (a page needing more rights than the portal): no second logout button. */
  embedded?: boolean;
}

export function NoAccessPage({ me, portalName, embedded = false }: NoAccessPageProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const body = (
    <div className="no-access">
      <h1>{t('auth.noAccessTitle')}</h1>
      <p>{t('auth.noAccessBody', { name: me.name })}</p>
      <p className="muted">{t('auth.noAccessHint')}</p>
      {embedded ? (
        <Link to="/" className="btn btn-secondary">
          {t('notFound.home')}
        </Link>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('shell.logout')}
        </button>
      )}
    </div>
  );
  if (embedded) return <div className="card">{body}</div>;
  return <AuthLayout portalName={portalName}>{body}</AuthLayout>;
}
