import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TScormAttemptPolicy } from '@asah/contracts/courses';
import type { TActivityContent, TActivityProgressStatus, TActivityViewed, TLaunch, TLaunchAttemptRequest } from '@asah/contracts/tracking';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { canLaunchContent } from '../content/content-access';
import { ContentFile } from '../content/content-file.entity';
import { signContentToken } from '../content/content-tokens';
import { PackageVersion } from '../content/package-version.entity';
import { CourseAccessService } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { CourseRollupService } from './course-rollup.service';

/** Without a stored policy a learner may start again once the previous attempt is finished. */
export const DEFAULT_ATTEMPT_POLICY: TScormAttemptPolicy = 'after_completion';
const FINISHED: readonly TActivityProgressStatus[] = ['completed', 'passed', 'failed'];

/**
 * Launching a SCORM activity: which attempt (the latest, or a new one per the activity's attempt
 * policy), and the attempt token for the launcher on the content origin. Learners need a place in
 * the course (approved, active, completed; the first launch makes the enrolment active); course
 * editors and admins launch as a preview, which is tracked but never rolled up.
 */
@Injectable()
export class LaunchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly courses: CourseAccessService,
    private readonly enrolments: EnrolmentsService,
    private readonly rollup: CourseRollupService,
  ) {}

  async launch(actor: Actor, activityId: string, input: TLaunchAttemptRequest): Promise<TLaunch> {
    const { activity, preview } = await this.reach(actor, activityId);
    if (activity.type !== 'scorm') {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', `A ${activity.type} activity is not played by the SCORM runtime`, { type: activity.type, expected: ['scorm'] });
    }
    const version = await this.db.manager.findOneBy(PackageVersion, { activityId, current: true });
    if (!version) throw new DomainError('CONTENT_NOT_UPLOADED', 'No package has been uploaded to this activity yet');
    if (version.packageType !== 'scorm' || (version.standard !== 'scorm12' && version.standard !== 'scorm2004')) {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', 'This activity holds a cmi5 package, which the SCORM runtime does not play', { type: version.standard, expected: ['scorm12', 'scorm2004'] });
    }
    const policy = ((activity.settings as { attemptPolicy?: TScormAttemptPolicy }).attemptPolicy ?? DEFAULT_ATTEMPT_POLICY) as TScormAttemptPolicy;
    const mayStartNew = (latest: { status: TActivityProgressStatus } | undefined) =>
      !latest || preview || policy === 'always' || (policy === 'after_completion' && FINISHED.includes(latest.status));

    const attempt = await this.db.transaction(async (tx) => {
      // One launch at a time per learner and activity, so two tabs never both create attempt N+1.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attempt:${actor.userId}:${activityId}`]);
      const [latest] = await tx.query(
        `SELECT id, attempt_number, status, package_version_id, standard FROM tracking_attempts
          WHERE activity_id = $1 AND user_id = $2 AND preview = $3 ORDER BY attempt_number DESC LIMIT 1`,
        [activityId, actor.userId, preview],
      );
      if (latest && !input.newAttempt) return { id: latest.id as string, number: latest.attempt_number as number, status: latest.status as TActivityProgressStatus, standard: latest.standard };
      if (latest && !mayStartNew(latest)) {
        throw new DomainError('ATTEMPT_NOT_ALLOWED', policy === 'never' ? 'This activity allows one attempt only' : 'Finish the current attempt before starting a new one', { policy });
      }
      const [created] = await tx.query(
        `INSERT INTO tracking_attempts (user_id, activity_id, course_id, package_version_id, standard, attempt_number, preview, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'incomplete') RETURNING id, attempt_number`,
        [actor.userId, activityId, activity.courseId, version.id, version.standard, (latest?.attempt_number ?? 0) + 1, preview],
      );
      if (!preview) await this.rollup.refreshActivityResult(tx, actor.userId, activityId, activity.courseId);
      return { id: created.id as string, number: created.attempt_number as number, status: 'incomplete' as TActivityProgressStatus, standard: version.standard };
    });

    const exp = Math.floor(Date.now() / 1000) + this.config.runtime.attemptTokenTtlSeconds;
    const token = signContentToken(this.config.content.tokenSecret, { kind: 'attempt', attemptId: attempt.id, userId: actor.userId, exp });
    return {
      attemptId: attempt.id,
      attemptNumber: attempt.number,
      launcherUrl: `${this.config.content.publicUrl}/rt/${attempt.id}/?t=${encodeURIComponent(token)}`,
      standard: attempt.standard,
      title: activity.title,
      preview,
      expiresAt: new Date(exp * 1000).toISOString(),
      canStartNewAttempt: mayStartNew({ status: attempt.status }),
    };
  }

  /** A page, file or video activity was opened by an enrolled learner: done; the course may complete. */
  async viewed(actor: Actor, activityId: string): Promise<TActivityViewed> {
    const { activity, preview } = await this.reach(actor, activityId);
    if (!['page', 'file', 'video'].includes(activity.type)) {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', `A ${activity.type} activity is not completed by opening it`, { type: activity.type, expected: ['page', 'file', 'video'] });
    }
    if (preview) return { activityId, status: 'not_started' };
    const becameDone = await this.db.transaction((tx) => this.rollup.markViewed(tx, actor.userId, activityId, activity.courseId));
    if (becameDone) await this.rollup.completeCourseIfDone(actor.userId, activity.courseId);
    return { activityId, status: 'completed' };
  }

  /** What the learner player shows of a page, file or video activity (same reach as `viewed`). */
  async content(actor: Actor, activityId: string): Promise<TActivityContent> {
    const { activity } = await this.reach(actor, activityId);
    if (activity.type !== 'page' && activity.type !== 'file' && activity.type !== 'video') {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', `A ${activity.type} activity has no page or file content`, { type: activity.type, expected: ['page', 'file', 'video'] });
    }
    const base = { activityId, courseId: activity.courseId, type: activity.type, title: activity.title };
    if (activity.type === 'page') {
      // Sanitised on write (courses/page-html.ts), like the outline the admin preview shows.
      const html = typeof activity.settings.html === 'string' ? activity.settings.html : '';
      return { ...base, html, file: null };
    }
    const file = await this.db.manager.findOneBy(ContentFile, { activityId, current: true });
    return { ...base, html: null, file: file ? { fileName: file.fileName, contentType: file.contentType, sizeBytes: Number(file.sizeBytes) } : null };
  }

  /** The activity and whether the actor plays it as a preview (editor) or for credit (enrolled learner). */
  private async reach(actor: Actor, activityId: string): Promise<{ activity: CourseActivity; preview: boolean }> {
    const activity = await this.db.manager.findOneBy(CourseActivity, { id: activityId });
    if (!activity) throw notFound('Activity');
    if (actor.roles.includes('learner')) {
      const [enrolment] = await this.db.query(
        `SELECT e.id FROM enrolments e JOIN courses c ON c.id = e.course_id
          WHERE e.course_id = $1 AND e.user_id = $2 AND e.status IN ('approved', 'active', 'completed') AND c.status <> 'draft'`,
        [activity.courseId, actor.userId],
      );
      if (enrolment) {
        await this.enrolments.markStarted(enrolment.id);
        return { activity, preview: false };
      }
    }
    const reach = await this.courses.readable(actor, activity.courseId);
    if (!canLaunchContent(actor, reach)) throw notFound('Activity');
    return { activity, preview: true };
  }
}
