import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TEnrolmentRow, TEnrolmentStatus, TMyEnrolment, TMyEnrolmentQuery, TEnrolRequest, TWithdrawRequest } from '@asah/contracts/enrolments';
import { CURRENT_STATUSES, SEAT_STATUSES } from '@asah/contracts/enrolments';
import { Actor, canSeeAgency, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { lockCohort, promoteWaitlisted } from '../cohorts/cohort-seats';
import { cohortState } from '../cohorts/cohort-state';
import { Cohort } from '../cohorts/cohort.entity';
import { Course } from '../courses/course.entity';
import { emitEvent } from '../events/events';
import { JpLedgerService } from '../jp/jp-ledger.service';
import { approversOf, notify } from '../notifications/notify';
import { cohortOpenTo, cohortRequired, courseSettings, requiresCohort, resolveDeadline } from './enrolment-context';
import { ENROLMENT_FROM, ENROLMENT_SELECT, EnrolmentRecord, loadEnrolment, toEnrolmentRow, toMyEnrolment } from './enrolment-view';
import { Enrolment } from './enrolment.entity';
import { place } from './placement';

const SHOW: Record<TMyEnrolmentQuery['show'], readonly TEnrolmentStatus[] | null> = {
  current: CURRENT_STATUSES,
  completed: ['completed'],
  past: ['withdrawn', 'expired'],
  all: null,
};

const seatHolding = (status: TEnrolmentStatus) => (SEAT_STATUSES as readonly string[]).includes(status);

export interface CompletionResult {
  enrolmentId: string;
  /** False when the enrolment was already completed: nothing changed. */
  completedNow: boolean;
  /** The ledger entry of the course's JP; null for a course worth 0 JP. */
  jpEntryId: string | null;
}

/**
 * The learner's side of enrolment (enrol or ask, "Pembelajaran Saya", withdraw) and the lifecycle
 * hooks other features call: started, completed (crediting the course JP once), expired.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: JpLedgerService,
  ) {}

  /** A published course of the learner's agency or a platform-wide one; anything else is a 404. */
  async visibleCourse(manager: EntityManager, actor: Actor, courseId: string): Promise<Course> {
    const agencyId = scopeAgency(actor, undefined);
    const course = await manager.findOneBy(Course, { id: courseId, status: 'published' });
    if (!course || (course.agencyId !== null && course.agencyId !== agencyId)) throw notFound('Course');
    return course;
  }

  async enrol(actor: Actor, input: TEnrolRequest): Promise<TMyEnrolment> {
    const now = new Date();
    const today = jakartaDay(now);
    try {
      const id = await this.db.transaction(async (tx) => {
        const course = await this.visibleCourse(tx, actor, input.courseId);
        let cohort: Cohort | null = null;
        if (input.cohortId) {
          cohort = await lockCohort(tx, input.cohortId);
          if (!cohort || cohort.courseId !== course.id || !cohortOpenTo(cohort, actor.agencyId)) throw notFound('Cohort');
        } else if (await requiresCohort(tx, course.id, actor.agencyId)) throw cohortRequired();

        // Enrolling twice answers the enrolment as it is, whatever the window or policy say now.
        const same = await tx.findOneBy(Enrolment, { courseId: course.id, cohortId: cohort ? cohort.id : IsNull(), userId: actor.userId });
        if (same && (CURRENT_STATUSES as readonly string[]).concat('completed').includes(same.status)) return same.id;

        const settings = await courseSettings(tx, course.id);
        const policy = cohort?.enrolmentPolicy ?? settings.enrolmentPolicy;
        if (policy === 'admin_only') throw new DomainError('ENROLMENT_ADMIN_ONLY', 'Only admins enrol people in this course');
        if (cohort) {
          const state = cohortState(cohort, 0, now, today);
          if (state === 'not_yet_open') throw new DomainError('ENROLMENT_CLOSED', `Enrolment opens at ${cohort.enrolmentOpensAt!.toISOString()}`, { opensAt: cohort.enrolmentOpensAt!.toISOString() });
          if (state === 'closed') throw new DomainError('ENROLMENT_CLOSED', cohort.endsOn < today ? 'The cohort has ended' : 'Enrolment has closed', { closesAt: cohort.enrolmentClosesAt?.toISOString() ?? null });
        }
        const deadline = resolveDeadline(cohort, settings, undefined, today);
        const [placed] = await place(tx, { courseId: course.id, cohort, deadline }, [actor.userId], {
          method: policy === 'approval' ? 'approval' : 'self',
          needsApproval: policy === 'approval',
          requestedBy: actor.userId,
          requestReason: input.reason || null,
          dryRun: false,
        });
        if (placed.outcome === 'enrolled_elsewhere' || !placed.enrolmentId) throw alreadyEnrolled(placed.enrolmentId);
        if (placed.status === 'requested') {
          const [me] = await tx.query('SELECT name FROM users WHERE id = $1', [actor.userId]);
          const data = { kind: 'enrolment' as const, courseId: course.id, courseTitle: course.title, enrolmentId: placed.enrolmentId, learnerName: me.name, ...(cohort ? { cohortId: cohort.id, cohortName: cohort.name } : {}) };
          await notify(tx, 'approval_needed', (await approversOf(tx, actor.userId)).map((userId) => ({ userId, data })));
        }
        return placed.enrolmentId;
      });
      return toMyEnrolment(await loadEnrolment(this.db.manager, id));
    } catch (error) {
      // A second tab enrolled in another cohort at the same moment: the unique index decided.
      if (uniqueViolation(error) === 'uq_enrolments_course_user_current') throw alreadyEnrolled(null);
      throw error;
    }
  }

  async mine(actor: Actor, query: TMyEnrolmentQuery): Promise<TPage<TMyEnrolment>> {
    const params: unknown[] = [actor.userId];
    let where = 'e.user_id = $1';
    const statuses = SHOW[query.show];
    if (statuses) {
      params.push(statuses);
      where += ` AND e.status = ANY($${params.length})`;
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (c.title ILIKE $${params.length} OR c.code ILIKE $${params.length})`;
    }
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${ENROLMENT_FROM} WHERE ${where}`, params);
    const rows: EnrolmentRecord[] = await this.db.query(
      `${ENROLMENT_SELECT} WHERE ${where}
        ORDER BY CASE WHEN e.status IN ('active', 'approved') THEN 0 WHEN e.status IN ('requested', 'waitlisted') THEN 1 ELSE 2 END,
                 coalesce(h.starts_on::timestamptz, e.requested_at) DESC, e.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toMyEnrolment), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The learner withdraws, or an admin of the learner's agency unenrols them. The record stays
   * (`withdrawn`); a freed seat goes to the first waitlisted in the same transaction.
   */
  async withdraw(actor: Actor, id: string, input: TWithdrawRequest): Promise<TEnrolmentRow> {
    await this.db.transaction(async (tx) => {
      const found = await this.reachable(tx, actor, id);
      const cohort = found.cohortId ? await lockCohort(tx, found.cohortId) : null;
      const e = await tx.getRepository(Enrolment).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOneOrFail();
      if (e.status === 'completed') throw new DomainError('ENROLMENT_NOT_WITHDRAWABLE', 'A completed enrolment cannot be withdrawn');
      if (e.status === 'withdrawn' || e.status === 'expired') return;
      await tx.update(Enrolment, { id }, { status: 'withdrawn', withdrawnAt: new Date(), withdrawnBy: actor.userId, withdrawalReason: input.reason || null });
      if (cohort && seatHolding(e.status)) await promoteWaitlisted(tx, cohort, jakartaDay());
    });
    return toEnrolmentRow(await loadEnrolment(this.db.manager, id));
  }

  /** Admins mark an enrolment completed (a classroom course, a course finished elsewhere); same as the runtime's completion. */
  async complete(actor: Actor, id: string): Promise<TEnrolmentRow> {
    const e = await this.db.manager.findOneBy(Enrolment, { id });
    const owner = e ? await this.db.query(`SELECT agency_id FROM users WHERE id = $1`, [e.userId]) : [];
    if (!e || !canSeeAgency(actor, owner[0]?.agency_id ?? null)) throw notFound('Enrolment');
    await this.creditCourseCompletion(id);
    return toEnrolmentRow(await loadEnrolment(this.db.manager, id));
  }

  /**
   * Marks the enrolment completed and credits the course's JP to the learner's ledger for the
   * Asia/Jakarta year of `completedAt`. Idempotent: a completed enrolment stays as it is and is never
   * credited twice (the ledger's unique source key). For the SCORM runtime and attendance to call.
   */
  async creditCourseCompletion(enrolmentId: string, completedAt: Date = new Date()): Promise<CompletionResult> {
    return this.db.transaction(async (tx) => {
      const e = await tx.getRepository(Enrolment).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :enrolmentId', { enrolmentId }).getOne();
      if (!e) throw notFound('Enrolment');
      const completedNow = e.status !== 'completed';
      if (completedNow && e.status !== 'approved' && e.status !== 'active') {
        throw new DomainError('ENROLMENT_NOT_ACTIVE', `An enrolment that is ${e.status} cannot be completed`, { status: e.status });
      }
      if (completedNow) {
        await tx.update(Enrolment, { id: e.id }, { status: 'completed', completedAt, startedAt: e.startedAt ?? completedAt });
        // Durable, in this transaction: subscribers (certificates, competency evidence) see it exactly when the completion commits.
        await emitEvent(tx, 'course.completed', { enrolmentId: e.id, userId: e.userId, courseId: e.courseId, cohortId: e.cohortId, completedAt: completedAt.toISOString() }, `course.completed:${e.id}`);
      }
      const course = await tx.findOneByOrFail(Course, { id: e.courseId });
      if (Number(course.jp) <= 0) return { enrolmentId: e.id, completedNow, jpEntryId: null };
      const entry = await this.ledger.credit(tx, {
        userId: e.userId,
        jp: course.jp,
        sourceType: 'course_completion',
        sourceId: e.id,
        description: `${course.code} · ${course.title}`,
        occurredOn: jakartaDay(e.completedAt ?? completedAt),
      });
      return { enrolmentId: e.id, completedNow, jpEntryId: entry.id };
    });
  }

  /** The learner started learning (first launch, first attendance): an `approved` enrolment becomes `active`. */
  async markStarted(enrolmentId: string, at: Date = new Date(), manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`UPDATE enrolments SET status = 'active', started_at = coalesce(started_at, $2), updated_at = now() WHERE id = $1 AND status = 'approved'`, [enrolmentId, at]);
  }

  /**
   * Enrolments still under way whose deadline (an Asia/Jakarta day) is before `today` expire. Run
   * daily by the scheduler; safe to run any number of times. Expiry frees no seat for the waitlist,
   * whose deadline has passed as well.
   */
  async expireOverdue(today: string = jakartaDay()): Promise<number> {
    const [, count] = await this.db.query(
      `UPDATE enrolments SET status = 'expired', updated_at = now() WHERE status = ANY($1) AND deadline IS NOT NULL AND deadline < $2::date`,
      [CURRENT_STATUSES, today],
    );
    return count;
  }

  /** The enrolment if the actor may act on it: their own, or (admins) one of their agency's people; else 404. */
  private async reachable(manager: EntityManager, actor: Actor, id: string): Promise<Enrolment> {
    const e = await manager.findOneBy(Enrolment, { id });
    if (!e) throw notFound('Enrolment');
    if (e.userId === actor.userId) return e;
    const isAdmin = isPlatformAdmin(actor) || actor.roles.includes('agency_admin');
    if (isAdmin) {
      const [owner] = await manager.query(`SELECT agency_id FROM users WHERE id = $1`, [e.userId]);
      if (canSeeAgency(actor, owner.agency_id)) return e;
    }
    throw notFound('Enrolment');
  }
}

function alreadyEnrolled(enrolmentId: string | null): DomainError {
  return new DomainError('ALREADY_ENROLLED', 'You are already enrolled in this course (another cohort) or have completed it', { enrolmentId });
}
