import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  FUNCTIONAL_LEVELS,
  POSITION_TYPES,
  ZCreatePositionRequest,
  ZUpdatePositionRequest,
  type TCreatePositionRequest,
  type TFunctionalLevel,
  type TPosition,
} from '@asah/contracts/positions';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useCreatePosition, useUpdatePosition } from '../hooks/use-positions';

type PositionFormValues = Pick<TCreatePositionRequest, 'code' | 'name' | 'type'> & {
  functionalLevel: TFunctionalLevel | null;
};
const FIELDS = ['code', 'name', 'type', 'functionalLevel'] as const;

/** `null` closed; `{}` adding; `{ position }` editing. */
export type PositionDialogState = { position?: TPosition } | null;

export function PositionFormDialog({ state, onClose }: { state: PositionDialogState; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.position ? t('positions.editTitle') : t('positions.createTitle')} onClose={onClose}>
      {state && <PositionForm position={state.position} onClose={onClose} />}
    </Modal>
  );
}

function PositionForm({ position, onClose }: { position?: TPosition; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePosition();
  const update = useUpdatePosition();
  const mutation = position ? update : create;

  // Both schemas share the fields and the level rule; the one matching the request validates.
  const resolver = (
    position ? zodResolver(ZUpdatePositionRequest, zodMessages(t)) : zodResolver(ZCreatePositionRequest, zodMessages(t))
  ) as Resolver<PositionFormValues>;

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors },
  } = useForm<PositionFormValues>({
    resolver,
    defaultValues: position
      ? { code: position.code, name: position.name, type: position.type, functionalLevel: position.functionalLevel }
      : { code: '', name: '', functionalLevel: null },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  const type = watch('type');
  const functional = type === 'fungsional';
  // Only functional positions carry a level; drop it when the type changes away.
  useEffect(() => {
    if (!functional) setValue('functionalLevel', null);
  }, [functional, setValue]);

  const onError = serverErrors.onError;
  const onSubmit = handleSubmit((values) => {
    if (position) update.mutate({ id: position.id, body: values }, { onSuccess: onClose, onError });
    else create.mutate(values, { onSuccess: onClose, onError });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('positions.name')} required error={errors.name} {...register('name')} />
      <TextField
        label={t('positions.code')}
        hint={t('positions.codeHint')}
        required
        spellCheck={false}
        autoCapitalize="characters"
        error={errors.code}
        {...register('code')}
      />
      <SelectField label={t('positions.type')} required error={errors.type} {...register('type', { setValueAs: (v: string) => v || undefined })}>
        <option value="">{t('common.choose')}</option>
        {POSITION_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(`positionTypes.${value}`)}
          </option>
        ))}
      </SelectField>
      {functional && (
        <SelectField
          label={t('positions.functionalLevel')}
          required
          error={errors.functionalLevel}
          {...register('functionalLevel', { setValueAs: (v: string | null) => v || null })}
        >
          <option value="">{t('common.choose')}</option>
          {FUNCTIONAL_LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`functionalLevels.${value}`)}
            </option>
          ))}
        </SelectField>
      )}
      <div className="form-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
