import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPosition } from '@asah/contracts/positions';
import { EMPLOYMENT_TYPES, ROLES } from '@asah/contracts/roles';
import { USER_STATUSES } from '@asah/contracts/users';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { UnitOptions } from '../../units/components/UnitOptions';
import { flattenTree, type UnitNode } from '../../units/unit-tree';

/** The filters as they sit in the URL (see useListParams). */
export const USER_FILTER_KEYS = ['q', 'unit', 'sub', 'position', 'role', 'type', 'status'] as const;
export type UserFilterValues = Record<(typeof USER_FILTER_KEYS)[number], string>;

interface UserFiltersProps {
  values: UserFilterValues;
  onChange: (patch: Partial<UserFilterValues>) => void;
  units: readonly UnitNode[];
  positions: readonly TPosition[];
}

export function UserFilters({ values, onChange, units, positions }: UserFiltersProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const anyFilter = USER_FILTER_KEYS.some((key) => values[key] !== '');
  const activeCount = (['unit', 'position', 'role', 'type', 'status'] as const).filter((key) => values[key] !== '').length;
  return (
    <div className="toolbar filters">
      <SearchField
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        value={values.q}
        onChange={(q) => onChange({ q })}
      />
      {/* Narrow screens fold the filters away behind this button; wide screens always show them. */}
      <button
        type="button"
        className="btn btn-secondary filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {activeCount > 0 ? t('users.filtersActive', { count: activeCount }) : t('users.filters')}
      </button>
      <div id={panelId} className={open ? 'filters-panel is-open' : 'filters-panel'}>
        <SelectField label={t('users.unit')} name="unit" value={values.unit} onChange={(e) => onChange({ unit: e.target.value })}>
          <option value="">{t('users.allUnits')}</option>
          <UnitOptions nodes={flattenTree(units)} />
        </SelectField>
        <Checkbox
          label={t('users.includeSubunits')}
          checked={values.sub !== '0'}
          disabled={!values.unit}
          onChange={(e) => onChange({ sub: e.target.checked ? '' : '0' })}
        />
        <SelectField label={t('users.position')} name="position" value={values.position} onChange={(e) => onChange({ position: e.target.value })}>
          <option value="">{t('users.allPositions')}</option>
          {positions.map((position) => (
            <option key={position.id} value={position.id}>
              {position.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.roleFilter')} name="role" value={values.role} onChange={(e) => onChange({ role: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('users.employmentType')} name="type" value={values.type} onChange={(e) => onChange({ type: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {EMPLOYMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('common.status')}
          name="status"
          value={values.status || 'active'}
          onChange={(e) => onChange({ status: e.target.value === 'active' ? '' : e.target.value })}
        >
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`users.status.${status}`)}
            </option>
          ))}
        </SelectField>
        {anyFilter && (
          <button
            type="button"
            className="btn btn-ghost btn-sm filters-reset"
            onClick={() => onChange(Object.fromEntries(USER_FILTER_KEYS.map((key) => [key, ''])))}
          >
            {t('users.clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
