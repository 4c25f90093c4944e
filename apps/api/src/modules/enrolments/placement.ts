import { EntityManager } from 'typeorm';
import { CURRENT_STATUSES, TEnrolmentMethod, TEnrolmentStatus } from '@asah/contracts/enrolments';
import { returning } from '../../common/db/sql';
import { DomainError } from '../../common/errors/domain-error';
import { Cohort } from '../cohorts/cohort.entity';
import { seatsTaken } from '../cohorts/cohort-seats';

/** Where people are placed: a course, optionally a cohort that the caller has locked. */
export interface PlacementTarget {
  courseId: string;
  cohort: Cohort | null;
  deadline: string | null;
}

export interface PlacementOptions {
  method: TEnrolmentMethod;
  /** The learner asked under the approval policy: their seat waits for a decision (`requested`). */
  needsApproval: boolean;
  requestedBy: string;
  requestReason?: string | null;
  ruleId?: string | null;
  /** Decide every outcome, write nothing. */
  dryRun: boolean;
}

export type PlacementOutcome = 'enrolled' | 'waitlisted' | 'already_enrolled' | 'enrolled_elsewhere';

export interface Placement {
  userId: string;
  outcome: PlacementOutcome;
  enrolmentId: string | null;
  status: TEnrolmentStatus | null;
}

interface Existing {
  id: string;
  user_id: string;
  cohort_id: string | null;
  status: TEnrolmentStatus;
}

/** Under way or completed: such an enrolment is kept as it is and blocks another one in the same course. */
const HOLDS_COURSE = new Set<TEnrolmentStatus>([...CURRENT_STATUSES, 'completed']);

/**
 * Places people in a course or cohort inside the caller's transaction: the one routine behind
 * self-enrolment, approval requests, admin and bulk enrolment and rules. Per person:
 * - already enrolled there (under way or completed): unchanged;
 * - enrolled in another cohort of the course, or completed it: refused (`enrolled_elsewhere`);
 * - otherwise a seat while there is one (`requested` when approval is needed, else `approved`), then
 *   the waitlist; without a waitlist a full cohort refuses the whole call (COHORT_FULL) before
 *   anything is written. A withdrawn or expired enrolment in the same place is enrolled anew (same row).
 */
export async function place(tx: EntityManager, target: PlacementTarget, userIds: string[], options: PlacementOptions): Promise<Placement[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const existing: Existing[] = await tx.query(
    `SELECT id, user_id, cohort_id, status FROM enrolments WHERE course_id = $1 AND user_id = ANY($2) FOR UPDATE`,
    [target.courseId, ids],
  );
  const cohort = target.cohort;
  const capacity = cohort?.capacity ?? null;
  const taken = cohort && capacity !== null ? await seatsTaken(tx, cohort.id) : 0;
  let seats = taken;
  const seatStatus: TEnrolmentStatus = options.needsApproval ? 'requested' : 'approved';

  const placements: Placement[] = [];
  const fresh: { userId: string; status: TEnrolmentStatus }[] = [];
  const renewed: { id: string; status: TEnrolmentStatus }[] = [];
  let refused = 0;
  for (const userId of ids) {
    const mine = existing.filter((e) => e.user_id === userId);
    const same = mine.find((e) => e.cohort_id === (cohort?.id ?? null));
    if (same && HOLDS_COURSE.has(same.status)) {
      placements.push({ userId, outcome: 'already_enrolled', enrolmentId: same.id, status: same.status });
      continue;
    }
    const elsewhere = mine.find((e) => e !== same && HOLDS_COURSE.has(e.status));
    if (elsewhere) {
      placements.push({ userId, outcome: 'enrolled_elsewhere', enrolmentId: elsewhere.id, status: elsewhere.status });
      continue;
    }
    let status: TEnrolmentStatus = seatStatus;
    if (capacity !== null && seats >= capacity) {
      if (!cohort!.waitlistEnabled) {
        refused++;
        continue;
      }
      status = 'waitlisted';
    } else seats++;
    placements.push({ userId, outcome: status === 'waitlisted' ? 'waitlisted' : 'enrolled', enrolmentId: same?.id ?? null, status });
    if (same) renewed.push({ id: same.id, status });
    else fresh.push({ userId, status });
  }
  if (refused > 0) {
    const left = Math.max(0, capacity! - taken);
    throw new DomainError('COHORT_FULL', `The cohort is full: ${refused} of ${ids.length} could not get a seat and it has no waitlist; nobody was enrolled`, {
      capacity,
      refused,
      seatsLeft: left,
    });
  }
  if (options.dryRun) return placements;

  const common = [target.courseId, cohort?.id ?? null, options.method, target.deadline, options.requestedBy, options.requestReason ?? null, options.ruleId ?? null];
  if (fresh.length) {
    // clock_timestamp() grows row by row, so a bulk enrolment waitlists people in the order given.
    const inserted = await returning<{ id: string; user_id: string }>(
      tx,
      `INSERT INTO enrolments (course_id, cohort_id, method, deadline, requested_by, request_reason, rule_id, user_id, status, requested_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, v.user_id, v.status, clock_timestamp()
         FROM unnest($8::uuid[], $9::text[]) WITH ORDINALITY AS v(user_id, status, n)
        ORDER BY v.n
       ON CONFLICT DO NOTHING
       RETURNING id, user_id`,
      [...common, fresh.map((f) => f.userId), fresh.map((f) => f.status)],
    );
    const byUser = new Map(inserted.map((r) => [r.user_id, r.id]));
    for (const p of placements) {
      if (p.enrolmentId !== null || p.outcome === 'already_enrolled' || p.outcome === 'enrolled_elsewhere') continue;
      const id = byUser.get(p.userId);
      // Enrolled by a concurrent request between our read and our insert: that one stands.
      if (id) p.enrolmentId = id;
      else Object.assign(p, { outcome: 'already_enrolled' });
    }
  }
  if (renewed.length) {
    await tx.query(
      `UPDATE enrolments e
          SET status = v.status, method = $3, deadline = $4, requested_by = $5, request_reason = $6, rule_id = $7,
              requested_at = clock_timestamp(), decision = NULL, decided_at = NULL, decided_by = NULL, decision_reason = NULL,
              withdrawn_at = NULL, withdrawn_by = NULL, withdrawal_reason = NULL, started_at = NULL, completed_at = NULL, updated_at = now()
         FROM unnest($8::uuid[], $9::text[]) AS v(id, status)
        WHERE e.id = v.id AND e.course_id = $1 AND e.cohort_id IS NOT DISTINCT FROM $2`,
      [...common, renewed.map((r) => r.id), renewed.map((r) => r.status)],
    );
  }
  const missing = placements.filter((p) => p.enrolmentId === null);
  if (missing.length) {
    const found: { id: string; user_id: string; status: TEnrolmentStatus }[] = await tx.query(
      `SELECT id, user_id, status FROM enrolments WHERE course_id = $1 AND cohort_id IS NOT DISTINCT FROM $2 AND user_id = ANY($3)`,
      [target.courseId, cohort?.id ?? null, missing.map((p) => p.userId)],
    );
    for (const p of missing) {
      const f = found.find((r) => r.user_id === p.userId);
      if (f) Object.assign(p, { enrolmentId: f.id, status: f.status });
    }
  }
  return placements;
}
