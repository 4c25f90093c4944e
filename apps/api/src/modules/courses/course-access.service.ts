import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { CourseInstructor } from './course-instructor.entity';
import { Course } from './course.entity';
import { CourseAccess, canEdit, courseAccess } from './course-rules';

export interface CourseInReach {
  course: Course;
  access: CourseAccess;
}

export interface ChangeOptions {
  /** `manage`: admins only (archive, delete, instructors). Default `edit`: assigned instructors too. */
  need?: 'edit' | 'manage';
  /** Un-archiving and deleting act on archived courses; every other change is refused on them. */
  allowArchived?: boolean;
}

/**
 * Who reaches which course. Exported for the other course features (content uploads, launch)
 * so every route answers the same way: a course the actor may not see is a 404, a course they
 * may only read is a 403 on change, an archived course is a 409 on change.
 */
@Injectable()
export class CourseAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The course and the actor's reach into it; 404 when they may not see it. */
  async readable(actor: Actor, courseId: string, manager: EntityManager = this.db.manager): Promise<CourseInReach> {
    const course = await manager.findOneBy(Course, { id: courseId });
    return this.reach(manager, actor, course);
  }

  /**
   * Locks the course row until the transaction ends, so changes to one course's structure run one
   * after another and each sees the previous one's result, then checks the actor may change it.
   */
  async lockForChange(tx: EntityManager, actor: Actor, courseId: string, options: ChangeOptions = {}): Promise<CourseInReach> {
    const course = await tx.getRepository(Course).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :courseId', { courseId }).getOne();
    const reach = await this.reach(tx, actor, course);
    if (!canEdit(reach.access)) throw new DomainError('FORBIDDEN', 'Platform-wide courses are changed by platform admins only');
    if (options.need === 'manage' && reach.access !== 'manage') throw new DomainError('FORBIDDEN', 'Only admins may do this');
    if (!options.allowArchived && reach.course.status === 'archived') {
      throw new DomainError('COURSE_ARCHIVED', 'The course is archived; un-archive it to change it');
    }
    return reach;
  }

  /** Marks the course as changed (its sections or activities were). */
  async touch(tx: EntityManager, courseId: string): Promise<void> {
    await tx.query('UPDATE courses SET updated_at = now() WHERE id = $1', [courseId]);
  }

  private async reach(manager: EntityManager, actor: Actor, course: Course | null): Promise<CourseInReach> {
    if (!course) throw notFound('Course');
    let access = courseAccess(actor, course, false);
    // Only an instructor of the course's own agency can gain anything from being assigned.
    if (access === 'none' && course.agencyId !== null && course.agencyId === actor.agencyId && actor.roles.includes('instructor')) {
      const assigned = await manager.existsBy(CourseInstructor, { courseId: course.id, userId: actor.userId });
      access = courseAccess(actor, course, assigned);
    }
    if (access === 'none') throw notFound('Course');
    return { course, access };
  }
}
