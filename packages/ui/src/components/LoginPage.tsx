import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ZLoginRequest, type TLoginRequest } from '@asah/contracts/auth';
import { useLogin, useMe } from '../auth/queries';
import { takeSessionNotice } from '../auth/session-notice';
import { zodMessages } from '../form/zod-messages';
import { AuthLayout } from './AuthLayout';
import { ErrorBanner } from './ErrorBanner';
import { LoadingState } from './LoadingState';
import { CHANGE_PASSWORD_PATH } from './RequireAuth';
import { TextField } from './TextField';

/** Where RequireAuth sent the visitor from, if it is a path inside this portal. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return '/';
}

export function LoginPage({ portalName }: { portalName: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [notice] = useState(takeSessionNotice);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TLoginRequest>({
    resolver: zodResolver(ZLoginRequest, zodMessages(t)),
    defaultValues: { identifier: '', password: '' },
  });

  if (me.isPending) return <LoadingState fullPage label={t('auth.loadingSession')} />;
  // Already signed in (e.g. the back button): straight into the portal.
  if (me.data && !login.isPending && !login.isSuccess) {
    return <Navigate to={me.data.mustChangePassword ? CHANGE_PASSWORD_PATH : returnPath(location.state)} replace />;
  }

  const onSubmit = handleSubmit((values) =>
    login.mutate(values, {
      onSuccess: (user) =>
        navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : returnPath(location.state), { replace: true }),
    }),
  );

  return (
    <AuthLayout portalName={portalName}>
      <h1 className="auth-title">{t('auth.loginTitle')}</h1>
      <p className="auth-intro">{t('auth.loginIntro')}</p>
      {login.isError && <ErrorBanner error={login.error} />}
      {notice && !login.isError && (
        <p className="banner banner-info" role="status">
          {t([`errors.${notice}`, 'errors.SESSION_EXPIRED'])}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="form-stack">
        <TextField
          label={t('auth.identifier')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.identifier}
          {...register('identifier')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
          {...register('password')}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {login.isPending ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
      <p className="auth-hint">{t('auth.forgotHint')}</p>
    </AuthLayout>
  );
}
