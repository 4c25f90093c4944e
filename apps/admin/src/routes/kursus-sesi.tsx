import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { SessionsTab } from '../features/attendance/components/SessionsTab';
import { CoursePage } from '../features/enrolments/components/CoursePage';

export function CourseSessionsRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('courseTabs.sessions')}>
      {(course) => <SessionsTab course={course} />}
    </CoursePage>
  );
}
