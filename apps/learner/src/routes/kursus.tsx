import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@asah/ui/api-client';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useDocumentTitle } from '@asah/ui/document-title';
import { useCatalogueCourse } from '../features/catalogue/hooks/use-catalogue';
import { CoursePage } from '../features/course/components/CoursePage';
import '../features/learning/learning.css';

export function CourseRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useCatalogueCourse(courseId);
  useDocumentTitle(course.data?.title ?? t('course.title'), t('portal.name'));
  if (course.isPending) return <LoadingState />;
  if (course.isError) {
    // Unknown, unpublished or another agency's course: the API answers 404 (or 400 for a malformed id).
    if (isApiError(course.error, 'NOT_FOUND') || isApiError(course.error, 'VALIDATION_FAILED')) {
      return <EmptyState headingLevel="h1" title={t('course.notFoundTitle')} description={<p>{t('course.notFoundBody')}</p>} />;
    }
    return <ErrorBanner error={course.error} onRetry={() => void course.refetch()} />;
  }
  return <CoursePage course={course.data} />;
}
