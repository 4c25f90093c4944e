import { useTranslation } from 'react-i18next';
import type { TPosition } from '@asah/contracts/positions';
import { POSITION_TYPES } from '@asah/contracts/positions';
import { EMPLOYMENT_TYPES } from '@asah/contracts/roles';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SelectField } from '@asah/ui/components/SelectField';
import type { FieldError } from 'react-hook-form';
import { UnitOptions } from '../../units/components/UnitOptions';
import { flattenTree, type UnitNode } from '../../units/unit-tree';

/** A selection by organisation as the inputs hold it ('' = any). */
export interface CriteriaValues {
  unitId: string;
  includeSubunits: boolean;
  positionId: string;
  positionType: string;
  employmentType: string;
}

export const EMPTY_CRITERIA: CriteriaValues = { unitId: '', includeSubunits: true, positionId: '', positionType: '', employmentType: '' };

/** The API's criteria (ZEnrolmentCriteria) for the inputs. */
export function toCriteria(values: CriteriaValues) {
  return {
    unitId: values.unitId || null,
    includeSubunits: values.includeSubunits,
    positionId: values.positionId || null,
    positionType: (values.positionType || null) as never,
    employmentType: (values.employmentType || null) as never,
  };
}

interface CriteriaFieldsProps {
  values: CriteriaValues;
  onChange: (values: CriteriaValues) => void;
  units: readonly UnitNode[];
  positions: readonly TPosition[];
  /** Shown under the unit, the first of the criteria ("choose at least one"). */
  error?: FieldError;
}

/** Unit (with or without sub-units), position, position type, employment type: everyone matching all of them. */
export function CriteriaFields({ values, onChange, units, positions, error }: CriteriaFieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<CriteriaValues>) => onChange({ ...values, ...patch });
  return (
    <div className="form-grid">
      <SelectField label={t('bulk.unit')} name="unitId" value={values.unitId} onChange={(e) => set({ unitId: e.target.value })} error={error}>
        <option value="">{t('bulk.anyUnit')}</option>
        <UnitOptions nodes={flattenTree(units)} />
      </SelectField>
      <div className="field">
        <Checkbox
          label={t('bulk.includeSubunits')}
          checked={values.includeSubunits}
          disabled={!values.unitId}
          onChange={(e) => set({ includeSubunits: e.target.checked })}
        />
      </div>
      <SelectField label={t('bulk.position')} name="positionId" value={values.positionId} onChange={(e) => set({ positionId: e.target.value })}>
        <option value="">{t('bulk.anyPosition')}</option>
        {positions.map((position) => (
          <option key={position.id} value={position.id}>
            {position.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('bulk.positionType')} name="positionType" value={values.positionType} onChange={(e) => set({ positionType: e.target.value })}>
        <option value="">{t('bulk.anyPositionType')}</option>
        {POSITION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`positionTypes.${type}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('bulk.employmentType')} name="employmentType" value={values.employmentType} onChange={(e) => set({ employmentType: e.target.value })}>
        <option value="">{t('bulk.anyEmploymentType')}</option>
        {EMPLOYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`employmentTypes.${type}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
