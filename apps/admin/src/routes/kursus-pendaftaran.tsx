import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CoursePage } from '../features/enrolments/components/CoursePage';
import { EnrolmentTab } from '../features/enrolments/components/EnrolmentTab';

export function CourseEnrolmentRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('courseTabs.enrolment')}>
      {(course) => <EnrolmentTab course={course} />}
    </CoursePage>
  );
}
