import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CoursePreview } from '../features/course-preview/components/CoursePreview';
import { CourseNotFound } from '../features/courses/components/CourseNotFound';
import { useCourseOutline } from '../features/courses/hooks/use-courses';

export function CoursePreviewRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const outline = useCourseOutline(courseId);
  useDocumentTitle(t('preview.title'), t('portal.name'));
  if (outline.isPending) return <LoadingState />;
  if (isApiError(outline.error, 'NOT_FOUND') || isApiError(outline.error, 'VALIDATION_FAILED')) return <CourseNotFound />;
  if (outline.isError) return <ErrorBanner error={outline.error} onRetry={() => void outline.refetch()} />;
  return <CoursePreview courseId={courseId} outline={outline.data} />;
}
