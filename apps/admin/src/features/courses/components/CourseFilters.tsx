import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_CATEGORIES, COURSE_STATUSES, DELIVERY_MODES } from '@asah/contracts/courses';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useAgencyScope } from '../../agency-scope/hooks/agency-scope-context';

/** The filters as they sit in the URL (see useListParams). */
export const COURSE_FILTER_KEYS = ['q', 'status', 'category', 'mode', 'reach'] as const;
export type CourseFilterValues = Record<(typeof COURSE_FILTER_KEYS)[number], string>;

interface CourseFiltersProps {
  values: CourseFilterValues;
  onChange: (patch: Partial<CourseFilterValues>) => void;
}

export function CourseFilters({ values, onChange }: CourseFiltersProps) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const selectKeys = ['status', 'category', 'mode', 'reach'] as const;
  const activeCount = selectKeys.filter((key) => values[key] !== '').length;
  return (
    <div className="toolbar filters">
      <SearchField label={t('courses.search')} placeholder={t('courses.searchPlaceholder')} value={values.q} onChange={(q) => onChange({ q })} />
      {/* Narrow screens fold the filters away behind this button; wide screens always show them. */}
      <button
        type="button"
        className="btn btn-secondary filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {activeCount > 0 ? t('courses.filtersActive', { count: activeCount }) : t('courses.filters')}
      </button>
      <div id={panelId} className={open ? 'filters-panel is-open' : 'filters-panel'}>
        <SelectField label={t('common.status')} name="status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {COURSE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`courses.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('courses.category')} name="category" value={values.category} onChange={(e) => onChange({ category: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {COURSE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`courses.categories.${category}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('courses.deliveryMode')} name="mode" value={values.mode} onChange={(e) => onChange({ mode: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {DELIVERY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`courses.modes.${mode}`)}
            </option>
          ))}
        </SelectField>
        {scope.isPlatformAdmin && (
          <SelectField label={t('courses.reach')} name="reach" value={values.reach} onChange={(e) => onChange({ reach: e.target.value })}>
            <option value="">{t('courses.reachAll')}</option>
            {scope.agency && <option value="agency">{scope.agency.name}</option>}
            <option value="platform">{t('courses.platformWide')}</option>
          </SelectField>
        )}
        {activeCount + (values.q ? 1 : 0) > 0 && (
          <button
            type="button"
            className="btn btn-ghost btn-sm filters-reset"
            onClick={() => onChange(Object.fromEntries(COURSE_FILTER_KEYS.map((key) => [key, ''])))}
          >
            {t('courses.clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
