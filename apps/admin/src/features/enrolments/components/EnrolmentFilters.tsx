import { useTranslation } from 'react-i18next';
import type { TCohort } from '@asah/contracts/cohorts';
import { ENROLMENT_STATUSES } from '@asah/contracts/enrolments';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { UnitOptions } from '../../units/components/UnitOptions';
import { flattenTree, type UnitNode } from '../../units/unit-tree';

/** The filters as they sit in the URL (see useListParams). `cohort` = `none` lists enrolments without a cohort. */
export const ENROLMENT_FILTER_KEYS = ['q', 'cohort', 'status', 'unit', 'sub'] as const;
export type EnrolmentFilterValues = Record<(typeof ENROLMENT_FILTER_KEYS)[number], string>;

interface EnrolmentFiltersProps {
  values: EnrolmentFilterValues;
  onChange: (patch: Partial<EnrolmentFilterValues>) => void;
  cohorts: readonly TCohort[];
  units: readonly UnitNode[];
}

export function EnrolmentFilters({ values, onChange, cohorts, units }: EnrolmentFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      <SearchField label={t('enrolments.search')} placeholder={t('enrolments.searchPlaceholder')} value={values.q} onChange={(q) => onChange({ q })} />
      {cohorts.length > 0 && (
        <SelectField label={t('enrolments.cohort')} name="cohort" value={values.cohort} onChange={(e) => onChange({ cohort: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
          <option value="none">{t('enrolments.withoutCohort')}</option>
        </SelectField>
      )}
      <SelectField label={t('common.status')} name="status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
        <option value="">{t('common.all')}</option>
        {ENROLMENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`enrolments.status.${status}`)}
          </option>
        ))}
      </SelectField>
      {units.length > 0 && (
        <>
          <SelectField label={t('enrolments.unit')} name="unit" value={values.unit} onChange={(e) => onChange({ unit: e.target.value })}>
            <option value="">{t('enrolments.allUnits')}</option>
            <UnitOptions nodes={flattenTree(units)} />
          </SelectField>
          <Checkbox
            label={t('enrolments.includeSubunits')}
            checked={values.sub !== '0'}
            disabled={!values.unit}
            onChange={(e) => onChange({ sub: e.target.checked ? '' : '0' })}
          />
        </>
      )}
    </div>
  );
}

/** The API query for the filters in the URL. */
export function toEnrolmentQuery(values: EnrolmentFilterValues, page: number, pageSize: number) {
  return {
    page,
    pageSize,
    q: values.q || undefined,
    cohortId: values.cohort && values.cohort !== 'none' ? values.cohort : undefined,
    withoutCohort: values.cohort === 'none' ? ('true' as const) : undefined,
    status: values.status || undefined,
    unitId: values.unit || undefined,
    includeSubunits: values.unit ? (values.sub === '0' ? ('false' as const) : ('true' as const)) : undefined,
  };
}
