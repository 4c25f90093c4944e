import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { COURSE_FILTER_KEYS, CourseFilters } from '../features/courses/components/CourseFilters';
import { CoursesTable } from '../features/courses/components/CoursesTable';
import { CreateCourseDialog } from '../features/courses/components/CreateCourseDialog';
import { toCourseQuery } from '../features/courses/course-query';
import { useCourses } from '../features/courses/hooks/use-courses';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function CoursesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('courses.title'), t('portal.name'));
  const { values, page, update, params } = useListParams([...COURSE_FILTER_KEYS, 'baru'] as const);
  const courses = useCourses(toCourseQuery(values, page, PAGE_SIZE));
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(courses.data?.total, PAGE_SIZE, page, goToPage);
  const [creating, setCreating] = useState(false);

  // The dashboard's "add course" shortcut links here with ?baru=1.
  useEffect(() => {
    if (params.get('baru') === null) return;
    setCreating(true);
    update({ baru: null, page });
  }, [params, update, page]);

  const filtered = COURSE_FILTER_KEYS.some((key) => values[key] !== '');
  const create = (
    <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
      {t('courses.create')}
    </button>
  );

  return (
    <>
      <PageHeader title={t('courses.title')} description={t('courses.description')} actions={create} />
      <CourseFilters values={values} onChange={update} />
      {courses.isError && <ErrorBanner error={courses.error} onRetry={() => void courses.refetch()} />}
      {courses.isPending && <LoadingState />}
      {courses.data && courses.data.total === 0 && (
        <EmptyState
          title={filtered ? t('courses.noMatch') : t('courses.emptyTitle')}
          description={<p>{filtered ? t('common.tryOtherFilters') : t('courses.emptyBody')}</p>}
          action={filtered ? undefined : create}
        />
      )}
      {courses.data && courses.data.total > 0 && (
        <>
          <CoursesTable rows={courses.data.items} busy={courses.isPlaceholderData} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={courses.data.total} onPageChange={goToPage} />
        </>
      )}
      <CreateCourseDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
