import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useDocumentTitle } from '@asah/ui/document-title';
import { useCatalogueCourse } from '../features/catalogue/hooks/use-catalogue';
import { coursePath } from '../features/course/course-paths';
import { ContentActivityPage } from '../features/player/components/ContentActivityPage';
import { PlayerPage } from '../features/player/components/PlayerPage';
import '../features/player/player.css';

/**
 * `/kursus/:courseId/aktivitas/:activityId`: the full-window player of a SCORM activity, or the page,
 * file or video of the other kinds with the previous and next activity of the course.
 */
export function ActivityRoute() {
  const { t } = useTranslation();
  const { courseId = '', activityId = '' } = useParams();
  const course = useCatalogueCourse(courseId);
  const activities = course.data?.sections.flatMap((section) => section.activities) ?? [];
  const index = activities.findIndex((candidate) => candidate.id === activityId);
  const activity = index >= 0 ? activities[index] : undefined;
  useDocumentTitle(activity?.title ?? t('player.frameTitle'), t('portal.name'));
  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorBanner error={course.error} onRetry={() => void course.refetch()} />;
  if (activity && (activity.type === 'page' || activity.type === 'file' || activity.type === 'video')) {
    const neighbour = (at: number) => (at >= 0 && at < activities.length ? { id: activities[at].id, title: activities[at].title } : null);
    return (
      <ContentActivityPage
        key={activityId}
        courseId={courseId}
        activityId={activityId}
        courseTitle={course.data.title}
        previous={neighbour(index - 1)}
        next={neighbour(index + 1)}
      />
    );
  }
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
