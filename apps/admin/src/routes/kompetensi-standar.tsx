import { useTranslation } from 'react-i18next';
import { POSITION_TYPES, ZPositionType } from '@asah/contracts/positions';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { SearchField } from '@asah/ui/components/SearchField';
import { SelectField } from '@asah/ui/components/SelectField';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { StandardsGrid } from '../features/competency/components/StandardsGrid';
import { useStandards } from '../features/competency/hooks/use-standards';
import { useListParams } from '@asah/ui/use-list-params';
import '../features/competency/competency.css';

export function StandardsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.standards.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.standards.title')} description={t('competency.standards.description')} />
      <AgencyRequired>
        <StandardsPage />
      </AgencyRequired>
    </>
  );
}

function StandardsPage() {
  const { t } = useTranslation();
  const { values, update } = useListParams(['q', 'type'] as const);
  const type = ZPositionType.safeParse(values.type).data;
  const standards = useStandards({ q: values.q || undefined, type });
  return (
    <div className="stack">
      <div className="toolbar">
        <SearchField label={t('competency.standards.search')} value={values.q} onChange={(q) => update({ q })} />
        <SelectField label={t('competency.standards.type')} name="type" value={type ?? ''} onChange={(event) => update({ type: event.target.value })}>
          <option value="">{t('common.all')}</option>
          {POSITION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`positionTypes.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted">{t('competency.standards.defaultsNote')}</p>
      {standards.isPending && <LoadingState />}
      {standards.isError && <ErrorBanner error={standards.error} onRetry={() => void standards.refetch()} />}
      {standards.data && standards.data.rows.length === 0 && <EmptyState title={t('competency.standards.empty')} />}
      {standards.data && standards.data.rows.length > 0 && <StandardsGrid grid={standards.data} />}
    </div>
  );
}
