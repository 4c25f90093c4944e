import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCourseDetail } from '@asah/contracts/courses';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CourseHeader } from '../../courses/components/CourseHeader';
import { CourseLoader } from '../../courses/components/CourseLoader';
import { useCourse } from '../../courses/hooks/use-courses';
import { CourseTabs } from './CourseTabs';

interface CoursePageProps {
  courseId: string;
  /** The tab's name, for the document title. */
  title: string;
  actions?: (course: TCourseDetail) => ReactNode;
  children: (course: TCourseDetail) => ReactNode;
}

/** A tab of the course pages: the course header, the tabs, then the tab's content. */
export function CoursePage({ courseId, title, actions, children }: CoursePageProps) {
  const { t } = useTranslation();
  const courseTitle = useCourse(courseId).data?.title;
  useDocumentTitle(courseTitle ? `${title} · ${courseTitle}` : title, t('portal.name'));
  return (
    <CourseLoader courseId={courseId}>
      {(course) => (
        <>
          <CourseHeader course={course} back={{ to: '/kursus', label: t('courses.title') }} actions={actions?.(course)} />
          <CourseTabs courseId={course.id} />
          {children(course)}
        </>
      )}
    </CourseLoader>
  );
}
