import { useTranslation } from 'react-i18next';
import type { TUnit } from '@asah/contracts/units';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { useDeleteUnit } from '../hooks/use-units';

/** The API refuses (UNIT_NOT_EMPTY) while sub-units or employees remain; the dialog shows why. */
export function DeleteUnitDialog({ unit, onClose }: { unit: TUnit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteUnit();
  if (!unit) return null;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      danger
      title={t('units.deleteTitle')}
      confirmLabel={t('common.delete')}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() => remove.mutate(unit.id, { onSuccess: close })}
    >
      <p>{t('units.deleteBody', { name: unit.name })}</p>
    </ConfirmDialog>
  );
}
