import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZCreateAgencyRequest, type TCreateAgencyRequest } from '@asah/contracts/agencies';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useCreateAgency } from '../hooks/use-agencies';

const FIELDS = ['code', 'name'] as const;

export function CreateAgencyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('agencies.createTitle')} onClose={onClose}>
      <CreateAgencyForm onClose={onClose} />
    </Modal>
  );
}

function CreateAgencyForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TCreateAgencyRequest>({
    resolver: zodResolver(ZCreateAgencyRequest, zodMessages(t)),
    defaultValues: { code: '', name: '' },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const onSubmit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: onClose,
      onError: serverErrors.onError,
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('agencies.name')} hint={t('agencies.nameHint')} required error={errors.name} {...register('name')} />
      <TextField
        label={t('agencies.code')}
        hint={t('agencies.codeHint')}
        required
        autoCapitalize="characters"
        spellCheck={false}
        error={errors.code}
        {...register('code')}
      />
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
