import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, ZChangePasswordRequest } from '@asah/contracts/auth';
import { useChangePassword } from '../auth/queries';
import { useServerErrors } from '../form/server-errors';
import { zodMessages } from '../form/zod-messages';
import { ErrorBanner } from './ErrorBanner';
import { TextField } from './TextField';

/** The API's schema plus a typed-twice check that only the form needs. */
const ZChangePasswordForm = ZChangePasswordRequest.safeExtend({ confirmPassword: z.string() }).refine(
  (v) => v.newPassword === v.confirmPassword,
  { path: ['confirmPassword'], params: { i18n: 'validation.passwordsMismatch' } },
);
type TChangePasswordForm = z.infer<typeof ZChangePasswordForm>;

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TChangePasswordForm>({
    resolver: zodResolver(ZChangePasswordForm, zodMessages(t)),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const onSubmit = handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: onDone,
        onError: serverErrors.onError,
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      <p className="muted">{t('auth.changePasswordIntro', { min: PASSWORD_MIN_LENGTH })}</p>
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField
        label={t('auth.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
        {...register('currentPassword')}
      />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        error={errors.newPassword}
        {...register('newPassword')}
      />
      <TextField
        label={t('auth.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
        {...register('confirmPassword')}
      />
      <button type="submit" className="btn btn-primary" disabled={change.isPending}>
        {change.isPending ? t('common.saving') : t('auth.changePasswordSubmit')}
      </button>
    </form>
  );
}
