import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TActivityType } from '@asah/contracts/courses';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { CourseAccessService, CourseInReach } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { canEdit } from '../courses/course-rules';

export interface ActivityInReach extends CourseInReach {
  activity: CourseActivity;
}

/** Who may change and who may open a course's content, answered the same way as course editing. */
@Injectable()
export class ContentAccess {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
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
   * Who may open an activity's package, file or video. For now the course's editors and admins
   * (preview); the enrolment issue adds enrolled learners here, the one place to extend.
   */
  async launchableActivity(actor: Actor, courseId: string, activityId: string): Promise<ActivityInReach> {
    const reach = await this.courses.readable(actor, courseId);
    if (!canLaunchContent(actor, reach)) throw new DomainError('FORBIDDEN', 'You may not open this course\'s content');
    return { ...reach, activity: await this.activityOf(courseId, activityId) };
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

/** Launch rule: editors and admins of the course (preview). Enrolled learners come with enrolment. */
export function canLaunchContent(_actor: Actor, reach: CourseInReach): boolean {
  return canEdit(reach.access);
}
