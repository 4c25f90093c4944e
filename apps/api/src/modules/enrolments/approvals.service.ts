import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TApprovalQuery, TApproveRequest, TEnrolmentRow, TRejectRequest } from '@asah/contracts/enrolments';
import { Actor } from '../../common/auth/actor';
import { likePattern } from '../../common/db/unique-violation';
import { Params } from '../../common/db/sql';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { lockCohort, promoteWaitlisted } from '../cohorts/cohort-seats';
import { ENROLMENT_FROM, ENROLMENT_SELECT, EnrolmentRecord, loadEnrolment, toEnrolmentRow } from './enrolment-view';
import { notify } from '../notifications/notify';
import { approverReach, approverScope } from './approvers';
import { Enrolment } from './enrolment.entity';

/**
 * Approval of enrolment requests. The approvers of a learner are the heads of their unit and of
 * every unit above it, and the agency admins (platform admins too). Nobody decides their own
 * request (NOT_APPROVER); a request out of reach is a 404, like any record one may not see.
 */
@Injectable()
export class ApprovalsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async queue(actor: Actor, query: TApprovalQuery): Promise<TPage<TEnrolmentRow>> {
    const p = new Params();
    const where = [...approverScope(actor, p, query.agencyId), query.state === 'pending' ? `e.status = 'requested'` : `e.decision IS NOT NULL`];
    if (query.courseId) where.push(`e.course_id = ${p.add(query.courseId)}`);
    if (query.q) {
      const q = p.add(likePattern(query.q));
      where.push(`(u.name ILIKE ${q} OR u.nip LIKE ${p.add(likePattern(query.q.replace(/\s/g, '')))} OR c.title ILIKE ${q} OR c.code ILIKE ${q})`);
    }
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${ENROLMENT_FROM} WHERE ${sql}`, p.values);
    const order = query.state === 'pending' ? 'e.requested_at ASC, e.id' : 'e.decided_at DESC, e.id';
    const rows: EnrolmentRecord[] = await this.db.query(
      `${ENROLMENT_SELECT} WHERE ${sql} ORDER BY ${order} LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    return { items: rows.map(toEnrolmentRow), total, page: query.page, pageSize: query.pageSize };
  }

  approve(actor: Actor, id: string, input: TApproveRequest): Promise<TEnrolmentRow> {
    return this.decide(actor, id, async (tx, e) => {
      if (e.deadline && e.deadline < jakartaDay()) {
        throw new DomainError('DEADLINE_PASSED', `The enrolment's deadline ${e.deadline} has passed; reject the request instead`);
      }
      await tx.update(Enrolment, { id: e.id }, { status: 'approved', decision: 'approved', decidedAt: new Date(), decidedBy: actor.userId, decisionReason: input.reason || null });
    });
  }

  /** The request is withdrawn with the decision `rejected`; its reserved seat goes to the waitlist. */
  reject(actor: Actor, id: string, input: TRejectRequest): Promise<TEnrolmentRow> {
    return this.decide(actor, id, async (tx, e) => {
      await tx.update(Enrolment, { id: e.id }, { status: 'withdrawn', decision: 'rejected', decidedAt: new Date(), decidedBy: actor.userId, decisionReason: input.reason });
      return true;
    });
  }

  private async decide(actor: Actor, id: string, apply: (tx: EntityManager, e: Enrolment) => Promise<boolean | void>): Promise<TEnrolmentRow> {
    await this.db.transaction(async (tx) => {
      const found = await tx.findOneBy(Enrolment, { id });
      if (!found) throw notFound('Enrolment');
      const reach = await approverReach(tx, actor, found.userId);
      if (reach === 'none') throw notFound('Enrolment');
      if (reach === 'self') throw new DomainError('NOT_APPROVER', 'You cannot decide your own request; your unit head or an agency admin does');
      const cohort = found.cohortId ? await lockCohort(tx, found.cohortId) : null;
      const e = await tx.getRepository(Enrolment).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOneOrFail();
      if (e.status !== 'requested') throw new DomainError('ALREADY_DECIDED', `The request is no longer waiting for a decision (it is ${e.status})`, { status: e.status, decision: e.decision });
      const freed = await apply(tx, e);
      const [decided] = await tx.query(
        `SELECT e.decision, e.decision_reason, c.id AS course_id, c.title AS course_title FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.id = $1`,
        [e.id],
      );
      await notify(tx, 'approval_decided', [
        {
          userId: e.userId,
          data: { courseId: decided.course_id, courseTitle: decided.course_title, enrolmentId: e.id, decision: decided.decision, reason: decided.decision_reason, ...(cohort ? { cohortId: cohort.id, cohortName: cohort.name } : {}) },
        },
      ]);
      if (freed && cohort) await promoteWaitlisted(tx, cohort, jakartaDay());
    });
    return toEnrolmentRow(await loadEnrolment(this.db.manager, id));
  }
}
