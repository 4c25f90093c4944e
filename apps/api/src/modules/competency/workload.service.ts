import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TPositionWorkload, TSetWorkloadTasksRequest, TWorkloadReport, TWorkloadTaskList } from '@asah/contracts/competency';
import { analysePosition, rollUpWorkload, validateWorkloadTasks, workloadTotals } from '@asah/competency/workload';
import { Actor } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { invalid, loadSettings } from './competency-context';
import { WorkloadTask } from './workload-task.entity';

/** Analisis Beban Kerja: tasks per position in a unit, staff needed vs in post (rules from @asah/competency/workload). */
@Injectable()
export class WorkloadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(actor: Actor, requestedAgency: string | undefined): Promise<TWorkloadReport> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    const settings = await loadSettings(this.db.manager, agencyId);
    const units: { id: string; parent_id: string | null; code: string; name: string }[] = await this.db.query(`SELECT id, parent_id, code, name FROM units WHERE agency_id = $1`, [agencyId]);
    const tasks: { unit_id: string; position_id: string; name: string; yearly_volume: string; standard_minutes: string }[] = await this.db.query(
      `SELECT unit_id, position_id, name, yearly_volume::text, standard_minutes::text FROM workload_tasks WHERE agency_id = $1 ORDER BY sort`,
      [agencyId],
    );
    const staff: { unit_id: string; position_id: string; n: number }[] = await this.db.query(
      `SELECT unit_id, position_id, count(*)::int AS n FROM users WHERE agency_id = $1 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL GROUP BY 1, 2`,
      [agencyId],
    );
    const positions: { id: string; code: string; name: string; type: never }[] = await this.db.query(`SELECT id, code, name, type FROM positions WHERE agency_id = $1`, [agencyId]);
    const positionOf = new Map(positions.map((p) => [p.id, p]));
    const pairs = new Map<string, { unitId: string; positionId: string }>();
    for (const t of tasks) pairs.set(`${t.unit_id}|${t.position_id}`, { unitId: t.unit_id, positionId: t.position_id });
    for (const s of staff) pairs.set(`${s.unit_id}|${s.position_id}`, { unitId: s.unit_id, positionId: s.position_id });
    const analysed = [...pairs.values()].map(({ unitId, positionId }) => {
      const own = tasks.filter((t) => t.unit_id === unitId && t.position_id === positionId);
      const result = analysePosition(
        {
          positionId,
          unitId,
          tasks: own.map((t) => ({ name: t.name, yearlyVolume: Number(t.yearly_volume), standardMinutes: Number(t.standard_minutes) })),
          staffInPost: staff.find((s) => s.unit_id === unitId && s.position_id === positionId)?.n ?? 0,
        },
        settings.workload,
      );
      return { result, taskCount: own.length };
    });
    const rolled = rollUpWorkload(
      analysed.map((a) => a.result),
      units.map((u) => ({ id: u.id, parentId: u.parent_id })),
    );
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const round = (n: number) => Math.round(n * 100) / 100;
    const totals = (t: ReturnType<typeof workloadTotals>) => ({ ...t, workloadHours: round(t.workloadHours) });
    return {
      agencyId,
      effectiveHoursPerYear: settings.workload.effectiveHoursPerYear,
      staffRounding: settings.staffRounding,
      units: rolled.map((r) => ({ unit: { id: r.unitId, code: unitOf.get(r.unitId)!.code, name: unitOf.get(r.unitId)!.name }, parentId: r.parentId, depth: r.depth, own: totals(r.own), subtree: totals(r.subtree) })),
      positions: analysed
        .map(({ result, taskCount }): TPositionWorkload => {
          const p = positionOf.get(result.positionId)!;
          return {
            unitId: result.unitId,
            position: { id: p.id, code: p.code, name: p.name, type: p.type },
            taskCount,
            workloadHours: round(result.workloadHours),
            staffNeededExact: Math.round(result.staffNeededExact * 1000) / 1000,
            staffNeeded: result.staffNeeded,
            staffInPost: result.staffInPost,
            difference: result.difference,
            status: result.status,
          };
        })
        .sort((a, b) => (unitOf.get(a.unitId)!.code + a.position.code < unitOf.get(b.unitId)!.code + b.position.code ? -1 : 1)),
      total: totals(workloadTotals(analysed.map((a) => a.result))),
    };
  }

  async tasks(actor: Actor, unitId: string, positionId: string): Promise<TWorkloadTaskList> {
    const agencyId = await this.pairAgency(actor, unitId, positionId);
    const rows = await this.db.getRepository(WorkloadTask).find({ where: { agencyId, unitId, positionId }, order: { sort: 'ASC' } });
    return {
      unitId,
      positionId,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        yearlyVolume: Number(r.yearlyVolume),
        standardMinutes: Number(r.standardMinutes),
        workloadHours: Math.round(((Number(r.yearlyVolume) * Number(r.standardMinutes)) / 60) * 100) / 100,
      })),
    };
  }

  async setTasks(actor: Actor, input: TSetWorkloadTasksRequest): Promise<TWorkloadTaskList> {
    const agencyId = await this.pairAgency(actor, input.unitId, input.positionId);
    const problems = validateWorkloadTasks(input.tasks);
    if (problems.length) throw invalid(problems.map((p) => ({ field: `tasks.${p.index}.${p.field}`, code: p.code, message: p.message })));
    await this.db.transaction(async (tx) => {
      await tx.delete(WorkloadTask, { agencyId, unitId: input.unitId, positionId: input.positionId });
      if (input.tasks.length) {
        await tx.insert(
          WorkloadTask,
          input.tasks.map((t, sort) => ({ agencyId, unitId: input.unitId, positionId: input.positionId, sort, name: t.name, yearlyVolume: String(t.yearlyVolume), standardMinutes: String(t.standardMinutes) })),
        );
      }
    });
    return this.tasks(actor, input.unitId, input.positionId);
  }

  /** The unit and the position must both be of one agency the actor may act on. */
  private async pairAgency(actor: Actor, unitId: string, positionId: string): Promise<string> {
    const [row] = await this.db.query(
      `SELECT u.agency_id FROM units u JOIN positions p ON p.agency_id = u.agency_id WHERE u.id = $1 AND p.id = $2`,
      [unitId, positionId],
    );
    if (!row) throw notFound('Unit or position');
    return resolveAgency(this.db.manager, actor, row.agency_id).catch(() => {
      throw notFound('Unit or position');
    });
  }
}
