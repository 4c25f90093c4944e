import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COHORT_REMINDER_DAYS, DEADLINE_REMINDER_DAYS } from '@asah/contracts/notifications';
import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';
import { addDays, jakartaDay } from '../../common/time/jakarta';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { notify } from './notify';

const PLACED = `('approved', 'active')`;

export interface DailyResult {
  expired: number;
  cohortStartsSoon: number;
  deadlineApproaching: number;
  sessionTomorrow: number;
}

/**
 * The daily run (07:00 WIB, see JobsService): expire overdue enrolments, then remind learners of a
 * cohort starting within COHORT_REMINDER_DAYS, a deadline within DEADLINE_REMINDER_DAYS and a
 * session tomorrow. Each reminder has a dedupe key, so running twice (a retry, two processes)
 * notifies once.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
  ) {}

  async runDaily(now: Date = new Date()): Promise<DailyResult> {
    const today = jakartaDay(now);
    const expired = await this.enrolments.expireOverdue(today);
    const result = await this.db.transaction(async (tx) => {
      const cohorts: { user_id: string; course_id: string; course_title: string; cohort_id: string; cohort_name: string; starts_on: string }[] = await tx.query(
        `SELECT e.user_id, c.id AS course_id, c.title AS course_title, h.id AS cohort_id, h.name AS cohort_name, h.starts_on::text AS starts_on
           FROM cohorts h JOIN enrolments e ON e.cohort_id = h.id AND e.status IN ${PLACED} JOIN courses c ON c.id = h.course_id
          WHERE h.starts_on > $1::date AND h.starts_on <= $2::date`,
        [today, addDays(today, COHORT_REMINDER_DAYS)],
      );
      const cohortStartsSoon = await notify(
        tx,
        'cohort_starts_soon',
        cohorts.map((r) => ({
          userId: r.user_id,
          dedupeKey: `cohort_starts_soon:${r.cohort_id}`,
          data: { courseId: r.course_id, courseTitle: r.course_title, cohortId: r.cohort_id, cohortName: r.cohort_name, startsOn: r.starts_on },
        })),
      );
      const deadlines: { id: string; user_id: string; course_id: string; course_title: string; cohort_id: string | null; cohort_name: string | null; deadline: string }[] = await tx.query(
        `SELECT e.id, e.user_id, c.id AS course_id, c.title AS course_title, h.id AS cohort_id, h.name AS cohort_name, e.deadline::text AS deadline
           FROM enrolments e JOIN courses c ON c.id = e.course_id LEFT JOIN cohorts h ON h.id = e.cohort_id
          WHERE e.status IN ${PLACED} AND e.deadline >= $1::date AND e.deadline <= $2::date`,
        [today, addDays(today, DEADLINE_REMINDER_DAYS)],
      );
      const deadlineApproaching = await notify(
        tx,
        'deadline_approaching',
        deadlines.map((r) => ({
          userId: r.user_id,
          dedupeKey: `deadline_approaching:${r.id}:${r.deadline}`,
          data: { courseId: r.course_id, courseTitle: r.course_title, enrolmentId: r.id, deadline: r.deadline, ...(r.cohort_id ? { cohortId: r.cohort_id, cohortName: r.cohort_name! } : {}) },
        })),
      );
      const tomorrow = addDays(today, 1);
      const sessions: { user_id: string; session_id: string; title: string; starts_at: Date; location: string | null; course_id: string; course_title: string }[] = await tx.query(
        `SELECT e.user_id, s.id AS session_id, s.title, s.starts_at, s.location, c.id AS course_id, c.title AS course_title
           FROM classroom_sessions s JOIN courses c ON c.id = s.course_id
           JOIN enrolments e ON e.course_id = s.course_id AND e.status IN ${PLACED} AND (s.cohort_id IS NULL OR e.cohort_id = s.cohort_id)
          WHERE (s.starts_at AT TIME ZONE '${JP_TIME_ZONE}')::date = $1::date`,
        [tomorrow],
      );
      const sessionTomorrow = await notify(
        tx,
        'session_tomorrow',
        sessions.map((r) => ({
          userId: r.user_id,
          dedupeKey: `session_tomorrow:${r.session_id}:${tomorrow}`,
          data: { courseId: r.course_id, courseTitle: r.course_title, sessionId: r.session_id, sessionTitle: r.title, startsAt: r.starts_at.toISOString(), location: r.location },
        })),
      );
      return { cohortStartsSoon, deadlineApproaching, sessionTomorrow };
    });
    const summary = { expired, ...result };
    this.logger.log(summary, 'Daily reminders');
    return summary;
  }
}
