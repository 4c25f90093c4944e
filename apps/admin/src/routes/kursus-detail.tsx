import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CourseEditor } from '../features/courses/components/CourseEditor';
import { CourseLoader } from '../features/courses/components/CourseLoader';
import { useCourse } from '../features/courses/hooks/use-courses';

export function CourseEditorRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const title = useCourse(courseId).data?.title;
  useDocumentTitle(title ?? t('courses.title'), t('portal.name'));
  return <CourseLoader courseId={courseId}>{(course) => <CourseEditor course={course} />}</CourseLoader>;
}
