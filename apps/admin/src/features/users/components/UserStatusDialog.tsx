import { useTranslation } from 'react-i18next';
import type { TUser } from '@asah/contracts/users';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { useUpdateUser } from '../hooks/use-users';

/** Deactivating signs the employee out and keeps their history; activating gives access back. */
export function UserStatusDialog({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  if (!user) return null;
  const activate = !user.active;
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      danger={!activate}
      title={activate ? t('users.activateTitle') : t('users.deactivateTitle')}
      confirmLabel={activate ? t('users.activate') : t('users.deactivate')}
      pending={update.isPending}
      error={update.error}
      onClose={close}
      onConfirm={() => update.mutate({ id: user.id, body: { active: activate } }, { onSuccess: close })}
    >
      <p>{activate ? t('users.activateBody', { name: user.name }) : t('users.deactivateBody', { name: user.name })}</p>
    </ConfirmDialog>
  );
}
