import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TCreateGoalRequest, TDevelopmentGoal, TDevelopmentGoalList, TUpdateGoalRequest } from '@asah/contracts/competency';
import { ZCreateGoalRequest } from '@asah/contracts/competency';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { invalid, loadDictionary } from './competency-context';
import { DevelopmentGoal } from './development-goal.entity';

/** The individual development plan: the learner's own goals; admins read them. */
@Injectable()
export class GoalsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mine(actor: Actor): Promise<TDevelopmentGoalList> {
    return this.listOf(actor.userId);
  }

  async ofUser(actor: Actor, userId: string): Promise<TDevelopmentGoalList> {
    const [user] = await this.db.query(`SELECT agency_id FROM users WHERE id = $1`, [userId]);
    if (!user || user.agency_id === null || (!isPlatformAdmin(actor) && user.agency_id !== actor.agencyId)) throw notFound('User');
    return this.listOf(userId);
  }

  async create(actor: Actor, raw: TCreateGoalRequest): Promise<TDevelopmentGoal> {
    const input = ZCreateGoalRequest.parse(raw);
    const agencyId = await this.agencyOf(actor.userId);
    const values = await this.checked(agencyId, input);
    const saved = await this.db.getRepository(DevelopmentGoal).save({ agencyId, userId: actor.userId, ...values, progress: input.progress });
    return (await this.listOf(actor.userId)).items.find((g) => g.id === saved.id)!;
  }

  async update(actor: Actor, id: string, input: TUpdateGoalRequest): Promise<TDevelopmentGoal> {
    const goal = await this.db.manager.findOneBy(DevelopmentGoal, { id, userId: actor.userId });
    if (!goal) throw notFound('Goal');
    const merged = {
      title: input.title ?? goal.title,
      competencyCode: input.competencyCode === undefined ? goal.competencyCode : input.competencyCode,
      targetLevel: input.targetLevel === undefined ? goal.targetLevel : input.targetLevel,
      targetDate: input.targetDate ?? goal.targetDate,
      courseId: input.courseId === undefined ? goal.courseId : input.courseId,
      note: input.note === undefined ? goal.note : input.note,
    };
    const values = await this.checked(goal.agencyId, merged);
    await this.db.getRepository(DevelopmentGoal).update({ id }, { ...values, ...(input.progress === undefined ? {} : { progress: input.progress }) });
    return (await this.listOf(actor.userId)).items.find((g) => g.id === id)!;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const result = await this.db.getRepository(DevelopmentGoal).delete({ id, userId: actor.userId });
    if (!result.affected) throw notFound('Goal');
  }

  private async agencyOf(userId: string): Promise<string> {
    const [user] = await this.db.query(`SELECT agency_id FROM users WHERE id = $1`, [userId]);
    if (!user?.agency_id) throw notFound('User');
    return user.agency_id;
  }

  private async checked(
    agencyId: string,
    v: { title: string; competencyCode?: string | null; targetLevel?: number | null; targetDate: string; courseId?: string | null; note?: string | null },
  ) {
    const problems: { field: string; code: string; message: string }[] = [];
    const code = v.competencyCode ? v.competencyCode.toUpperCase() : null;
    if (code && !(await loadDictionary(this.db.manager, agencyId)).byCode.has(code)) {
      problems.push({ field: 'competencyCode', code: 'COMPETENCY_UNKNOWN', message: `${code} is not in the dictionary` });
    }
    if (v.targetLevel != null && !code) problems.push({ field: 'targetLevel', code: 'COMPETENCY_REQUIRED', message: 'A target level needs a competency' });
    if (v.courseId) {
      const found = await this.db.query(`SELECT 1 FROM courses WHERE id = $1 AND (agency_id = $2 OR agency_id IS NULL) AND status <> 'draft'`, [v.courseId, agencyId]);
      if (!found.length) problems.push({ field: 'courseId', code: 'COURSE_UNKNOWN', message: 'No published course of the agency has this id' });
    }
    if (problems.length) throw invalid(problems);
    return { title: v.title, competencyCode: code, targetLevel: v.targetLevel ?? null, targetDate: v.targetDate, courseId: v.courseId ?? null, note: v.note ?? null };
  }

  private async listOf(userId: string): Promise<TDevelopmentGoalList> {
    const agencyId = await this.agencyOf(userId);
    const dictionary = await loadDictionary(this.db.manager, agencyId);
    const rows: (DevelopmentGoal & { course_code: string | null; course_title: string | null })[] = await this.db.query(
      `SELECT g.id, g.user_id AS "userId", g.title, g.competency_code AS "competencyCode", g.target_level AS "targetLevel", g.target_date::text AS "targetDate",
              g.progress, g.course_id AS "courseId", g.note, g.created_at AS "createdAt", g.updated_at AS "updatedAt", c.code AS course_code, c.title AS course_title
         FROM development_goals g LEFT JOIN courses c ON c.id = g.course_id WHERE g.user_id = $1 ORDER BY g.target_date, g.created_at`,
      [userId],
    );
    const today = jakartaDay();
    return {
      items: rows.map((g) => {
        const c = g.competencyCode ? dictionary.byCode.get(g.competencyCode) : undefined;
        const status = g.progress >= 100 ? 'done' : g.progress > 0 ? 'in_progress' : 'planned';
        return {
          id: g.id,
          userId: g.userId,
          title: g.title,
          competency: c ? { code: c.code, name: c.name, group: c.group } : null,
          targetLevel: (g.targetLevel as never) ?? null,
          targetDate: g.targetDate,
          progress: g.progress,
          status,
          course: g.courseId ? { id: g.courseId, code: g.course_code!, title: g.course_title! } : null,
          note: g.note,
          overdue: status !== 'done' && g.targetDate < today,
          createdAt: new Date(g.createdAt).toISOString(),
          updatedAt: new Date(g.updatedAt).toISOString(),
        };
      }),
    };
  }
}
