import { useTranslation } from 'react-i18next';
import type { TPosition } from '@asah/contracts/positions';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { useDeletePosition } from '../hooks/use-positions';

/** The API refuses (POSITION_IN_USE) while employees hold the position; the dialog shows why. */
export function DeletePositionDialog({ position, onClose }: { position: TPosition | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeletePosition();
  if (!position) return null;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      danger
      title={t('positions.deleteTitle')}
      confirmLabel={t('common.delete')}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() => remove.mutate(position.id, { onSuccess: close })}
    >
      <p>{t('positions.deleteBody', { name: position.name })}</p>
    </ConfirmDialog>
  );
}
