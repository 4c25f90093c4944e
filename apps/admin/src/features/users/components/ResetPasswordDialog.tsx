import { useTranslation } from 'react-i18next';
import type { TUser } from '@asah/contracts/users';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { useResetPassword } from '../hooks/use-users';

interface ResetPasswordDialogProps {
  user: TUser | null;
  onClose: () => void;
  onReset: (user: TUser, temporaryPassword: string) => void;
}

export function ResetPasswordDialog({ user, onClose, onReset }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  if (!user) return null;
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      title={t('users.resetPasswordTitle')}
      confirmLabel={t('users.resetPassword')}
      pending={reset.isPending}
      error={reset.error}
      onClose={close}
      onConfirm={() =>
        reset.mutate(user.id, {
          onSuccess: ({ temporaryPassword }) => {
            close();
            onReset(user, temporaryPassword);
          },
        })
      }
    >
      <p>{t('users.resetPasswordBody', { name: user.name })}</p>
    </ConfirmDialog>
  );
}
