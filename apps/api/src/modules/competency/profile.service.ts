import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TCompetencyProfile, TCourseTargetList, TProfileItem, TRecommendedCourse, TSetCourseTargetsRequest } from '@asah/contracts/competency';
import type { TCourseStatus, TDeliveryMode } from '@asah/contracts/courses';
import type { TPositionType } from '@asah/contracts/positions';
import { currentProfile, flaggedEvidence } from '@asah/competency/assessments';
import { competencyGap, summariseGaps, type CompetencyGap } from '@asah/competency/gaps';
import { rankCoursesForGap, type RecommendableCourse } from '@asah/competency/recommendations';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { CourseAccessService } from '../courses/course-access.service';
import { Course } from '../courses/course.entity';
import { ASSESSMENT_COLUMNS, AssessmentRecord, invalid, levelOptions, loadDictionary, loadSettings, loadStandards, PositionInfo, toResult } from './competency-context';

interface CourseRow {
  id: string;
  code: string;
  title: string;
  jp: string;
  delivery_mode: TDeliveryMode;
  status: TCourseStatus;
  competencies: { code: string; targetLevel: number }[];
}

export type RankableCourse = RecommendableCourse & { code: string; title: string };

/** Published courses of the agency and platform-wide ones that target any competency, as the package ranks them. */
export async function recommendableCourses(manager: EntityManager, agencyId: string): Promise<RankableCourse[]> {
  const rows: CourseRow[] = await manager.query(
    `SELECT id, code, title, jp::text AS jp, delivery_mode, status, competencies FROM courses
      WHERE (agency_id = $1 OR agency_id IS NULL) AND status = 'published' AND jsonb_array_length(competencies) > 0`,
    [agencyId],
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    jp: Number(r.jp),
    deliveryMode: r.delivery_mode,
    status: r.status,
    // Course editors may have typed codes in lower case before the dictionary existed.
    competencies: r.competencies.map((c) => ({ code: c.code.toUpperCase(), targetLevel: c.targetLevel as never })),
  }));
}

export function recommend(courses: RankableCourse[], gap: { competencyCode: string; currentLevel: number | null; requiredLevel: number }, limit = 5) {
  return rankCoursesForGap(courses, { competencyCode: gap.competencyCode, currentLevel: gap.currentLevel as never, requiredLevel: gap.requiredLevel as never }, { limit }).map((r) => {
    const c = r.course as RankableCourse;
    return { courseId: c.id, code: c.code, title: c.title, jp: c.jp, deliveryMode: c.deliveryMode, status: c.status, targetLevel: r.targetLevel, closesGap: r.closesGap };
  });
}

/** The learner's competency profile (required vs current, gaps, recommended courses) and course targets. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
  ) {}

  async mine(actor: Actor, targetPositionId?: string): Promise<TCompetencyProfile> {
    return this.build(actor.userId, targetPositionId, actor);
  }

  async ofUser(actor: Actor, userId: string, targetPositionId?: string): Promise<TCompetencyProfile> {
    const [user] = await this.db.query(`SELECT agency_id FROM users WHERE id = $1`, [userId]);
    if (!user || user.agency_id === null || (!isPlatformAdmin(actor) && user.agency_id !== actor.agencyId)) throw notFound('User');
    return this.build(userId, targetPositionId, actor);
  }

  private async build(userId: string, targetPositionId: string | undefined, actor: Actor): Promise<TCompetencyProfile> {
    const m = this.db.manager;
    const [user] = await m.query(
      `SELECT u.id, u.name, u.nip, u.agency_id, un.id AS unit_id, un.code AS unit_code, un.name AS unit_name,
              p.id AS position_id, p.code AS position_code, p.name AS position_name, p.type AS position_type, p.functional_level
         FROM users u LEFT JOIN units un ON un.id = u.unit_id LEFT JOIN positions p ON p.id = u.position_id WHERE u.id = $1`,
      [userId],
    );
    if (!user || !user.agency_id) throw notFound('User');
    const agencyId: string = user.agency_id;
    const settings = await loadSettings(m, agencyId);
    const dictionary = await loadDictionary(m, agencyId);
    const positions: PositionInfo[] = [];
    if (user.position_id) positions.push({ id: user.position_id, code: user.position_code, name: user.position_name, type: user.position_type, functional_level: user.functional_level });
    let target: PositionInfo | null = null;
    if (targetPositionId) {
      [target] = await m.query(`SELECT id, code, name, type, functional_level FROM positions WHERE id = $1 AND agency_id = $2`, [targetPositionId, agencyId]);
      if (!target) throw invalid([{ field: 'targetPositionId', code: 'POSITION_UNKNOWN', message: 'Position not found in this agency' }]);
      if (target.id !== user.position_id) positions.push(target);
    }
    const { standards } = await loadStandards(m, agencyId, dictionary, positions);
    const records: AssessmentRecord[] = await m.query(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE user_id = $1`, [userId]);
    const results = records.map(toResult);
    const options = levelOptions(settings);
    const profile = currentProfile(results, userId, options);
    const flagged = new Map(flaggedEvidence(results, options).map((f) => [f.competencyCode, f.level]));
    const courses = await recommendableCourses(m, agencyId);
    const enrolments: { course_id: string; status: string }[] = await m.query(
      `SELECT DISTINCT ON (course_id) course_id, status FROM enrolments WHERE user_id = $1 ORDER BY course_id, (status = 'withdrawn'), requested_at DESC`,
      [userId],
    );
    const enrolmentOf = new Map(enrolments.map((e) => [e.course_id, e.status]));

    const currentStandard = user.position_id ? standards.get(user.position_id)! : null;
    const targetStandard = target ? standards.get(target.id)! : null;
    const gapsNow: CompetencyGap[] = [];
    const items: TProfileItem[] = [];
    for (const c of dictionary.rules) {
      const reqNow = currentStandard?.requirements.find((r) => r.competencyCode === c.code) ?? null;
      const reqTarget = targetStandard?.requirements.find((r) => r.competencyCode === c.code) ?? null;
      const result = profile.get(c.code) ?? null;
      if (!reqNow && !reqTarget && !result) continue;
      const now = reqNow ? competencyGap(reqNow, result, settings.thresholds) : null;
      const next = reqTarget ? competencyGap(reqTarget, result, settings.thresholds) : null;
      if (now) gapsNow.push(now);
      const open = now?.needsDevelopment ? now : next?.needsDevelopment ? next : null;
      const recommendations: TRecommendedCourse[] = open
        ? recommend(courses, { competencyCode: c.code, currentLevel: open.currentLevel, requiredLevel: open.requiredLevel }).map((r) => ({ ...r, enrolmentStatus: enrolmentOf.get(r.courseId) ?? null }))
        : [];
      const gapView = (g: CompetencyGap | null) => (g ? { requiredLevel: g.requiredLevel, gap: g.gap, severity: g.severity, needsDevelopment: g.needsDevelopment } : null);
      const source = result ? records.find((r) => r.id === (result as typeof result & { id: string }).id) : undefined;
      items.push({
        competency: { code: c.code, name: c.name, group: c.group },
        currentLevel: result?.level ?? null,
        assessment: result && source ? { id: source.id, source: result.source, assessedOn: result.assessedOn, validUntil: result.validUntil ?? null } : null,
        current: gapView(now),
        target: gapView(next),
        recommendations,
        flaggedEvidenceLevel: (flagged.get(c.code) as never) ?? null,
      });
    }
    const { needsDevelopment, none, minor, major, unassessed } = summariseGaps(gapsNow);
    void actor;
    return {
      user: {
        id: user.id,
        name: user.name,
        nip: user.nip,
        unit: user.unit_id ? { id: user.unit_id, code: user.unit_code, name: user.unit_name } : null,
        position: user.position_id ? { id: user.position_id, code: user.position_code, name: user.position_name, type: user.position_type as TPositionType } : null,
      },
      targetPosition: target ? { id: target.id, code: target.code, name: target.name, type: target.type } : null,
      asOf: options.asOf,
      evidenceRule: settings.evidenceRule,
      items,
      summary: { none, minor, major, unassessed, needsDevelopment },
    };
  }

  // ---- course targets (stored on the course: its `competencies`) ----

  async targets(actor: Actor, courseId: string): Promise<TCourseTargetList> {
    const { course } = await this.courses.readable(actor, courseId);
    return this.targetList(course, actor);
  }

  async setTargets(actor: Actor, courseId: string, input: TSetCourseTargetsRequest): Promise<TCourseTargetList> {
    const course = await this.db.transaction(async (tx) => {
      const { course } = await this.courses.lockForChange(tx, actor, courseId);
      const agencyId = course.agencyId ?? actor.agencyId;
      const items = input.items.map((i) => ({ code: i.competencyCode.toUpperCase(), targetLevel: i.targetLevel }));
      const problems: { field: string; code: string; message: string }[] = [];
      const seen = new Set<string>();
      if (agencyId) {
        const dictionary = await loadDictionary(tx, agencyId);
        items.forEach((i, n) => {
          if (!dictionary.byCode.has(i.code)) problems.push({ field: `items.${n}.competencyCode`, code: 'COMPETENCY_UNKNOWN', message: `${i.code} is not in the dictionary` });
        });
      } else {
        // A platform-wide course may target national competencies only.
        const national: { code: string }[] = await tx.query(`SELECT code FROM competencies WHERE agency_id IS NULL`);
        const codes = new Set(national.map((r) => r.code));
        items.forEach((i, n) => {
          if (!codes.has(i.code)) problems.push({ field: `items.${n}.competencyCode`, code: 'COMPETENCY_UNKNOWN', message: `${i.code} is not a national competency` });
        });
      }
      items.forEach((i, n) => {
        if (seen.has(i.code)) problems.push({ field: `items.${n}.competencyCode`, code: 'DUPLICATE', message: 'This competency is listed twice' });
        seen.add(i.code);
      });
      if (problems.length) throw invalid(problems);
      await tx.update(Course, { id: course.id }, { competencies: items });
      return { ...course, competencies: items } as Course;
    });
    return this.targetList(course, actor);
  }

  private async targetList(course: Course, actor: Actor): Promise<TCourseTargetList> {
    const agencyId = course.agencyId ?? actor.agencyId;
    const dictionary = agencyId ? await loadDictionary(this.db.manager, agencyId) : null;
    const national: { code: string; name: string; group: never }[] = dictionary ? [] : await this.db.query(`SELECT code, name, "group" FROM competencies WHERE agency_id IS NULL`);
    const header = (code: string) => {
      const row = dictionary ? dictionary.byCode.get(code) : national.find((n) => n.code === code);
      return row ? { code: row.code, name: row.name, group: row.group } : null;
    };
    return {
      courseId: course.id,
      items: course.competencies.map((c) => ({ competencyCode: c.code.toUpperCase(), targetLevel: c.targetLevel, competency: header(c.code.toUpperCase()) })),
    };
  }
}
