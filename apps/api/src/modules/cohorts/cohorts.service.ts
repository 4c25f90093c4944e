import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { TCohort, TCohortList, TUpdateCohortRequest } from '@asah/contracts/cohorts';
import { cohortDateProblems, ZCreateCohortRequest } from '@asah/contracts/cohorts';
import type { TFieldError } from '@asah/contracts/errors';
import { Actor, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { Agency } from '../agencies/agency.entity';
import { CourseAccessService } from '../courses/course-access.service';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';
import { CohortInstructor } from './cohort-instructor.entity';
import { lockCohort, promoteWaitlisted, seatsTaken } from './cohort-seats';
import { cohortState, seatsLeft } from './cohort-state';
import { CohortRecord, loadCohorts } from './cohort-view';
import { Cohort } from './cohort.entity';

type CreateInput = ReturnType<typeof ZCreateCohortRequest.parse>;

const invalid = (problems: TFieldError[]) => new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);

/**
 * Cohorts (angkatan). Reach follows the course (CourseAccessService) and the cohort's agency: admins
 * manage their agency's cohorts, including the ones they run on a platform-wide course; platform
 * admins manage every cohort; instructors who reach the course read its cohorts.
 */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
  ) {}

  async list(actor: Actor, courseId: string): Promise<TCohortList> {
    await this.courses.readable(actor, courseId);
    const rows = await loadCohorts(this.db.manager, { courseIds: [courseId], openTo: isPlatformAdmin(actor) ? undefined : actor.agencyId });
    return { items: rows.map((r) => this.toDto(actor, r)) };
  }

  async get(actor: Actor, id: string): Promise<TCohort> {
    const cohort = await this.db.manager.findOneBy(Cohort, { id });
    if (!cohort) throw notFound('Cohort');
    await this.visible(this.db.manager, actor, cohort);
    return this.read(actor, id);
  }

  async create(actor: Actor, courseId: string, input: CreateInput): Promise<TCohort> {
    const { course } = await this.courses.readable(actor, courseId);
    if (course.status === 'archived') throw new DomainError('COURSE_ARCHIVED', 'The course is archived; un-archive it to plan cohorts');
    const agencyId = await this.cohortAgency(actor, course, input.agencyId);
    const today = jakartaDay();
    if (input.deadline && input.deadline < today) throw deadlinePassed(input.deadline);
    const id = await this.db.transaction(async (tx) => {
      await this.assertInstructors(tx, agencyId, input.instructorIds);
      const saved = await tx.getRepository(Cohort).save({
        courseId: course.id,
        agencyId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        capacity: input.capacity,
        waitlistEnabled: input.waitlistEnabled,
        enrolmentOpensAt: input.enrolmentOpensAt ? new Date(input.enrolmentOpensAt) : null,
        enrolmentClosesAt: input.enrolmentClosesAt ? new Date(input.enrolmentClosesAt) : null,
        deadline: input.deadline,
        enrolmentPolicy: input.enrolmentPolicy,
        createdBy: actor.userId,
      });
      if (input.instructorIds.length) await tx.insert(CohortInstructor, input.instructorIds.map((userId) => ({ cohortId: saved.id, userId })));
      return saved.id;
    });
    return this.read(actor, id);
  }

  /**
   * Changes a cohort under its lock. More seats (or none) promote the waitlist at once; fewer seats
   * than are taken are refused.
   */
  async update(actor: Actor, id: string, input: TUpdateCohortRequest): Promise<TCohort> {
    await this.db.transaction(async (tx) => {
      const cohort = await lockCohort(tx, id);
      if (!cohort) throw notFound('Cohort');
      await this.manageable(tx, actor, cohort);
      const merged = {
        startsOn: input.startsOn ?? cohort.startsOn,
        endsOn: input.endsOn ?? cohort.endsOn,
        enrolmentOpensAt: input.enrolmentOpensAt !== undefined ? input.enrolmentOpensAt : (cohort.enrolmentOpensAt?.toISOString() ?? null),
        enrolmentClosesAt: input.enrolmentClosesAt !== undefined ? input.enrolmentClosesAt : (cohort.enrolmentClosesAt?.toISOString() ?? null),
        deadline: input.deadline !== undefined ? input.deadline : cohort.deadline,
      };
      const problems = cohortDateProblems(merged);
      if (input.capacity !== undefined && input.capacity !== null) {
        const taken = await seatsTaken(tx, cohort.id);
        if (input.capacity < taken) problems.push({ field: 'capacity', code: 'CAPACITY_BELOW_SEATS', message: `${taken} seats are taken; the capacity cannot be lower` });
      }
      if (problems.length) throw invalid(problems);
      if (input.deadline && input.deadline !== cohort.deadline && input.deadline < jakartaDay()) throw deadlinePassed(input.deadline);
      if (input.instructorIds) {
        await this.assertInstructors(tx, cohort.agencyId, input.instructorIds);
        await tx.delete(CohortInstructor, { cohortId: cohort.id });
        if (input.instructorIds.length) await tx.insert(CohortInstructor, input.instructorIds.map((userId) => ({ cohortId: cohort.id, userId })));
      }
      const { instructorIds: _ignored, ...fields } = input;
      Object.assign(cohort, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      if (input.enrolmentOpensAt !== undefined) cohort.enrolmentOpensAt = input.enrolmentOpensAt ? new Date(input.enrolmentOpensAt) : null;
      if (input.enrolmentClosesAt !== undefined) cohort.enrolmentClosesAt = input.enrolmentClosesAt ? new Date(input.enrolmentClosesAt) : null;
      cohort.updatedAt = new Date();
      await tx.getRepository(Cohort).save(cohort);
      await promoteWaitlisted(tx, cohort, jakartaDay());
    });
    return this.read(actor, id);
  }

  /** Only a cohort nobody was ever enrolled in (records are kept, so COHORT_NOT_EMPTY otherwise). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const cohort = await lockCohort(tx, id);
      if (!cohort) throw notFound('Cohort');
      await this.manageable(tx, actor, cohort);
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM enrolments WHERE cohort_id = $1`, [id]);
      if (n > 0) throw new DomainError('COHORT_NOT_EMPTY', `The cohort has ${n} enrolment records; it cannot be deleted`, { enrolments: n });
      await tx.delete(Cohort, { id });
    });
  }

  /** 404 unless the actor reaches the course and the cohort is of their agency or a platform cohort. */
  async visible(manager: EntityManager, actor: Actor, cohort: Cohort): Promise<void> {
    await this.courses.readable(actor, cohort.courseId, manager);
    if (!isPlatformAdmin(actor) && cohort.agencyId !== null && cohort.agencyId !== actor.agencyId) throw notFound('Cohort');
  }

  /** Visible, and the actor is a platform admin or an admin of the cohort's agency (403 otherwise). */
  private async manageable(manager: EntityManager, actor: Actor, cohort: Cohort): Promise<void> {
    await this.visible(manager, actor, cohort);
    if (!this.canManage(actor, cohort)) throw new DomainError('FORBIDDEN', 'Only the admins of the agency running this cohort may change it');
  }

  private canManage(actor: Actor, cohort: { agencyId: string | null }): boolean {
    return isPlatformAdmin(actor) || (actor.roles.includes('agency_admin') && cohort.agencyId !== null && cohort.agencyId === actor.agencyId);
  }

  /**
   * The agency running a new cohort: an agency course's own; on a platform-wide course, the agency
   * admin's own, or for platform admins the agency they name (or none: a platform cohort).
   */
  private async cohortAgency(actor: Actor, course: Course, requested: string | undefined): Promise<string | null> {
    if (course.agencyId !== null) {
      if (requested && requested !== course.agencyId) {
        if (!isPlatformAdmin(actor)) throw notFound('Agency');
        throw invalid([{ field: 'agencyId', code: 'AGENCY_MISMATCH', message: 'A cohort of an agency course belongs to that agency' }]);
      }
      if (!this.canManage(actor, { agencyId: course.agencyId })) throw new DomainError('FORBIDDEN', 'Only admins plan cohorts');
      return course.agencyId;
    }
    if (!isPlatformAdmin(actor)) return scopeAgency(actor, requested, true);
    if (!requested) return null;
    if (!(await this.db.manager.existsBy(Agency, { id: requested }))) throw notFound('Agency');
    return requested;
  }

  private async assertInstructors(manager: EntityManager, agencyId: string | null, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const users = await manager.find(User, { where: { id: In(ids), active: true, ...(agencyId ? { agencyId } : {}) }, select: { id: true, roles: true } });
    const ok = new Set(users.filter((u) => u.roles.includes('instructor')).map((u) => u.id));
    const problems = ids.flatMap((id, i) => (ok.has(id) ? [] : [{ field: `instructorIds.${i}`, code: 'INSTRUCTOR_INVALID', message: "Not an active instructor of the cohort's agency" }]));
    if (problems.length) throw invalid(problems);
  }

  private async read(actor: Actor, id: string): Promise<TCohort> {
    const [row] = await loadCohorts(this.db.manager, { ids: [id] });
    return this.toDto(actor, row);
  }

  private toDto(actor: Actor, r: CohortRecord): TCohort {
    const now = new Date();
    const manage = this.canManage(actor, r);
    return {
      id: r.id,
      courseId: r.courseId,
      agencyId: r.agencyId,
      name: r.name,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      capacity: r.capacity,
      waitlistEnabled: r.waitlistEnabled,
      enrolmentOpensAt: r.enrolmentOpensAt?.toISOString() ?? null,
      enrolmentClosesAt: r.enrolmentClosesAt?.toISOString() ?? null,
      deadline: r.deadline,
      enrolmentPolicy: r.enrolmentPolicy,
      effectivePolicy: r.enrolmentPolicy ?? r.coursePolicy,
      instructors: r.instructors,
      seatsTaken: r.seatsTaken,
      seatsLeft: seatsLeft(r.capacity, r.seatsTaken),
      waitlistCount: r.waitlistCount,
      state: cohortState(r, r.seatsTaken, now, jakartaDay(now)),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      can: { edit: manage, delete: manage && r.records === 0 },
    };
  }
}

function deadlinePassed(deadline: string): DomainError {
  return new DomainError('DEADLINE_PASSED', `The deadline ${deadline} is in the past`, [{ field: 'deadline', code: 'DEADLINE_PASSED', message: 'The deadline is in the past' }]);
}
