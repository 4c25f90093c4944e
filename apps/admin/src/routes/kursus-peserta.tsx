import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CoursePage } from '../features/enrolments/components/CoursePage';
import { ParticipantsTab } from '../features/enrolments/components/ParticipantsTab';

export function CourseParticipantsRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('courseTabs.participants')}>
      {(course) => <ParticipantsTab course={course} />}
    </CoursePage>
  );
}
