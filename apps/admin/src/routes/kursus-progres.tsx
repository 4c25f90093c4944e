import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CoursePage } from '../features/enrolments/components/CoursePage';
import { ProgressTab } from '../features/progress/components/ProgressTab';

export function CourseProgressRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('courseTabs.progress')}>
      {(course) => <ProgressTab course={course} />}
    </CoursePage>
  );
}
