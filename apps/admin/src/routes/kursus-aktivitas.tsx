import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '@asah/ui/document-title';
import { ActivityEditor } from '../features/activities/components/ActivityEditor';
import { CourseLoader } from '../features/courses/components/CourseLoader';
import { CourseNotFound } from '../features/courses/components/CourseNotFound';
import { useCourse } from '../features/courses/hooks/use-courses';

export function ActivityEditorRoute() {
  const { t } = useTranslation();
  const { courseId = '', activityId = '' } = useParams();
  const course = useCourse(courseId).data;
  const title = course?.sections.flatMap((s) => s.activities).find((a) => a.id === activityId)?.title;
  useDocumentTitle(title ?? t('courses.title'), t('portal.name'));
  return (
    <CourseLoader courseId={courseId}>
      {(loaded) => {
        const activity = loaded.sections.flatMap((s) => s.activities).find((a) => a.id === activityId);
        return activity ? <ActivityEditor course={loaded} activity={activity} /> : <CourseNotFound courseId={loaded.id} />;
      }}
    </CourseLoader>
  );
}
