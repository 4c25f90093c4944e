import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TSetStandardRequest, TStandardRow, TStandardsGrid, TStandardsQuery } from '@asah/contracts/competency';
import { defaultRequiredLevel, validateStandardOverrides } from '@asah/competency/standards';
import { Actor } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { invalid, loadDictionary, loadStandards, PositionInfo } from './competency-context';
import { recountPosition } from './current-counts';
import { PositionStandard } from './position-standard.entity';

/** Position competency standards: the grid (defaults by type from the package, overrides per position). */
@Injectable()
export class StandardsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async grid(actor: Actor, query: TStandardsQuery): Promise<TStandardsGrid> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const dictionary = await loadDictionary(this.db.manager, agencyId);
    const params: unknown[] = [agencyId];
    let where = 'p.agency_id = $1';
    if (query.type) {
      params.push(query.type);
      where += ` AND p.type = $${params.length}`;
    }
    if (query.q) {
      params.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (p.name ILIKE $${params.length} OR p.code ILIKE $${params.length})`;
    }
    const positions: (PositionInfo & { employees: number })[] = await this.db.query(
      `SELECT p.id, p.code, p.name, p.type, p.functional_level,
              (SELECT count(*) FROM users u WHERE u.position_id = p.id AND u.active)::int AS employees
         FROM positions p WHERE ${where} ORDER BY p.code`,
      params,
    );
    const overrides: { position_id: string; competency_code: string; required_level: number | null }[] = positions.length
      ? await this.db.query(`SELECT position_id, competency_code, required_level FROM position_standards WHERE position_id = ANY($1)`, [positions.map((p) => p.id)])
      : [];
    const byKey = new Map(overrides.map((o) => [`${o.position_id}|${o.competency_code}`, o]));
    const rows: TStandardRow[] = positions.map((p) => ({
      position: { id: p.id, code: p.code, name: p.name, type: p.type, functionalLevel: p.functional_level },
      employeeCount: p.employees,
      cells: dictionary.rules.map((c) => {
        const defaultLevel = defaultRequiredLevel({ id: p.id, type: p.type, functionalLevel: p.functional_level }, c.group);
        const override = byKey.get(`${p.id}|${c.code}`);
        if (override) return { competencyCode: c.code, requiredLevel: override.required_level as never, defaultLevel, origin: 'position' as const };
        return { competencyCode: c.code, requiredLevel: defaultLevel, defaultLevel, origin: defaultLevel === null ? ('none' as const) : ('default' as const) };
      }),
    }));
    return { competencies: dictionary.headers, rows };
  }

  /** Replaces the overrides of one position (codes left out follow the default again). */
  async set(actor: Actor, positionId: string, input: TSetStandardRequest): Promise<TStandardRow> {
    const [position] = await this.db.query(`SELECT id, agency_id FROM positions WHERE id = $1`, [positionId]);
    if (!position) throw notFound('Position');
    const agencyId = await resolveAgency(this.db.manager, actor, position.agency_id).catch(() => {
      throw notFound('Position');
    });
    const dictionary = await loadDictionary(this.db.manager, agencyId);
    const overrides = input.overrides.map((o) => ({ competencyCode: o.competencyCode.toUpperCase(), requiredLevel: o.requiredLevel as never }));
    const problems = validateStandardOverrides(overrides, dictionary.rules);
    if (problems.length) {
      throw invalid(problems.map((p) => ({ field: `overrides.${p.index}.${p.code === 'LEVEL_INVALID' ? 'requiredLevel' : 'competencyCode'}`, code: p.code, message: p.message })));
    }
    await this.db.transaction(async (tx) => {
      const before = (await loadStandards(tx, agencyId, dictionary)).standards;
      await tx.delete(PositionStandard, { positionId });
      if (overrides.length) await tx.insert(PositionStandard, overrides.map((o) => ({ positionId, agencyId, competencyCode: o.competencyCode, requiredLevel: o.requiredLevel })));
      // The holders' needs-analysis flags follow the new standard in the same transaction.
      await recountPosition(tx, agencyId, positionId, before, (await loadStandards(tx, agencyId, dictionary)).standards);
    });
    const grid = await this.grid(actor, { agencyId });
    return grid.rows.find((r) => r.position.id === positionId)!;
  }
}
