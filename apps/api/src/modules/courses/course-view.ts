import { EntityManager } from 'typeorm';
import type { TCourseDetail, TCourseInstructor, TCourseOutline, TCourseSection } from '@asah/contracts/courses';
import { User } from '../users/user.entity';
import { CourseActivity } from './course-activity.entity';
import { CourseSection } from './course-section.entity';
import { Course } from './course.entity';
import { toCourseDto, toInstructorDto, toSectionDto } from './course.mapper';
import { CourseAccess, countsForCompletion } from './course-rules';

/** The course's sections, each with its activities, both in order. */
export async function loadSections(manager: EntityManager, courseId: string): Promise<TCourseSection[]> {
  const [sections, activities] = await Promise.all([
    manager.find(CourseSection, { where: { courseId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
    manager.find(CourseActivity, { where: { courseId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
  ]);
  return sections.map((s) => toSectionDto(s, activities.filter((a) => a.sectionId === s.id)));
}

export async function loadInstructors(manager: EntityManager, courseId: string): Promise<TCourseInstructor[]> {
  const users = await manager
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoin('course_instructors', 'ci', 'ci.user_id = u.id AND ci.course_id = :courseId', { courseId })
    .orderBy('u.name', 'ASC')
    .addOrderBy('u.id', 'ASC')
    .getMany();
  return users.map(toInstructorDto);
}

export async function loadDetail(manager: EntityManager, course: Course, access: CourseAccess): Promise<TCourseDetail> {
  // A transaction's manager holds one connection, which pg does not let take a second query while
  // one runs (deprecated, an error from pg 9): there the two reads go one after the other.
  const [sections, instructors] = manager.queryRunner
    ? [await loadSections(manager, course.id), await loadInstructors(manager, course.id)]
    : await Promise.all([loadSections(manager, course.id), loadInstructors(manager, course.id)]);
  return { ...toCourseDto(course, access), sections, instructors };
}

/** What a learner sees: the structure without authoring data, and without empty sections. */
export function toOutline(course: Course, sections: TCourseSection[]): TCourseOutline {
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    description: course.description,
    coverImageKey: course.coverImageKey,
    category: course.category,
    deliveryMode: course.deliveryMode,
    jp: Number(course.jp),
    competencies: course.competencies,
    completionRule: course.completionRule,
    certificateOnCompletion: course.certificateOnCompletion,
    status: course.status,
    sections: sections
      .filter((s) => s.activities.length > 0)
      .map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        activities: s.activities.map((a) => ({
          id: a.id,
          type: a.type,
          title: a.title,
          required: a.required,
          countsForCompletion: countsForCompletion(course, a),
          html: a.type === 'page' ? a.settings.html : null,
        })),
      })),
  };
}
