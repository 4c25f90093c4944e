import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TCreateUnitRequest, TUnit, TUpdateUnitRequest } from '@asah/contracts/units';
import { Actor, canSeeAgency } from '../../common/auth/actor';
import { uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { User } from '../users/user.entity';
import { Unit } from './unit.entity';

const codeTaken = (code: string) =>
  new DomainError('CODE_TAKEN', `Unit code ${code} is taken in this agency`, [{ field: 'code', code: 'CODE_TAKEN', message: 'Code is taken' }]);

interface UnitRow {
  id: string;
  agency_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  employee_count: string;
  head_user_id: string | null;
  head_name: string | null;
  head_nip: string | null;
}

const UNIT_SELECT = `SELECT u.id, u.agency_id, u.parent_id, u.code, u.name, u.head_user_id, h.name AS head_name, h.nip AS head_nip,
              (SELECT count(*) FROM users e WHERE e.unit_id = u.id AND e.active) AS employee_count
         FROM units u LEFT JOIN users h ON h.id = u.head_user_id`;

@Injectable()
export class UnitsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, agencyId: string | undefined): Promise<{ items: TUnit[] }> {
    const scoped = await resolveAgency(this.db.manager, actor, agencyId);
    const rows: UnitRow[] = await this.db.query(`${UNIT_SELECT} WHERE u.agency_id = $1 ORDER BY u.name`, [scoped]);
    return { items: rows.map(toDto) };
  }

  async create(actor: Actor, input: TCreateUnitRequest): Promise<TUnit> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    if (input.parentId) await this.findInAgency(input.parentId, agencyId, 'parentId');
    if (input.headUserId) await this.assertHead(input.headUserId, agencyId);
    try {
      const unit = await this.db.getRepository(Unit).save({ agencyId, parentId: input.parentId ?? null, code: input.code, name: input.name, headUserId: input.headUserId ?? null });
      return this.read(unit.id);
    } catch (error) {
      if (uniqueViolation(error) !== null) throw codeTaken(input.code);
      throw error;
    }
  }

  async update(actor: Actor, id: string, input: TUpdateUnitRequest): Promise<TUnit> {
    const unit = await this.get(actor, id);
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      if (input.parentId) {
        await this.findInAgency(input.parentId, unit.agencyId, 'parentId');
        if (await this.isSelfOrDescendant(input.parentId, unit.id)) {
          throw new DomainError('UNIT_CYCLE', 'A unit cannot be moved under itself or one of its sub-units', [
            { field: 'parentId', code: 'UNIT_CYCLE', message: 'A unit cannot be moved under itself or one of its sub-units' },
          ]);
        }
      }
      unit.parentId = input.parentId;
    }
    if (input.code !== undefined) unit.code = input.code;
    if (input.name !== undefined) unit.name = input.name;
    if (input.headUserId !== undefined) {
      if (input.headUserId) await this.assertHead(input.headUserId, unit.agencyId);
      unit.headUserId = input.headUserId;
    }
    try {
      await this.db.getRepository(Unit).save(unit);
    } catch (error) {
      if (uniqueViolation(error) !== null) throw codeTaken(unit.code);
      throw error;
    }
    return this.read(unit.id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const unit = await this.get(actor, id);
    const [children, employees] = await Promise.all([
      this.db.getRepository(Unit).countBy({ parentId: unit.id }),
      this.db.getRepository(User).countBy({ unitId: unit.id }),
    ]);
    if (children > 0 || employees > 0) {
      throw new DomainError('UNIT_NOT_EMPTY', 'The unit still has sub-units or employees', { subUnits: children, employees });
    }
    await this.db.getRepository(Unit).delete({ id: unit.id });
  }

  private async get(actor: Actor, id: string): Promise<Unit> {
    const unit = await this.db.getRepository(Unit).findOneBy({ id });
    if (!unit || !canSeeAgency(actor, unit.agencyId)) throw notFound('Unit');
    return unit;
  }

  private async findInAgency(id: string, agencyId: string, field: string): Promise<Unit> {
    const unit = await this.db.getRepository(Unit).findOneBy({ id, agencyId });
    if (!unit) throw new DomainError('VALIDATION_FAILED', `${field}: unit not found`, [{ field, code: 'UNIT_UNKNOWN', message: 'Unit not found in this agency' }]);
    return unit;
  }

  /** Walks up from `candidate`; true if it meets `unitId` (moving there would close a loop). */
  private async isSelfOrDescendant(candidate: string, unitId: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM units WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
       ) SELECT 1 FROM up WHERE id = $2`,
      [candidate, unitId],
    );
    return rows.length > 0;
  }

  /** The head must be an active employee of the unit's agency (usually of the unit itself, but not necessarily). */
  private async assertHead(userId: string, agencyId: string): Promise<void> {
    if (await this.db.getRepository(User).existsBy({ id: userId, agencyId, active: true })) return;
    throw new DomainError('VALIDATION_FAILED', 'headUserId: not an active employee of this agency', [
      { field: 'headUserId', code: 'HEAD_UNKNOWN', message: 'Not an active employee of this agency' },
    ]);
  }

  private async read(id: string): Promise<TUnit> {
    const [row]: UnitRow[] = await this.db.query(`${UNIT_SELECT} WHERE u.id = $1`, [id]);
    return toDto(row);
  }
}

function toDto(r: UnitRow): TUnit {
  return {
    id: r.id,
    agencyId: r.agency_id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    employeeCount: Number(r.employee_count),
    headUserId: r.head_user_id,
    head: r.head_user_id ? { id: r.head_user_id, name: r.head_name!, nip: r.head_nip } : null,
  };
}
