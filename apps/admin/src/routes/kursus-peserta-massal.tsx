import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BulkEnrolForm } from '../features/enrolments/components/BulkEnrolForm';
import { CoursePage } from '../features/enrolments/components/CoursePage';

export function BulkEnrolRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  return (
    <CoursePage courseId={courseId} title={t('bulk.title')}>
      {(course) => <BulkEnrolForm course={course} />}
    </CoursePage>
  );
}
