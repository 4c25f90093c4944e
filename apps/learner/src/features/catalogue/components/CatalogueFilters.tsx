import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCompetencyProfile } from '@asah/contracts/competency';
import { COURSE_CATEGORIES, DELIVERY_MODES } from '@asah/contracts/courses';
import { api } from '@asah/ui/api-client';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { CATALOGUE_FILTER_KEYS, JP_BANDS, type CatalogueFilterValues } from '../catalogue-query';

interface CatalogueFiltersProps {
  values: CatalogueFilterValues;
  onChange: (patch: Partial<CatalogueFilterValues>) => void;
}

export function CatalogueFilters({ values, onChange }: CatalogueFiltersProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const panelKeys = ['category', 'mode', 'competency', 'jp', 'scope', 'upcoming'] as const;
  const activeCount = panelKeys.filter((key) => values[key] !== '').length;
  return (
    <div className="toolbar filters">
      <SearchField label={t('catalogue.search')} placeholder={t('catalogue.searchPlaceholder')} value={values.q} onChange={(q) => onChange({ q })} />
      {/* Narrow screens fold the filters away behind this button; wide screens always show them. */}
      <button
        type="button"
        className="btn btn-secondary filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {activeCount > 0 ? t('catalogue.filtersActive', { count: activeCount }) : t('catalogue.filters')}
      </button>
      <div id={panelId} className={open ? 'filters-panel is-open' : 'filters-panel'}>
        <SelectField label={t('catalogue.category')} name="category" value={values.category} onChange={(e) => onChange({ category: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {COURSE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`catalogue.categories.${category}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.deliveryMode')} name="mode" value={values.mode} onChange={(e) => onChange({ mode: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {DELIVERY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`catalogue.modes.${mode}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.jp')} name="jp" value={values.jp} onChange={(e) => onChange({ jp: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {Object.keys(JP_BANDS).map((band) => (
            <option key={band} value={band}>
              {t(`catalogue.jpBands.${band}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('catalogue.scope')} name="scope" value={values.scope} onChange={(e) => onChange({ scope: e.target.value })}>
          <option value="">{t('common.all')}</option>
          <option value="agency">{t('catalogue.scopeAgency')}</option>
          <option value="platform">{t('catalogue.scopePlatform')}</option>
        </SelectField>
        <CompetencyFilter value={values.competency} onChange={(competency) => onChange({ competency })} />
        <Checkbox
          label={t('catalogue.upcomingOnly')}
          name="upcoming"
          checked={values.upcoming === '1'}
          onChange={(e) => onChange({ upcoming: e.target.checked ? '1' : '' })}
        />
        <SelectField label={t('catalogue.sort')} name="sort" value={values.sort} onChange={(e) => onChange({ sort: e.target.value })}>
          <option value="">{t('catalogue.sorts.title')}</option>
          <option value="newest">{t('catalogue.sorts.newest')}</option>
          <option value="jp">{t('catalogue.sorts.jp')}</option>
          <option value="startsOn">{t('catalogue.sorts.startsOn')}</option>
        </SelectField>
        {activeCount + (values.q ? 1 : 0) > 0 && (
          <button
            type="button"
            className="btn btn-ghost btn-sm filters-reset"
            onClick={() => onChange(Object.fromEntries(CATALOGUE_FILTER_KEYS.map((key) => [key, ''])))}
          >
            {t('catalogue.clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Competency: the competencies of the learner's own profile (those their position requires, and any
 * assessed) as choices; a code typed by hand (e.g. M.01) when the profile has none to offer.
 */
function CompetencyFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: ['me', 'competency-profile', 'catalogue-filter'],
    queryFn: ({ signal }) => api.get<TCompetencyProfile>('/me/competency-profile', undefined, signal),
    retry: false,
    staleTime: 5 * 60_000,
  });
  const choices = profile.data?.items.map((item) => item.competency) ?? [];
  if (choices.length === 0 || (value && !choices.some((c) => c.code.toUpperCase() === value.toUpperCase()))) {
    return <SearchField label={t('catalogue.competency')} placeholder={t('catalogue.competencyPlaceholder')} value={value} onChange={onChange} />;
  }
  return (
    <SelectField label={t('catalogue.competency')} name="competency" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.all')}</option>
      {choices.map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} · {c.name}
        </option>
      ))}
    </SelectField>
  );
}
