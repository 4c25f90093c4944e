import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ZCreateUnitRequest, ZUpdateUnitRequest, type TCreateUnitRequest, type TUnit } from '@asah/contracts/units';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useCreateUnit, useUpdateUnit } from '../hooks/use-units';
import { flattenTree, subtreeIds, type UnitNode } from '../unit-tree';
import { UnitOptions } from './UnitOptions';

type UnitFormValues = Required<Pick<TCreateUnitRequest, 'code' | 'name'>> & { parentId: string | null };
const FIELDS = ['code', 'name', 'parentId'] as const;

/** What the dialog is doing: adding a unit (under `parentId`, or at the top) or editing `unit`. */
export type UnitDialogState = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unit: TUnit } | null;

interface UnitFormDialogProps {
  state: UnitDialogState;
  tree: readonly UnitNode[];
  onClose: () => void;
}

export function UnitFormDialog({ state, tree, onClose }: UnitFormDialogProps) {
  const { t } = useTranslation();
  const title = state?.mode === 'edit' ? t('units.editTitle') : t('units.createTitle');
  return (
    <Modal open={state !== null} title={title} onClose={onClose}>
      {state && <UnitForm state={state} tree={tree} onClose={onClose} />}
    </Modal>
  );
}

function UnitForm({ state, tree, onClose }: { state: NonNullable<UnitDialogState>; tree: readonly UnitNode[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = state.mode === 'edit' ? update : create;
  const editing = state.mode === 'edit' ? state.unit : null;

  // Both schemas accept these three fields; the one matching the request validates the form.
  const resolver = (
    editing ? zodResolver(ZUpdateUnitRequest, zodMessages(t)) : zodResolver(ZCreateUnitRequest, zodMessages(t))
  ) as Resolver<UnitFormValues>;

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<UnitFormValues>({
    resolver,
    defaultValues: editing
      ? { code: editing.code, name: editing.name, parentId: editing.parentId }
      : { code: '', name: '', parentId: state.mode === 'create' ? state.parentId : null },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  // A unit cannot move under itself or its own sub-units.
  const parentChoices = useMemo(() => {
    const excluded = editing ? subtreeIds(tree, editing.id) : new Set<string>();
    return flattenTree(tree).filter((node) => !excluded.has(node.unit.id));
  }, [tree, editing]);

  const onError = serverErrors.onError;
  const onSubmit = handleSubmit((values) => {
    if (editing) update.mutate({ id: editing.id, body: values }, { onSuccess: onClose, onError });
    else create.mutate(values, { onSuccess: onClose, onError });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <TextField label={t('units.name')} required error={errors.name} {...register('name')} />
      <TextField
        label={t('units.code')}
        hint={t('units.codeHint')}
        required
        spellCheck={false}
        autoCapitalize="characters"
        error={errors.code}
        {...register('code')}
      />
      <SelectField
        label={t('units.parent')}
        error={errors.parentId}
        {...register('parentId', { setValueAs: (value: string | null) => value || null })}
      >
        <option value="">{t('units.noParent')}</option>
        <UnitOptions nodes={parentChoices} />
      </SelectField>
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
