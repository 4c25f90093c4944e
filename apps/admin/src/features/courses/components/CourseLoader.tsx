import type { ReactNode } from 'react';
import type { TCourseDetail } from '@asah/contracts/courses';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useCourse } from '../hooks/use-courses';
import { CourseNotFound } from './CourseNotFound';

/** Loads a course for a page, with the loading, not-found and error states every course page shares. */
export function CourseLoader({ courseId, children }: { courseId: string; children: (course: TCourseDetail) => ReactNode }) {
  const course = useCourse(courseId);
  if (course.isPending) return <LoadingState />;
  if (course.isError) {
    // A malformed id in the address is refused as VALIDATION_FAILED: to the reader it is the same "no such course".
    if (isApiError(course.error, 'NOT_FOUND') || isApiError(course.error, 'VALIDATION_FAILED')) return <CourseNotFound />;
    return <ErrorBanner error={course.error} onRetry={() => void course.refetch()} />;
  }
  return <>{children(course.data)}</>;
}
