import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TPosition } from '@asah/contracts/positions';
import { EMPLOYMENT_TYPES, ROLES, type TEmploymentType, type TRole } from '@asah/contracts/roles';
import {
  ZCreateUserRequest,
  ZUpdateUserRequest,
  type TCreateUserRequest,
  type TUser,
  type TUserWithPassword,
} from '@asah/contracts/users';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { CheckboxGroup } from '@asah/ui/components/CheckboxGroup';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { Modal } from '@asah/ui/components/Modal';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { useServerErrors } from '@asah/ui/form/server-errors';
import { zodMessages } from '@asah/ui/form/zod-messages';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';
import { UnitOptions } from '../../units/components/UnitOptions';
import { flattenTree, type UnitNode } from '../../units/unit-tree';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';

/** The create request as the form holds it: every field present, empty choices as null. */
type UserFormValues = Required<Pick<TCreateUserRequest, 'name' | 'email'>> & {
  nip: string | null;
  employmentType: TEmploymentType | null;
  unitId: string | null;
  positionId: string | null;
  roles: TRole[];
};
const FIELDS = ['nip', 'name', 'email', 'employmentType', 'unitId', 'positionId', 'roles'] as const;

const emptyToNull = (value: string | null) => (value === '' ? null : value);

/** `null` closed; `{}` adding; `{ user }` editing. */
export type UserDialogState = { user?: TUser } | null;

interface UserFormDialogProps {
  state: UserDialogState;
  units: readonly UnitNode[];
  positions: readonly TPosition[];
  onClose: () => void;
  onCreated: (result: TUserWithPassword) => void;
}

export function UserFormDialog({ state, units, positions, onClose, onCreated }: UserFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal open={state !== null} title={state?.user ? t('users.editTitle') : t('users.createTitle')} onClose={onClose} size="lg">
      {state && <UserForm user={state.user} units={units} positions={positions} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function UserForm({ user, units, positions, onClose, onCreated }: Omit<UserFormDialogProps, 'state'> & { user?: TUser }) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;

  // Creating validates against ZCreateUserRequest (learners need a NIP and a type), editing against
  // ZUpdateUserRequest; the form holds the same fields for both.
  const resolver = (
    user ? zodResolver(ZUpdateUserRequest, zodMessages(t)) : zodResolver(ZCreateUserRequest, zodMessages(t))
  ) as Resolver<UserFormValues>;

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<UserFormValues>({
    resolver,
    defaultValues: user
      ? {
          nip: user.nip,
          name: user.name,
          email: user.email,
          employmentType: user.employmentType,
          unitId: user.unit?.id ?? null,
          positionId: user.position?.id ?? null,
          roles: user.roles,
        }
      : { nip: null, name: '', email: '', employmentType: null, unitId: null, positionId: null, roles: ['learner'] },
  });
  const serverErrors = useServerErrors(setError, FIELDS);

  // Only platform admins may grant the platform role.
  const assignableRoles = ROLES.filter((role) => role !== 'platform_admin' || scope.isPlatformAdmin);
  const onError = serverErrors.onError;
  const onSubmit = handleSubmit((values) => {
    if (user) update.mutate({ id: user.id, body: values }, { onSuccess: onClose, onError });
    else
      create.mutate(values, {
        onSuccess: (result) => {
          onClose();
          onCreated(result);
        },
        onError,
      });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {serverErrors.bannerError ? <ErrorBanner error={serverErrors.bannerError} /> : null}
      <div className="form-grid">
        <TextField label={t('users.fullName')} required autoComplete="off" error={errors.name} {...register('name')} className="span-2" />
        <TextField
          label={t('users.nip')}
          hint={t('users.nipHint')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={errors.nip}
          {...register('nip', { setValueAs: (value: string | null) => (value?.trim() ? value : null) })}
        />
        <TextField
          label={t('users.email')}
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.email}
          {...register('email')}
        />
        <SelectField label={t('users.employmentType')} error={errors.employmentType} {...register('employmentType', { setValueAs: emptyToNull })}>
          <option value="">{t('common.choose')}</option>
          {EMPLOYMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`employmentTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.unit')} error={errors.unitId} {...register('unitId', { setValueAs: emptyToNull })}>
          <option value="">{t('users.noUnit')}</option>
          <UnitOptions nodes={flattenTree(units)} />
        </SelectField>
        <SelectField label={t('users.position')} error={errors.positionId} {...register('positionId', { setValueAs: emptyToNull })} className="span-2">
          <option value="">{t('users.noPosition')}</option>
          {positions.map((position) => (
            <option key={position.id} value={position.id}>
              {position.name}
            </option>
          ))}
        </SelectField>
        <div className="span-2">
          <CheckboxGroup legend={t('users.roles')} name="roles" error={errors.roles} hint={t('users.rolesHint')}>
            {assignableRoles.map((role) => (
              <Checkbox key={role} label={t(`roles.${role}`)} value={role} {...register('roles')} />
            ))}
          </CheckboxGroup>
        </div>
      </div>
      {!user && <p className="muted">{t('users.temporaryPasswordNote')}</p>}
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
