import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CATALOGUE_FILTER_KEYS, toCatalogueQuery } from '../features/catalogue/catalogue-query';
import { CatalogueFilters } from '../features/catalogue/components/CatalogueFilters';
import { CourseCard } from '../features/catalogue/components/CourseCard';
import { useCatalogue } from '../features/catalogue/hooks/use-catalogue';
import '../features/learning/learning.css';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 12;

export function CatalogueRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalogue.title'), t('portal.name'));
  const { values, page, update } = useListParams(CATALOGUE_FILTER_KEYS);
  const catalogue = useCatalogue(toCatalogueQuery(values, page, PAGE_SIZE));
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(catalogue.data?.total, PAGE_SIZE, page, goToPage);
  const filtered = CATALOGUE_FILTER_KEYS.some((key) => key !== 'sort' && values[key] !== '');

  return (
    <>
      <PageHeader title={t('catalogue.title')} description={t('catalogue.description')} />
      <CatalogueFilters values={values} onChange={update} />
      {catalogue.isError && <ErrorBanner error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {catalogue.isPending && <LoadingState />}
      {catalogue.data && catalogue.data.total === 0 && (
        <EmptyState
          title={filtered ? t('catalogue.noMatch') : t('catalogue.emptyTitle')}
          description={<p>{filtered ? t('common.tryOtherFilters') : t('catalogue.emptyBody')}</p>}
        />
      )}
      {catalogue.data && catalogue.data.total > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {t('catalogue.count', { count: catalogue.data.total })}
          </p>
          <div className={catalogue.isPlaceholderData ? 'course-grid course-card-busy' : 'course-grid'}>
            {catalogue.data.items.map((course) => (
              <CourseCard key={course.id} course={course} />
            ))}
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={catalogue.data.total} onPageChange={goToPage} />
        </>
      )}
    </>
  );
}
