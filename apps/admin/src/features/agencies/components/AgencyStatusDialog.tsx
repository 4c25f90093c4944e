import { useTranslation } from 'react-i18next';
import type { TAgency } from '@asah/contracts/agencies';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { useUpdateAgency } from '../hooks/use-agencies';

/** Deactivating an agency locks out all its users, so it is confirmed; reactivating is too, for symmetry. */
export function AgencyStatusDialog({ agency, onClose }: { agency: TAgency | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgency();
  if (!agency) return null;
  const activate = !agency.active;
  return (
    <ConfirmDialog
      open
      title={activate ? t('agencies.activateTitle') : t('agencies.deactivateTitle')}
      confirmLabel={activate ? t('agencies.activate') : t('agencies.deactivate')}
      danger={!activate}
      pending={update.isPending}
      error={update.error}
      onClose={onClose}
      onConfirm={() => update.mutate({ id: agency.id, body: { active: activate } }, { onSuccess: onClose })}
    >
      <p>
        {activate
          ? t('agencies.activateBody', { name: agency.name })
          : t('agencies.deactivateBody', { name: agency.name })}
      </p>
    </ConfirmDialog>
  );
}
