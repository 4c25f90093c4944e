import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useDocumentTitle } from '@asah/ui/document-title';
import { useCatalogueCourse } from '../features/catalogue/hooks/use-catalogue';
import { coursePath } from '../features/course/course-paths';
import { PlayerPage } from '../features/player/components/PlayerPage';
import '../features/player/player.css';

/** `/kursus/:courseId/aktivitas/:activityId`: the full-window player of a SCORM activity. */
export function ActivityRoute() {
  const { t } = useTranslation();
  const { courseId = '', activityId = '' } = useParams();
  const course = useCatalogueCourse(courseId);
  const activity = course.data?.sections.flatMap((section) => section.activities).find((candidate) => candidate.id === activityId);
  useDocumentTitle(activity?.title ?? t('player.frameTitle'), t('portal.name'));
  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorBanner error={course.error} onRetry={() => void course.refetch()} />;
  if (!activity || activity.type !== 'scorm') {
    return (
      <EmptyState
        headingLevel="h1"
        title={activity ? activity.title : t('player.notFound')}
        description={
          <p>
            {activity ? t('player.notScorm') : t('player.notFound')} <Link to={coursePath(courseId)}>{t('player.backToCourse')}</Link>
          </p>
        }
      />
    );
  }
  return <PlayerPage courseId={courseId} activityId={activityId} courseTitle={course.data.title} />;
}
