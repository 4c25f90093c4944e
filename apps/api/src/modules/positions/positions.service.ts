import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TCreatePositionRequest, TPosition, TPositionListQuery, TUpdatePositionRequest } from '@asah/contracts/positions';
import { Actor, canSeeAgency } from '../../common/auth/actor';
import { likePattern, uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { User } from '../users/user.entity';
import { Position } from './position.entity';

const codeTaken = (code: string) =>
  new DomainError('CODE_TAKEN', `Position code ${code} is taken in this agency`, [{ field: 'code', code: 'CODE_TAKEN', message: 'Code is taken' }]);

const toDto = (p: Position, employeeCount: number): TPosition => ({
  id: p.id,
  agencyId: p.agencyId,
  code: p.code,
  name: p.name,
  type: p.type,
  functionalLevel: p.functionalLevel,
  employeeCount,
});

@Injectable()
export class PositionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: TPositionListQuery): Promise<TPage<TPosition>> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const qb = this.db
      .getRepository(Position)
      .createQueryBuilder('p')
      .where('p.agencyId = :agencyId', { agencyId })
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (query.q) qb.andWhere('(p.name ILIKE :q OR p.code ILIKE :q)', { q: likePattern(query.q) });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    const [items, total] = await qb.getManyAndCount();
    const counts = await this.holderCounts(items.map((p) => p.id));
    return {
      items: items.map((p) => toDto(p, counts.get(p.id) ?? 0)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(actor: Actor, input: TCreatePositionRequest): Promise<TPosition> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    try {
      const saved = await this.db.getRepository(Position).save({
        agencyId,
        code: input.code,
        name: input.name,
        type: input.type,
        functionalLevel: input.type === 'fungsional' ? (input.functionalLevel ?? null) : null,
      });
      return toDto(saved, 0);
    } catch (error) {
      if (uniqueViolation(error) !== null) throw codeTaken(input.code);
      throw error;
    }
  }

  async update(actor: Actor, id: string, input: TUpdatePositionRequest): Promise<TPosition> {
    const position = await this.get(actor, id);
    Object.assign(position, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    // A level given for a position that stays (or becomes) structural is a mistake to report;
    // one merely left over from before a change of type is dropped.
    if (position.type !== 'fungsional' && input.functionalLevel) {
      throw new DomainError('VALIDATION_FAILED', 'functionalLevel: only functional positions have a level', [
        { field: 'functionalLevel', code: 'custom', message: 'Only functional positions have a level' },
      ]);
    }
    if (position.type !== 'fungsional') position.functionalLevel = null;
    if (position.type === 'fungsional' && !position.functionalLevel) {
      throw new DomainError('VALIDATION_FAILED', 'functionalLevel: functional positions need a level', [
        { field: 'functionalLevel', code: 'required', message: 'Functional positions need a level' },
      ]);
    }
    try {
      await this.db.getRepository(Position).save(position);
    } catch (error) {
      if (uniqueViolation(error) !== null) throw codeTaken(position.code);
      throw error;
    }
    return toDto(position, await this.db.getRepository(User).countBy({ positionId: id, active: true }));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const position = await this.get(actor, id);
    const holders = await this.db.getRepository(User).countBy({ positionId: id });
    if (holders > 0) throw new DomainError('POSITION_IN_USE', 'Employees still hold this position', { employees: holders });
    await this.db.getRepository(Position).delete({ id: position.id });
  }

  private async holderCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { position_id: string; n: string }[] = await this.db.query(
      'SELECT position_id, count(*) AS n FROM users WHERE active AND position_id = ANY($1) GROUP BY position_id',
      [ids],
    );
    return new Map(rows.map((r) => [r.position_id, Number(r.n)]));
  }

  private async get(actor: Actor, id: string): Promise<Position> {
    const position = await this.db.getRepository(Position).findOneBy({ id });
    if (!position || !canSeeAgency(actor, position.agencyId)) throw notFound('Position');
    return position;
  }
}
