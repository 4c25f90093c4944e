import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type {
  TCreatePlanRequest,
  TCreateProgramRequest,
  TDevelopmentProgram,
  TPlanAction,
  TPlanActionRequest,
  TPlanDetail,
  TPlanList,
  TPlanListQuery,
  TPlanSummary,
  TProgramCohortRequest,
  TProgramCohortResult,
  TUpdatePlanRequest,
  TUpdateProgramRequest,
} from '@asah/contracts/competency';
import { ZCreateCohortRequest } from '@asah/contracts/cohorts';
import { ZBulkEnrolRequest } from '@asah/contracts/enrolments';
import {
  allowedPlanActions,
  nextPlanStatus,
  planTotals,
  validatePlanForSubmission,
  validateProgram,
  type DevelopmentProgram as RuleProgram,
} from '@asah/competency/development-plan';
import { CompetencyError } from '@asah/competency/errors';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { CohortsService } from '../cohorts/cohorts.service';
import { BulkEnrolmentService } from '../enrolments/bulk-enrolment.service';
import { invalid, loadDictionary, loadSettings } from './competency-context';
import { DevelopmentPlan } from './development-plan.entity';
import { DevelopmentProgram } from './development-program.entity';
import { NeedsService } from './needs.service';

const toRule = (p: DevelopmentProgram): RuleProgram => ({
  id: p.id,
  competencyCode: p.competencyCode,
  route: p.route,
  form: p.form,
  provider: p.provider,
  schedule: { start: p.startsOn, end: p.endsOn },
  targetEmployeeIds: p.targetEmployeeIds,
  jpPerPerson: Number(p.jpPerPerson),
  budget: Number(p.budget),
});

const FIELD: Record<string, string> = { schedule: 'endsOn', targetEmployeeIds: 'targetEmployeeIds' };

/**
 * Rencana Pengembangan Kompetensi: one plan per agency and year, drafted and submitted by HR staff
 * (agency admins), approved or rejected by the head of agency (the settings name them; without a
 * head any agency admin may decide). Status rules and totals come from @asah/competency.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly needs: NeedsService,
    private readonly cohorts: CohortsService,
    private readonly bulk: BulkEnrolmentService,
  ) {}

  async list(actor: Actor, query: TPlanListQuery): Promise<TPlanList> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const plans = await this.db.getRepository(DevelopmentPlan).find({ where: { agencyId, ...(query.year ? { year: query.year } : {}) }, order: { year: 'DESC' } });
    const programs = plans.length ? await this.db.getRepository(DevelopmentProgram).findBy({ planId: In(plans.map((p) => p.id)) }) : [];
    return { items: await Promise.all(plans.map((p) => this.summary(this.db.manager, p, programs.filter((x) => x.planId === p.id)))) };
  }

  async create(actor: Actor, input: TCreatePlanRequest): Promise<TPlanDetail> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    try {
      const saved = await this.db.getRepository(DevelopmentPlan).save({ agencyId, year: input.year, title: input.title, status: 'draft' as const });
      return this.get(actor, saved.id);
    } catch (error) {
      if (uniqueViolation(error)) throw new DomainError('PLAN_EXISTS', `The agency already has a plan for ${input.year}`, [{ field: 'year', code: 'PLAN_EXISTS', message: 'A plan for this year exists' }]);
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<TPlanDetail> {
    const plan = await this.plan(this.db.manager, actor, id);
    return this.detail(this.db.manager, actor, plan);
  }

  async update(actor: Actor, id: string, input: TUpdatePlanRequest): Promise<TPlanDetail> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plan(tx, actor, id, true);
      this.assertDraft(plan);
      await tx.update(DevelopmentPlan, { id }, { title: input.title });
    });
    return this.get(actor, id);
  }

  async act(actor: Actor, id: string, input: TPlanActionRequest): Promise<TPlanDetail> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plan(tx, actor, id, true);
      if (!(await this.mayTake(tx, actor, plan, input.action))) {
        throw new DomainError('NOT_APPROVER', 'Only the head of agency named in the competency settings decides the plan');
      }
      let status;
      try {
        status = nextPlanStatus(plan.status, input.action);
      } catch (error) {
        if (error instanceof CompetencyError) throw new DomainError('PLAN_TRANSITION_INVALID', error.message, error.details);
        throw error;
      }
      if (input.action === 'submit') {
        const programs = await tx.findBy(DevelopmentProgram, { planId: plan.id });
        const dictionary = await loadDictionary(tx, plan.agencyId);
        const problems = validatePlanForSubmission(programs.map(toRule), { knownCompetencyCodes: new Set(dictionary.byCode.keys()) });
        if (problems.length) {
          throw invalid(problems.map((p) => ({ field: p.programId ? `programs.${p.programId}.${FIELD[p.field ?? ''] ?? p.field}` : 'programs', code: p.code, message: p.message })));
        }
        await tx.update(DevelopmentPlan, { id }, { status, submittedAt: new Date(), submittedBy: actor.userId, decidedAt: null, decidedBy: null, decisionNote: null });
      } else if (input.action === 'approve' || input.action === 'reject') {
        await tx.update(DevelopmentPlan, { id }, { status, decidedAt: new Date(), decidedBy: actor.userId, decisionNote: input.note ?? null });
      } else {
        await tx.update(DevelopmentPlan, { id }, { status });
      }
    });
    return this.get(actor, id);
  }

  async addProgram(actor: Actor, planId: string, input: TCreateProgramRequest): Promise<TPlanDetail> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plan(tx, actor, planId, true);
      this.assertDraft(plan);
      const code = input.competencyCode.toUpperCase();
      let targets = [...(input.targetEmployeeIds ?? [])];
      if (input.fromCell) {
        const [unit] = await tx.query(`SELECT 1 FROM units WHERE id = $1 AND agency_id = $2`, [input.fromCell.unitId, plan.agencyId]);
        if (!unit) throw invalid([{ field: 'fromCell.unitId', code: 'UNIT_UNKNOWN', message: 'Unit not found in this agency' }]);
        const dictionary = await loadDictionary(tx, plan.agencyId);
        if (dictionary.byCode.has(code)) {
          const fromCell = await this.needs.employeesNeeding(tx, plan.agencyId, input.fromCell.unitId, input.fromCell.includeSubunits ?? true, code);
          targets = [...new Set([...targets, ...fromCell])];
        }
      }
      const values = { ...input, competencyCode: code, targetEmployeeIds: targets };
      await this.checkProgram(tx, plan.agencyId, values);
      await tx.insert(DevelopmentProgram, this.row(plan.id, values));
    });
    return this.get(actor, planId);
  }

  async updateProgram(actor: Actor, planId: string, programId: string, input: TUpdateProgramRequest): Promise<TPlanDetail> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plan(tx, actor, planId, true);
      this.assertDraft(plan);
      const program = await tx.findOneBy(DevelopmentProgram, { id: programId, planId });
      if (!program) throw notFound('Program');
      const values = {
        title: input.title ?? program.title,
        competencyCode: (input.competencyCode ?? program.competencyCode).toUpperCase(),
        route: input.route ?? program.route,
        form: input.form ?? program.form,
        provider: input.provider ?? program.provider,
        startsOn: input.startsOn ?? program.startsOn,
        endsOn: input.endsOn ?? program.endsOn,
        jpPerPerson: input.jpPerPerson ?? Number(program.jpPerPerson),
        budget: input.budget ?? Number(program.budget),
        targetEmployeeIds: input.targetEmployeeIds ?? program.targetEmployeeIds,
      };
      await this.checkProgram(tx, plan.agencyId, values);
      await tx.update(DevelopmentProgram, { id: programId }, this.row(planId, values));
    });
    return this.get(actor, planId);
  }

  async removeProgram(actor: Actor, planId: string, programId: string): Promise<TPlanDetail> {
    await this.db.transaction(async (tx) => {
      const plan = await this.plan(tx, actor, planId, true);
      this.assertDraft(plan);
      const result = await tx.delete(DevelopmentProgram, { id: programId, planId });
      if (!result.affected) throw notFound('Program');
    });
    return this.get(actor, planId);
  }

  /**
   * An approved plan's program becomes a cohort of a course with its target employees enrolled, through
   * the cohorts and bulk-enrolment services (their rules, seats and notifications apply). The cohort is
   * removed again if the enrolment is refused, so nothing is left half-done.
   */
  async toCohort(actor: Actor, planId: string, programId: string, input: TProgramCohortRequest): Promise<TProgramCohortResult> {
    const plan = await this.plan(this.db.manager, actor, planId);
    if (plan.status !== 'approved') throw new DomainError('PLAN_NOT_APPROVED', 'Only programs of an approved plan become cohorts');
    const program = await this.db.manager.findOneBy(DevelopmentProgram, { id: programId, planId });
    if (!program) throw notFound('Program');
    if (program.cohortId) throw new DomainError('PROGRAM_HAS_COHORT', 'The program has a cohort already');
    const cohort = await this.cohorts.create(
      actor,
      input.courseId,
      ZCreateCohortRequest.parse({
        ...(isPlatformAdmin(actor) ? { agencyId: plan.agencyId } : {}),
        name: input.name ?? program.title,
        startsOn: program.startsOn,
        endsOn: program.endsOn,
        capacity: input.capacity === undefined ? Math.max(1, program.targetEmployeeIds.length) : input.capacity,
      }),
    );
    try {
      const report = program.targetEmployeeIds.length
        ? await this.bulk.bulk(actor, input.courseId, ZBulkEnrolRequest.parse({ by: 'users', userIds: program.targetEmployeeIds, cohortId: cohort.id }) as never)
        : { rows: [] as { userId: string | null; outcome: string; message: string }[] };
      const claimed = await this.db.query(`UPDATE development_programs SET cohort_id = $1, updated_at = now() WHERE id = $2 AND cohort_id IS NULL RETURNING id`, [cohort.id, program.id]);
      if (!claimed.length) throw new DomainError('PROGRAM_HAS_COHORT', 'The program has a cohort already');
      const rows = report.rows as { userId: string | null; outcome: string; message: string }[];
      return {
        cohortId: cohort.id,
        enrolled: rows.filter((r) => r.outcome === 'enrolled' || r.outcome === 'waitlisted').length,
        skipped: rows.filter((r) => r.outcome !== 'enrolled' && r.outcome !== 'waitlisted' && r.userId).map((r) => ({ userId: r.userId!, reason: r.outcome })),
      };
    } catch (error) {
      await this.cohorts.remove(actor, cohort.id).catch(() => undefined);
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------------

  private row(planId: string, v: Omit<TUpdateProgramRequest, 'targetEmployeeIds'> & { targetEmployeeIds: string[] } & Record<string, unknown>) {
    return {
      planId,
      title: v.title!,
      competencyCode: v.competencyCode!,
      route: v.route!,
      form: v.form!,
      provider: v.provider!,
      startsOn: v.startsOn!,
      endsOn: v.endsOn!,
      jpPerPerson: String(v.jpPerPerson),
      budget: String(v.budget),
      targetEmployeeIds: v.targetEmployeeIds,
    };
  }

  private async checkProgram(tx: EntityManager, agencyId: string, v: { competencyCode: string; route: never | string; form: string; provider: string; startsOn: string; endsOn: string; jpPerPerson: number; budget: number; targetEmployeeIds: string[] }) {
    const dictionary = await loadDictionary(tx, agencyId);
    const problems = validateProgram(
      { id: 'new', competencyCode: v.competencyCode, route: v.route as never, form: v.form, provider: v.provider, schedule: { start: v.startsOn, end: v.endsOn }, targetEmployeeIds: v.targetEmployeeIds, jpPerPerson: v.jpPerPerson, budget: v.budget },
      { knownCompetencyCodes: new Set(dictionary.byCode.keys()) },
    )
      // A draft may target nobody yet; submitting checks it.
      .filter((p) => p.code !== 'TARGETS_EMPTY')
      .map((p): { field: string; code: string; message: string } => ({ field: FIELD[p.field ?? ''] ?? p.field ?? 'program', code: p.code, message: p.message }));
    if (v.targetEmployeeIds.length) {
      const found: { id: string }[] = await tx.query(`SELECT id FROM users WHERE id = ANY($1) AND agency_id = $2`, [v.targetEmployeeIds, agencyId]);
      const known = new Set(found.map((f) => f.id));
      v.targetEmployeeIds.forEach((id, i) => {
        if (!known.has(id)) problems.push({ field: `targetEmployeeIds.${i}`, code: 'USER_UNKNOWN', message: 'No employee of this agency has this id' });
      });
    }
    if (problems.length) throw invalid(problems);
  }

  private assertDraft(plan: DevelopmentPlan) {
    if (plan.status !== 'draft') throw new DomainError('PLAN_NOT_EDITABLE', `The plan is ${plan.status}; only drafts change`);
  }

  private async plan(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<DevelopmentPlan> {
    const plan = lock
      ? await manager.getRepository(DevelopmentPlan).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne()
      : await manager.findOneBy(DevelopmentPlan, { id });
    if (!plan || (!isPlatformAdmin(actor) && plan.agencyId !== actor.agencyId)) throw notFound('Plan');
    return plan;
  }

  /** Deciding belongs to the head of agency when one is named; platform admins may always. */
  private async mayTake(manager: EntityManager, actor: Actor, plan: DevelopmentPlan, action: TPlanAction): Promise<boolean> {
    if (action !== 'approve' && action !== 'reject') return true;
    if (isPlatformAdmin(actor)) return true;
    const settings = await loadSettings(manager, plan.agencyId);
    return settings.headUserId === null || settings.headUserId === actor.userId;
  }

  private async summary(manager: EntityManager, plan: DevelopmentPlan, programs: DevelopmentProgram[]): Promise<TPlanSummary> {
    const totals = planTotals(programs.map(toRule));
    const ids = [plan.submittedBy, plan.decidedBy].filter((x): x is string => !!x);
    const people: { id: string; name: string; nip: string | null }[] = ids.length ? await manager.query(`SELECT id, name, nip FROM users WHERE id = ANY($1)`, [ids]) : [];
    const person = (id: string | null) => (id ? (people.find((p) => p.id === id) ?? null) : null);
    return {
      id: plan.id,
      agencyId: plan.agencyId,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      totals: { programs: totals.programs, personJp: totals.personJp, budget: totals.budget, people: totals.people, byRoute: totals.byRoute },
      submittedAt: plan.submittedAt?.toISOString() ?? null,
      submittedBy: person(plan.submittedBy),
      decidedAt: plan.decidedAt?.toISOString() ?? null,
      decidedBy: person(plan.decidedBy),
      decisionNote: plan.decisionNote,
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    };
  }

  private async detail(manager: EntityManager, actor: Actor, plan: DevelopmentPlan): Promise<TPlanDetail> {
    const programs = await manager.getRepository(DevelopmentProgram).find({ where: { planId: plan.id }, order: { startsOn: 'ASC', createdAt: 'ASC' } });
    const dictionary = await loadDictionary(manager, plan.agencyId);
    const userIds = [...new Set(programs.flatMap((p) => p.targetEmployeeIds))];
    const people: { id: string; name: string; nip: string | null }[] = userIds.length ? await manager.query(`SELECT id, name, nip FROM users WHERE id = ANY($1) ORDER BY name`, [userIds]) : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const cohortIds = programs.map((p) => p.cohortId).filter((x): x is string => !!x);
    const cohorts: { id: string; name: string; course_id: string; title: string }[] = cohortIds.length
      ? await manager.query(`SELECT c.id, c.name, c.course_id, co.title FROM cohorts c JOIN courses co ON co.id = c.course_id WHERE c.id = ANY($1)`, [cohortIds])
      : [];
    const actions: TPlanAction[] = [];
    for (const a of allowedPlanActions(plan.status)) if (await this.mayTake(manager, actor, plan, a)) actions.push(a);
    return {
      ...(await this.summary(manager, plan, programs)),
      programs: programs.map((p): TDevelopmentProgram => {
        const c = dictionary.byCode.get(p.competencyCode);
        const cohort = cohorts.find((x) => x.id === p.cohortId);
        return {
          id: p.id,
          planId: p.planId,
          title: p.title,
          competency: c ? { code: c.code, name: c.name, group: c.group } : { code: p.competencyCode, name: p.competencyCode, group: 'teknis' },
          route: p.route,
          form: p.form,
          provider: p.provider,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          jpPerPerson: Number(p.jpPerPerson),
          budget: Number(p.budget),
          targetEmployees: p.targetEmployeeIds.map((id) => byId.get(id) ?? { id, name: '?', nip: null }),
          cohort: cohort ? { id: cohort.id, name: cohort.name, courseId: cohort.course_id, courseTitle: cohort.title } : null,
        };
      }),
      allowedActions: actions,
      editable: plan.status === 'draft',
    };
  }
}
