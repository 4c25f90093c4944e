import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZUpdateAgencyRequest, type TAgency, type TUpdateAgencyRequest } from '@asah/contracts/agencies';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useUpdateAgency } from '../hooks/use-agencies';

const FIELDS = ['name'] as const;

export function EditAgencyDialog({ agency, onClose }: { agency: TAgency | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={agency !== null} title={t('agencies.editTitle')} onClose={onClose}>
      {agency && <EditAgencyForm agency={agency} onClose={onClose} />}
    </Modal>
  );
}

function EditAgencyForm({ agency, onClose }: { agency: TAgency; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgency();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TUpdateAgencyRequest>({
    resolver: zodResolver(ZUpdateAgencyRequest, zodMessages(t)),
    defaultValues: { name: agency.name },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const onSubmit = handleSubmit((body) =>
    update.mutate(
      { id: agency.id, body },
      { onSuccess: onClose, onError: serverErrors.onError },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('agencies.code')} name="code" value={agency.code} disabled readOnly hint={t('agencies.codeFixed')} />
      <TextField label={t('agencies.name')} required error={errors.name} {...register('name')} />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
