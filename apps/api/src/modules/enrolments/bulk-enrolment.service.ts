import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TBulkEnrolReport, TBulkEnrolRow, TBulkOutcome, TEnrolmentCriteria, TEnrolmentMethod } from '@asah/contracts/enrolments';
import { BULK_MAX, BULK_OUTCOMES, ZBulkEnrolRequest } from '@asah/contracts/enrolments';
import { checkNip, normaliseNip } from '@asah/contracts/nip';
import type { TRole } from '@asah/contracts/roles';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { lockCohort } from '../cohorts/cohort-seats';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseAccessService } from '../courses/course-access.service';
import { Course } from '../courses/course.entity';
import { notify } from '../notifications/notify';
import { cohortRequired, courseSettings, requiresCohort, resolveDeadline } from './enrolment-context';
import { NipLine } from './nip-list';
import { place, PlacementOutcome } from './placement';

type BulkInput = ReturnType<typeof ZBulkEnrolRequest.parse>;

/** Where an admin enrols people, resolved and locked for the transaction. */
export interface AdminTarget {
  course: Course;
  cohort: Cohort | null;
  /** Whose employees may be enrolled; null: any agency's (platform admin, platform-wide course and cohort). */
  agencyId: string | null;
  deadline: string | null;
}

interface Person {
  id: string;
  name: string;
  nip: string | null;
  agency_id: string | null;
  active: boolean;
  roles: TRole[];
}

/** A person the request named, before placement: resolved to an employee, or refused with an outcome. */
interface Named {
  line: number | null;
  nip: string | null;
  person: Person | null;
  outcome: TBulkOutcome | null;
}

const MESSAGES: Record<TBulkOutcome, string> = {
  enrolled: 'Enrolled',
  waitlisted: 'The cohort is full: on the waitlist',
  already_enrolled: 'Already enrolled; nothing changed',
  invalid_nip: 'Not a valid NIP',
  unknown_nip: 'No employee of this agency has this NIP',
  duplicate: 'Listed earlier',
  inactive: 'The account is deactivated',
  not_learner: 'The account has no learner role',
  enrolled_elsewhere: 'Enrolled in another cohort of this course, or completed it',
};

const PLACED: Record<PlacementOutcome, TBulkOutcome> = {
  enrolled: 'enrolled',
  waitlisted: 'waitlisted',
  already_enrolled: 'already_enrolled',
  enrolled_elsewhere: 'enrolled_elsewhere',
};

/**
 * Admin enrolment in bulk: by organisation criteria (unit with sub-units, position, position type,
 * employment type), by user ids, by NIPs pasted or uploaded, and by saved rules (which call
 * `enrolMatching`). One transaction per request with the cohort locked: either the report's
 * enrolments all happen, or (COHORT_FULL, a deadline in the past, a closed course) none does.
 */
@Injectable()
export class BulkEnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
  ) {}

  async bulk(actor: Actor, courseId: string, input: BulkInput): Promise<TBulkEnrolReport> {
    return this.run(async (tx) => {
      const target = await this.target(tx, actor, courseId, input.cohortId ?? null, input.deadline ?? null);
      let named: Named[];
      let method: TEnrolmentMethod = 'bulk';
      if (input.by === 'criteria') named = await this.matching(tx, target, input.criteria);
      else if (input.by === 'users') {
        named = await this.byUsers(tx, target, input.userIds);
        method = 'admin';
      } else named = await this.byNips(tx, target, input.nips.map((nip, i) => ({ line: i + 1, nip })));
      return this.enrol(tx, actor, target, named, { method, dryRun: input.dryRun });
    });
  }

  async bulkCsv(actor: Actor, courseId: string, fields: { cohortId?: string; deadline?: string; dryRun?: boolean }, lines: NipLine[]): Promise<TBulkEnrolReport> {
    return this.run(async (tx) => {
      const target = await this.target(tx, actor, courseId, fields.cohortId ?? null, fields.deadline ?? null);
      const named = await this.byNips(tx, target, lines);
      return this.enrol(tx, actor, target, named, { method: 'bulk', dryRun: fields.dryRun ?? false });
    });
  }

  /**
   * Resolves and checks where an admin enrols: a published course the actor reaches, a cohort of it
   * open to the actor's agency (locked), whose employees, and the deadline (not in the past).
   */
  async target(tx: EntityManager, actor: Actor, courseId: string, cohortId: string | null, deadline: string | null): Promise<AdminTarget> {
    const { course } = await this.courses.readable(actor, courseId, tx);
    if (course.status !== 'published') throw new DomainError('COURSE_NOT_PUBLISHED', 'Publish the course before enrolling people');
    let cohort: Cohort | null = null;
    if (cohortId) {
      cohort = await lockCohort(tx, cohortId);
      if (!cohort || cohort.courseId !== course.id || (!isPlatformAdmin(actor) && cohort.agencyId !== null && cohort.agencyId !== actor.agencyId)) throw notFound('Cohort');
    }
    const agencyId = course.agencyId ?? cohort?.agencyId ?? (isPlatformAdmin(actor) ? null : actor.agencyId);
    if (!cohort && (await requiresCohort(tx, course.id, agencyId))) throw cohortRequired();
    const settings = await courseSettings(tx, course.id);
    return { course, cohort, agencyId, deadline: resolveDeadline(cohort, settings, deadline, jakartaDay()) };
  }

  /** Active learners matching every criterion, within the target's agency (or the criteria's, for platform admins). */
  async matching(tx: EntityManager, target: AdminTarget, criteria: TEnrolmentCriteria): Promise<Named[]> {
    const agencyId = target.agencyId ?? (await this.criteriaAgency(tx, criteria));
    await this.assertCriteriaInAgency(tx, agencyId, criteria);
    const p = new Params();
    const where = [`u.agency_id = ${p.add(agencyId)}`, 'u.active', `'learner' = ANY(u.roles)`];
    if (criteria.unitId) {
      const unit = p.add(criteria.unitId);
      where.push(
        criteria.includeSubunits
          ? `u.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = ${unit} UNION ALL SELECT k.id FROM units k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub)`
          : `u.unit_id = ${unit}`,
      );
    }
    if (criteria.positionId) where.push(`u.position_id = ${p.add(criteria.positionId)}`);
    if (criteria.positionType) where.push(`u.position_id IN (SELECT id FROM positions WHERE type = ${p.add(criteria.positionType)})`);
    if (criteria.employmentType) where.push(`u.employment_type = ${p.add(criteria.employmentType)}`);
    const people: Person[] = await tx.query(
      `SELECT u.id, u.name, u.nip, u.agency_id, u.active, u.roles FROM users u WHERE ${where.join(' AND ')} ORDER BY u.name, u.id LIMIT ${p.add(BULK_MAX + 1)}`,
      p.values,
    );
    if (people.length > BULK_MAX) {
      throw new DomainError('VALIDATION_FAILED', `More than ${BULK_MAX} people match; narrow the selection`, [
        { field: 'criteria', code: 'TOO_MANY', message: `More than ${BULK_MAX} people match; narrow the selection` },
      ]);
    }
    return people.map((person) => ({ line: null, nip: person.nip, person, outcome: null }));
  }

  /**
   * Places the named people and writes the report. Refusals (unknown NIPs...) are reported, never
   * enrolled; everyone else is placed in one go.
   */
  async enrol(tx: EntityManager, actor: Actor, target: AdminTarget, named: Named[], options: { method: TEnrolmentMethod; dryRun: boolean; ruleId?: string }): Promise<TBulkEnrolReport> {
    const candidates = named.filter((n) => n.outcome === null).map((n) => n.person!.id);
    const placements = await place(tx, { courseId: target.course.id, cohort: target.cohort, deadline: target.deadline }, candidates, {
      method: options.method,
      needsApproval: false,
      requestedBy: actor.userId,
      ruleId: options.ruleId ?? null,
      dryRun: options.dryRun,
    });
    if (!options.dryRun) {
      const cohort = target.cohort ? { cohortId: target.cohort.id, cohortName: target.cohort.name } : {};
      await notify(
        tx,
        'enrolled',
        placements
          .filter((pl) => pl.enrolmentId && (pl.outcome === 'enrolled' || pl.outcome === 'waitlisted'))
          .map((pl) => ({ userId: pl.userId, data: { courseId: target.course.id, courseTitle: target.course.title, enrolmentId: pl.enrolmentId!, status: pl.status!, ...cohort } })),
      );
    }
    const byUser = new Map(placements.map((pl) => [pl.userId, pl]));
    const rows: TBulkEnrolRow[] = named.map((n) => {
      const placement = n.outcome === null ? byUser.get(n.person!.id) : undefined;
      const outcome = n.outcome ?? PLACED[placement!.outcome];
      return {
        line: n.line,
        nip: n.nip,
        userId: n.person?.id ?? null,
        name: n.person?.name ?? null,
        outcome,
        message: MESSAGES[outcome],
        enrolmentId: placement?.enrolmentId ?? null,
      };
    });
    const counts = Object.fromEntries(BULK_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length])) as Record<TBulkOutcome, number>;
    return { dryRun: options.dryRun, counts, rows };
  }

  private async byUsers(tx: EntityManager, target: AdminTarget, userIds: string[]): Promise<Named[]> {
    const people: Person[] = await tx.query(`SELECT id, name, nip, agency_id, active, roles FROM users WHERE id = ANY($1)`, [userIds]);
    const byId = new Map(people.filter((u) => u.agency_id !== null && (target.agencyId === null || u.agency_id === target.agencyId)).map((u) => [u.id, u]));
    const problems = userIds.flatMap((id, i) => (byId.has(id) ? [] : [{ field: `userIds.${i}`, code: 'USER_UNKNOWN', message: 'No employee of this agency has this id' }]));
    if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
    return userIds.map((id) => {
      const person = byId.get(id)!;
      return { line: null, nip: person.nip, person, outcome: refusal(person) };
    });
  }

  /** NIPs in the order given; another agency's employee is reported exactly like an unknown NIP. */
  private async byNips(tx: EntityManager, target: AdminTarget, lines: NipLine[]): Promise<Named[]> {
    const normalised = lines.map((l) => normaliseNip(l.nip));
    const valid = normalised.filter((n) => checkNip(n).ok);
    const people: Person[] = valid.length
      ? await tx.query(`SELECT id, name, nip, agency_id, active, roles FROM users WHERE nip = ANY($1) AND ($2::uuid IS NULL OR agency_id = $2) AND agency_id IS NOT NULL`, [
          valid,
          target.agencyId,
        ])
      : [];
    const byNip = new Map(people.map((u) => [u.nip!, u]));
    const seen = new Set<string>();
    return lines.map((l, i) => {
      const nip = normalised[i];
      if (!checkNip(nip).ok) return { line: l.line, nip: l.nip, person: null, outcome: 'invalid_nip' };
      if (seen.has(nip)) return { line: l.line, nip, person: byNip.get(nip) ?? null, outcome: 'duplicate' };
      seen.add(nip);
      const person = byNip.get(nip);
      if (!person) return { line: l.line, nip, person: null, outcome: 'unknown_nip' };
      return { line: l.line, nip, person, outcome: refusal(person) };
    });
  }

  private async criteriaAgency(tx: EntityManager, criteria: TEnrolmentCriteria): Promise<string> {
    const [row] = await tx.query(
      `SELECT coalesce((SELECT agency_id FROM units WHERE id = $1), (SELECT agency_id FROM positions WHERE id = $2)) AS agency_id`,
      [criteria.unitId, criteria.positionId],
    );
    if (row?.agency_id) return row.agency_id;
    throw new DomainError('VALIDATION_FAILED', 'criteria: choose a unit or a position, which names the agency whose employees are meant', [
      { field: 'criteria.unitId', code: 'AGENCY_UNKNOWN', message: 'Choose a unit or a position of the agency' },
    ]);
  }

  private async assertCriteriaInAgency(tx: EntityManager, agencyId: string, criteria: TEnrolmentCriteria): Promise<void> {
    const problems = [];
    if (criteria.unitId && !(await tx.query(`SELECT 1 FROM units WHERE id = $1 AND agency_id = $2`, [criteria.unitId, agencyId])).length) {
      problems.push({ field: 'criteria.unitId', code: 'UNIT_UNKNOWN', message: 'Unit not found in this agency' });
    }
    if (criteria.positionId && !(await tx.query(`SELECT 1 FROM positions WHERE id = $1 AND agency_id = $2`, [criteria.positionId, agencyId])).length) {
      problems.push({ field: 'criteria.positionId', code: 'POSITION_UNKNOWN', message: 'Position not found in this agency' });
    }
    if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
  }

  private async run(work: (tx: EntityManager) => Promise<TBulkEnrolReport>): Promise<TBulkEnrolReport> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      // Someone enrolled one of these people in another cohort between our read and our write: nothing was written.
      if (uniqueViolation(error)) throw new DomainError('CONFLICT', 'Enrolments changed during the request; nothing was enrolled. Try again.');
      throw error;
    }
  }
}

function refusal(person: Person): TBulkOutcome | null {
  if (!person.active) return 'inactive';
  if (!person.roles.includes('learner')) return 'not_learner';
  return null;
}
