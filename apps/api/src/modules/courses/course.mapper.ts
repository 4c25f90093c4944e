import type { TCourse, TCourseActivity, TCourseInstructor, TCourseSection } from '@asah/contracts/courses';
import { User } from '../users/user.entity';
import { CourseActivity } from './course-activity.entity';
import { CourseSection } from './course-section.entity';
import { Course } from './course.entity';
import { CourseAccess, courseAbilities } from './course-rules';

export function toCourseDto(c: Course, access: CourseAccess): TCourse {
  return {
    id: c.id,
    agencyId: c.agencyId,
    code: c.code,
    title: c.title,
    description: c.description,
    coverImageKey: c.coverImageKey,
    category: c.category,
    deliveryMode: c.deliveryMode,
    jp: Number(c.jp),
    competencies: c.competencies,
    completionRule: c.completionRule,
    completionActivityIds: c.completionActivityIds,
    certificateOnCompletion: c.certificateOnCompletion,
    status: c.status,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    can: courseAbilities(access, c),
  };
}

export function toActivityDto(a: CourseActivity): TCourseActivity {
  return {
    id: a.id,
    courseId: a.courseId,
    sectionId: a.sectionId,
    type: a.type,
    title: a.title,
    required: a.required,
    position: a.position,
    settings: a.settings,
  } as TCourseActivity;
}

/** `activities` must be this section's, in order. */
export function toSectionDto(s: CourseSection, activities: CourseActivity[]): TCourseSection {
  return {
    id: s.id,
    courseId: s.courseId,
    title: s.title,
    description: s.description,
    position: s.position,
    activities: activities.map(toActivityDto),
  };
}

export function toInstructorDto(u: User): TCourseInstructor {
  return { id: u.id, name: u.name, email: u.email, nip: u.nip, active: u.active };
}
