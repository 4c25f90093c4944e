import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';

/**
 * Another agency's course, a course one does not teach, or no course at all: the API says 404 to
 * all three. An activity that is not (or no longer) in the course links back to the course.
 */
export function CourseNotFound({ courseId }: { courseId?: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      title={courseId ? t('activities.notFoundTitle') : t('courses.notFoundTitle')}
      description={<p>{courseId ? t('activities.notFoundBody') : t('courses.notFoundBody')}</p>}
      action={
        <Link to={courseId ? `/kursus/${courseId}` : '/kursus'} className="btn btn-primary">
          {courseId ? t('activities.backToCourse') : t('courses.backToList')}
        </Link>
      }
    />
  );
}
