import { EntityManager } from 'typeorm';
import { SEAT_STATUSES } from '@asah/contracts/enrolments';
import { returning } from '../../common/db/sql';
import { Cohort } from './cohort.entity';

/**
 * Capacity is enforced by locking the cohort row (`SELECT … FOR UPDATE`) for the whole transaction
 * that counts seats and places people: two admins enrolling the last seat at once queue on the lock,
 * and the second one counts the first one's enrolment. Every path that takes or frees a seat locks
 * the cohort first, then the enrolment rows, always in that order, so they cannot deadlock.
 */
export async function lockCohort(tx: EntityManager, cohortId: string): Promise<Cohort | null> {
  return tx.getRepository(Cohort).createQueryBuilder('h').setLock('pessimistic_write').where('h.id = :cohortId', { cohortId }).getOne();
}

export async function seatsTaken(tx: EntityManager, cohortId: string): Promise<number> {
  const [row] = await tx.query(`SELECT count(*)::int AS n FROM enrolments WHERE cohort_id = $1 AND status = ANY($2)`, [cohortId, SEAT_STATUSES]);
  return row.n;
}

/**
 * Gives freed seats to the waitlist, first come first served, inside the caller's transaction (the
 * cohort must be locked). A promoted request that needed approval goes back to the approver
 * (`requested`); the others get their place (`approved`). A cohort that has ended promotes nobody.
 * Each promoted learner is notified (`waitlist_promoted`). Returns the ids of the promoted enrolments.
 */
export async function promoteWaitlisted(tx: EntityManager, cohort: Cohort, today: string): Promise<string[]> {
  if (cohort.endsOn < today) return [];
  const free = cohort.capacity === null ? null : cohort.capacity - (await seatsTaken(tx, cohort.id));
  if (free !== null && free <= 0) return [];
  const rows = await returning<{ id: string }>(
    tx,
    `UPDATE enrolments e
        SET status = CASE WHEN e.method = 'approval' THEN 'requested' ELSE 'approved' END, updated_at = now()
       FROM (SELECT id FROM enrolments
              WHERE cohort_id = $1 AND status = 'waitlisted'
              ORDER BY requested_at, id
              LIMIT $2
                FOR UPDATE) next
      WHERE e.id = next.id
      RETURNING e.id`,
    [cohort.id, free],
  );
  if (rows.length) {
    // Told in the same transaction: the notification exists exactly when the seat does.
    await tx.query(
      `INSERT INTO notifications (user_id, type, data)
       SELECT e.user_id, 'waitlist_promoted',
              jsonb_build_object('courseId', c.id, 'courseTitle', c.title, 'cohortId', h.id, 'cohortName', h.name, 'enrolmentId', e.id, 'status', e.status)
         FROM enrolments e JOIN cohorts h ON h.id = e.cohort_id JOIN courses c ON c.id = e.course_id
        WHERE e.id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
  }
  return rows.map((r) => r.id);
}
