import { ZCourseCategory, ZCourseStatus, ZDeliveryMode } from '@asah/contracts/courses';
import type { CourseFilterValues } from './components/CourseFilters';
import type { CourseListFilters, CourseReach } from './hooks/use-courses';

const reach = (value: string): CourseReach => (value === 'agency' || value === 'platform' ? value : 'all');

/** Turns URL filters (free text, possibly hand-edited) into a query the API accepts. */
export function toCourseQuery(values: CourseFilterValues, page: number, pageSize: number): CourseListFilters {
  return {
    page,
    pageSize,
    q: values.q || undefined,
    status: ZCourseStatus.safeParse(values.status).data,
    category: ZCourseCategory.safeParse(values.category).data,
    deliveryMode: ZDeliveryMode.safeParse(values.mode).data,
    reach: reach(values.reach),
  };
}
