import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TBulkEnrolReport, TEnrolmentRule, TEnrolmentRuleListQuery } from '@asah/contracts/enrolments';
import { ZApplyEnrolmentRuleRequest, ZCreateEnrolmentRuleRequest, ZUpdateEnrolmentRuleRequest } from '@asah/contracts/enrolments';
import { Actor, canSeeAgency, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { likePattern } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { resolveAgency } from '../agencies/agency-scope';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseAccessService } from '../courses/course-access.service';
import { Course } from '../courses/course.entity';
import { BulkEnrolmentService } from './bulk-enrolment.service';
import { EnrolmentRule, RuleResult } from './enrolment-rule.entity';

type CreateInput = ReturnType<typeof ZCreateEnrolmentRuleRequest.parse>;
type UpdateInput = ReturnType<typeof ZUpdateEnrolmentRuleRequest.parse>;
type ApplyInput = ReturnType<typeof ZApplyEnrolmentRuleRequest.parse>;

const invalid = (field: string, code: string, message: string) => new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, code, message }]);

/**
 * Saved enrolment rules ("all Pengawas in Dinas Kesehatan" into a course or cohort) of an agency,
 * applied when an admin asks: the matching people not enrolled yet are enrolled, nobody is removed.
 */
@Injectable()
export class EnrolmentRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
    private readonly bulk: BulkEnrolmentService,
  ) {}

  async list(actor: Actor, query: TEnrolmentRuleListQuery): Promise<TPage<TEnrolmentRule>> {
    const agencyId = scopeAgency(actor, query.agencyId);
    const p = new Params();
    const where: string[] = ['true'];
    if (agencyId) where.push(`r.agency_id = ${p.add(agencyId)}`);
    if (query.courseId) where.push(`r.course_id = ${p.add(query.courseId)}`);
    if (query.q) where.push(`(r.name ILIKE ${p.add(likePattern(query.q))})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM enrolment_rules r WHERE ${sql}`, p.values);
    const rows = await this.db.query(`${RULE_SELECT} WHERE ${sql} ORDER BY r.name, r.id LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`, p.values);
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<TEnrolmentRule> {
    await this.find(this.db.manager, actor, id);
    return this.read(id);
  }

  async create(actor: Actor, input: CreateInput): Promise<TEnrolmentRule> {
    const { course } = await this.courses.readable(actor, input.courseId);
    const agencyId = course.agencyId ?? (await resolveAgency(this.db.manager, actor, input.agencyId));
    if (input.agencyId && input.agencyId !== agencyId) {
      if (!isPlatformAdmin(actor)) throw notFound('Agency');
      throw invalid('agencyId', 'AGENCY_MISMATCH', "A rule of an agency course selects that agency's employees");
    }
    await this.assertCohort(this.db.manager, course, agencyId, input.cohortId);
    await this.assertCriteria(this.db.manager, agencyId, input.criteria);
    this.assertDeadline(input.deadline);
    const saved = await this.db.getRepository(EnrolmentRule).save({
      agencyId,
      name: input.name,
      courseId: course.id,
      cohortId: input.cohortId,
      unitId: input.criteria.unitId,
      includeSubunits: input.criteria.includeSubunits,
      positionId: input.criteria.positionId,
      positionType: input.criteria.positionType,
      employmentType: input.criteria.employmentType,
      deadline: input.deadline,
      createdBy: actor.userId,
    });
    return this.read(saved.id);
  }

  async update(actor: Actor, id: string, input: UpdateInput): Promise<TEnrolmentRule> {
    const rule = await this.find(this.db.manager, actor, id);
    const course = await this.db.manager.findOneByOrFail(Course, { id: rule.courseId });
    if (input.cohortId !== undefined) {
      await this.assertCohort(this.db.manager, course, rule.agencyId, input.cohortId);
      rule.cohortId = input.cohortId;
    }
    if (input.criteria) {
      await this.assertCriteria(this.db.manager, rule.agencyId, input.criteria);
      Object.assign(rule, input.criteria);
    }
    if (input.deadline !== undefined) {
      if (input.deadline !== rule.deadline) this.assertDeadline(input.deadline);
      rule.deadline = input.deadline;
    }
    if (input.name !== undefined) rule.name = input.name;
    await this.db.getRepository(EnrolmentRule).save(rule);
    return this.read(id);
  }

  /** Enrolments the rule made keep their records (their `ruleId` becomes null). */
  async remove(actor: Actor, id: string): Promise<void> {
    const rule = await this.find(this.db.manager, actor, id);
    await this.db.getRepository(EnrolmentRule).delete({ id: rule.id });
  }

  /** Enrols everyone who matches now and is not enrolled yet; `dryRun` only reports. */
  async apply(actor: Actor, id: string, input: ApplyInput): Promise<TBulkEnrolReport> {
    return this.db.transaction(async (tx) => {
      const rule = await this.find(tx, actor, id);
      await tx.query(`SELECT 1 FROM enrolment_rules WHERE id = $1 FOR UPDATE`, [rule.id]);
      const target = { ...(await this.bulk.target(tx, actor, rule.courseId, rule.cohortId, rule.deadline)), agencyId: rule.agencyId };
      const named = await this.bulk.matching(tx, target, {
        unitId: rule.unitId,
        includeSubunits: rule.includeSubunits,
        positionId: rule.positionId,
        positionType: rule.positionType,
        employmentType: rule.employmentType,
      });
      const report = await this.bulk.enrol(tx, actor, target, named, { method: 'rule', dryRun: input.dryRun, ruleId: rule.id });
      if (!input.dryRun) {
        const result: RuleResult = { enrolled: report.counts.enrolled, waitlisted: report.counts.waitlisted, alreadyEnrolled: report.counts.already_enrolled };
        await tx.update(EnrolmentRule, { id: rule.id }, { lastAppliedAt: new Date(), lastAppliedBy: actor.userId, lastResult: result });
      }
      return report;
    });
  }

  private async find(manager: EntityManager, actor: Actor, id: string): Promise<EnrolmentRule> {
    const rule = await manager.findOneBy(EnrolmentRule, { id });
    if (!rule || !canSeeAgency(actor, rule.agencyId)) throw notFound('Enrolment rule');
    return rule;
  }

  private async assertCohort(manager: EntityManager, course: Course, agencyId: string, cohortId: string | null): Promise<void> {
    if (!cohortId) return;
    const cohort = await manager.findOneBy(Cohort, { id: cohortId });
    if (!cohort || cohort.courseId !== course.id || (cohort.agencyId !== null && cohort.agencyId !== agencyId)) {
      throw invalid('cohortId', 'COHORT_UNKNOWN', 'Not a cohort of this course open to this agency');
    }
  }

  private async assertCriteria(manager: EntityManager, agencyId: string, criteria: CreateInput['criteria']): Promise<void> {
    if (criteria.unitId && !(await manager.query(`SELECT 1 FROM units WHERE id = $1 AND agency_id = $2`, [criteria.unitId, agencyId])).length) {
      throw invalid('criteria.unitId', 'UNIT_UNKNOWN', 'Unit not found in this agency');
    }
    if (criteria.positionId && !(await manager.query(`SELECT 1 FROM positions WHERE id = $1 AND agency_id = $2`, [criteria.positionId, agencyId])).length) {
      throw invalid('criteria.positionId', 'POSITION_UNKNOWN', 'Position not found in this agency');
    }
  }

  private assertDeadline(deadline: string | null): void {
    if (deadline && deadline < jakartaDay()) {
      throw new DomainError('DEADLINE_PASSED', `The deadline ${deadline} is in the past`, [{ field: 'deadline', code: 'DEADLINE_PASSED', message: 'The deadline is in the past' }]);
    }
  }

  private async read(id: string): Promise<TEnrolmentRule> {
    const [row] = await this.db.query(`${RULE_SELECT} WHERE r.id = $1`, [id]);
    return toDto(row);
  }
}

const RULE_SELECT = `
  SELECT r.id, r.agency_id, r.name, r.course_id, c.code AS course_code, c.title AS course_title,
         r.cohort_id, h.name AS cohort_name, h.starts_on::text AS cohort_starts_on, h.ends_on::text AS cohort_ends_on,
         r.unit_id, un.name AS unit_name, r.include_subunits, r.position_id, p.name AS position_name, r.position_type, r.employment_type,
         r.deadline::text AS deadline, r.created_by, r.created_at, r.updated_at, r.last_applied_at, r.last_applied_by, r.last_result
    FROM enrolment_rules r
    JOIN courses c ON c.id = r.course_id
    LEFT JOIN cohorts h ON h.id = r.cohort_id
    LEFT JOIN units un ON un.id = r.unit_id
    LEFT JOIN positions p ON p.id = r.position_id`;

function toDto(r: any): TEnrolmentRule {
  return {
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    course: { id: r.course_id, code: r.course_code, title: r.course_title },
    cohort: r.cohort_id ? { id: r.cohort_id, name: r.cohort_name, startsOn: r.cohort_starts_on, endsOn: r.cohort_ends_on } : null,
    criteria: { unitId: r.unit_id, includeSubunits: r.include_subunits, positionId: r.position_id, positionType: r.position_type, employmentType: r.employment_type },
    unitName: r.unit_name,
    positionName: r.position_name,
    deadline: r.deadline,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    lastAppliedAt: r.last_applied_at?.toISOString() ?? null,
    lastAppliedBy: r.last_applied_by,
    lastResult: r.last_result,
  };
}
