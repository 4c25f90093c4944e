import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { betterResult, isDone, type ProgressStatus } from '@asah/scorm/cmi-rollup';
import { EnrolmentsService } from '../enrolments/enrolments.service';

export interface ActivityOutcome {
  status: ProgressStatus;
  scoreScaled: number | null;
  scoreRaw: number | null;
}

/**
 * The two upper steps of the rollup: attempts → activity result (per learner and activity), and
 * activity results → course completion per the course rule → `creditCourseCompletion` (JP ledger
 * and the course-completed event, both idempotent).
 *
 * Course rule (courses.completion_rule):
 * - `all_required`: every activity marked `required` is done;
 * - `selected`: every activity in `completion_activity_ids` is done.
 * Done: SCORM → the activity result is `completed` or `passed`; page, file, video → opened
 * (`viewed`, also an activity result); classroom → attended at least one of its sessions. A rule
 * that counts no activity never completes a course by itself (admins complete it by hand).
 */
@Injectable()
export class CourseRollupService {
  private readonly logger = new Logger('CourseRollup');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /**
   * Recomputes a learner's result of an activity from their non-preview attempts (the best attempt
   * wins) and stores it; `true` when it became done in this call. Inside the caller's transaction.
   */
  async refreshActivityResult(tx: EntityManager, userId: string, activityId: string, courseId: string): Promise<boolean> {
    const attempts: { status: ProgressStatus; score_scaled: number | null; score_raw: number | null; last_activity_at: Date | null; completed_at: Date | null }[] = await tx.query(
      `SELECT status, score_scaled, score_raw, last_activity_at, completed_at FROM tracking_attempts
        WHERE user_id = $1 AND activity_id = $2 AND NOT preview ORDER BY attempt_number`,
      [userId, activityId],
    );
    if (!attempts.length) return false;
    const best = attempts
      .map((a) => ({ status: a.status, scoreScaled: a.score_scaled, scoreRaw: a.score_raw, completedAt: a.completed_at }))
      .reduce((a, b) => betterResult(a, b));
    const last = attempts.reduce<Date | null>((m, a) => (a.last_activity_at && (!m || a.last_activity_at > m) ? a.last_activity_at : m), null);
    return this.writeResult(tx, { userId, activityId, courseId, status: best.status, scoreScaled: best.scoreScaled, scoreRaw: best.scoreRaw, attempts: attempts.length, lastActivityAt: last, completedAt: best.completedAt });
  }

  /** A page, file or video was opened: done. Idempotent. */
  async markViewed(tx: EntityManager, userId: string, activityId: string, courseId: string): Promise<boolean> {
    const now = new Date();
    return this.writeResult(tx, { userId, activityId, courseId, status: 'completed', scoreScaled: null, scoreRaw: null, attempts: 1, lastActivityAt: now, completedAt: now });
  }

  private async writeResult(
    tx: EntityManager,
    r: { userId: string; activityId: string; courseId: string; status: ProgressStatus; scoreScaled: number | null; scoreRaw: number | null; attempts: number; lastActivityAt: Date | null; completedAt: Date | null },
  ): Promise<boolean> {
    // The previous status comes back from the same statement (xmax trick avoided: a CTE reads the old row).
    const [row] = await tx.query(
      `WITH old AS (SELECT status FROM activity_results WHERE user_id = $1 AND activity_id = $2 FOR UPDATE)
       INSERT INTO activity_results (user_id, activity_id, course_id, status, score_scaled, score_raw, attempts, last_activity_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id, activity_id) DO UPDATE SET status = EXCLUDED.status, score_scaled = EXCLUDED.score_scaled,
         score_raw = EXCLUDED.score_raw, attempts = GREATEST(activity_results.attempts, EXCLUDED.attempts),
         last_activity_at = GREATEST(activity_results.last_activity_at, EXCLUDED.last_activity_at),
         completed_at = COALESCE(activity_results.completed_at, EXCLUDED.completed_at), updated_at = now()
       RETURNING (SELECT status FROM old) AS previous`,
      [r.userId, r.activityId, r.courseId, r.status, r.scoreScaled, r.scoreRaw, r.attempts, r.lastActivityAt, isDone(r.status) ? (r.completedAt ?? new Date()) : null],
    );
    return isDone(r.status) && !isDone((row?.previous ?? 'not_started') as ProgressStatus);
  }

  /**
   * Completes the learner's enrolment when the course rule is met. Runs after the transaction that
   * changed a result, in its own (creditCourseCompletion's); safe to repeat, so the learner's next
   * commit or progress read repairs a completion lost to a crash between the two.
   */
  async completeCourseIfDone(userId: string, courseId: string): Promise<boolean> {
    const [enrolment] = await this.db.query(
      `SELECT id FROM enrolments WHERE user_id = $1 AND course_id = $2 AND status IN ('approved', 'active') LIMIT 1`,
      [userId, courseId],
    );
    if (!enrolment) return false;
    const { counted, done } = await courseCounts(this.db.manager, enrolment.id);
    if (counted === 0 || done < counted) return false;
    try {
      const result = await this.enrolments.creditCourseCompletion(enrolment.id);
      return result.completedNow;
    } catch (error) {
      this.logger.error({ err: error, enrolmentId: enrolment.id }, 'course completion failed; retried on the next commit or progress read');
      return false;
    }
  }
}

/**
 * Activities the course rule counts and how many of them the enrolment's learner has done, in one
 * query (also used by the progress views).
 */
export async function courseCounts(manager: EntityManager, enrolmentId: string): Promise<{ counted: number; done: number }> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS counted, count(*) FILTER (WHERE ${DONE_SQL})::int AS done
       FROM enrolments e JOIN courses c ON c.id = e.course_id
       JOIN course_activities a ON a.course_id = c.id AND ${COUNTED_SQL}
      WHERE e.id = $1`,
    [enrolmentId],
  );
  return { counted: row?.counted ?? 0, done: row?.done ?? 0 };
}

/** Whether activity `a` of course `c` counts for the course rule. */
export const COUNTED_SQL = `(CASE WHEN c.completion_rule = 'selected' THEN a.id = ANY(c.completion_activity_ids) ELSE a.required END)`;
/** Whether enrolment `e`'s learner has done activity `a`. */
export const DONE_SQL = `(CASE WHEN a.type = 'classroom' THEN EXISTS (
    SELECT 1 FROM session_attendance sa JOIN classroom_sessions s ON s.id = sa.session_id WHERE sa.enrolment_id = e.id AND s.activity_id = a.id)
  ELSE EXISTS (SELECT 1 FROM activity_results r WHERE r.user_id = e.user_id AND r.activity_id = a.id AND r.status IN ('completed', 'passed')) END)`;
