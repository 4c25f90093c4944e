import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CohortsTab } from '../features/cohorts/components/CohortsTab';
import { CoursePage } from '../features/enrolments/components/CoursePage';

export function CourseCohortsRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('courseTabs.cohorts')}>
      {(course) => <CohortsTab course={course} />}
    </CoursePage>
  );
}
