import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_TYPES } from '@asah/contracts/roles';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { TextField } from '@asah/ui/components/TextField';
import { UnitOptions } from '../../units/components/UnitOptions';
import { flattenTree, type UnitNode } from '../../units/unit-tree';

export const JP_FILTER_KEYS = ['tahun', 'q', 'unit', 'sub', 'type', 'status'] as const;
export type JpFilterValues = Record<(typeof JP_FILTER_KEYS)[number], string>;

/** `status` '' means the API's default (below target). */
export function toJpQuery(values: JpFilterValues, page: number, pageSize: number, currentYear: number) {
  return {
    page,
    pageSize,
    year: Number(values.tahun) || currentYear,
    q: values.q || undefined,
    unitId: values.unit || undefined,
    includeSubunits: values.unit ? values.sub !== '0' : undefined,
    employmentType: (values.type || undefined) as never,
    status: (values.status || 'below') as 'below' | 'met' | 'no_target' | 'all',
  };
}

interface JpReportFiltersProps {
  values: JpFilterValues;
  onChange: (patch: Partial<JpFilterValues>) => void;
  units: readonly UnitNode[];
  currentYear: number;
}

export function JpReportFilters({ values, onChange, units, currentYear }: JpReportFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      <TextField
        label={t('jpReport.year')}
        name="tahun"
        type="number"
        min={2000}
        max={2100}
        inputMode="numeric"
        value={values.tahun || String(currentYear)}
        onChange={(e) => onChange({ tahun: e.target.value === String(currentYear) ? '' : e.target.value })}
      />
      <SearchField label={t('jpReport.search')} placeholder={t('jpReport.searchPlaceholder')} value={values.q} onChange={(q) => onChange({ q })} />
      <SelectField label={t('jpReport.status')} name="status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
        <option value="">{t('jpReport.statuses.below')}</option>
        <option value="met">{t('jpReport.statuses.met')}</option>
        <option value="no_target">{t('jpReport.statuses.no_target')}</option>
        <option value="all">{t('common.all')}</option>
      </SelectField>
      <SelectField label={t('jpReport.unit')} name="unit" value={values.unit} onChange={(e) => onChange({ unit: e.target.value })}>
        <option value="">{t('enrolments.allUnits')}</option>
        <UnitOptions nodes={flattenTree(units)} />
      </SelectField>
      <Checkbox label={t('enrolments.includeSubunits')} checked={values.sub !== '0'} disabled={!values.unit} onChange={(e) => onChange({ sub: e.target.checked ? '' : '0' })} />
      <SelectField label={t('jpReport.employmentType')} name="type" value={values.type} onChange={(e) => onChange({ type: e.target.value })}>
        <option value="">{t('common.all')}</option>
        {EMPLOYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`employmentTypes.${type}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
