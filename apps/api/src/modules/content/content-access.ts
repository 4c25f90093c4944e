import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TActivityType } from '@asah/contracts/courses';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { CourseAccessService, CourseInReach } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { canEdit } from '../courses/course-rules';
import { Course } from '../courses/course.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';

export interface ActivityInReach extends CourseInReach {
  activity: CourseActivity;
}

/** Who may change and who may open a course's content, answered the same way as course editing. */
@Injectable()
export class ContentAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /**
   * The course's editors (its agency's admins, its assigned instructors, platform admins) on a
   * course that is not archived, and an activity of one of `types`. Checked before an upload is
   * read, and again inside the transaction that records it.
   */
  async editableActivity(actor: Actor, courseId: string, activityId: string, types: readonly TActivityType[]): Promise<ActivityInReach> {
    const reach = await this.db.transaction((tx) => this.courses.lockForChange(tx, actor, courseId));
    return { ...reach, activity: await this.activityOf(courseId, activityId, types) };
  }

  /**
   * Who may open an activity's package, file or video: the course's editors and admins (preview),
   * and learners with a place in it (approved, active or completed) in a course that is not a draft.
   * A learner's first launch starts their enrolment (approved → active).
   */
  async launchableActivity(actor: Actor, courseId: string, activityId: string): Promise<ActivityInReach> {
    const enrolmentId = actor.roles.includes('learner') ? await this.placeIn(actor, courseId) : null;
    if (enrolmentId) {
      const reach: CourseInReach = { course: await this.db.manager.findOneByOrFail(Course, { id: courseId }), access: 'read' };
      const activity = await this.activityOf(courseId, activityId);
      await this.enrolments.markStarted(enrolmentId);
      return { ...reach, activity };
    }
    const reach = await this.courses.readable(actor, courseId);
    if (!canLaunchContent(actor, reach)) throw new DomainError('FORBIDDEN', 'You may not open this course\'s content');
    return { ...reach, activity: await this.activityOf(courseId, activityId) };
  }

  /** The learner's enrolment with a place in the course, if they have one and the course is out of draft. */
  private async placeIn(actor: Actor, courseId: string): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT e.id FROM enrolments e JOIN courses c ON c.id = e.course_id
        WHERE e.course_id = $1 AND e.user_id = $2 AND e.status IN ('approved', 'active', 'completed') AND c.status <> 'draft'`,
      [courseId, actor.userId],
    );
    return row?.id ?? null;
  }

  private async activityOf(courseId: string, activityId: string, types?: readonly TActivityType[]): Promise<CourseActivity> {
    const activity = await this.db.manager.findOneBy(CourseActivity, { id: activityId, courseId });
    if (!activity) throw notFound('Activity');
    if (types && !types.includes(activity.type)) {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', `This is a ${activity.type} activity; it takes no ${types.join('/')} upload`, { type: activity.type, expected: types });
    }
    return activity;
  }
}

/** Launch rule for people who reach the course as authors: its editors and admins (preview). Enrolled learners are checked first. */
export function canLaunchContent(_actor: Actor, reach: CourseInReach): boolean {
  return canEdit(reach.access);
}
