import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TFieldError } from '@asah/contracts/errors';
import type { TRole } from '@asah/contracts/roles';
import type { TCreateUserRequest, TResetPasswordResponse, TUpdateUserRequest, TUser, TUserListQuery, TUserWithPassword } from '@asah/contracts/users';
import { ZCreateUserRequest } from '@asah/contracts/users';
import { Actor, canSeeAgency, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { likePattern, uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';
import { toUserDto } from './user.mapper';
import { User } from './user.entity';

type CreateInput = ReturnType<typeof ZCreateUserRequest.parse>;

const invalid = (field: string, code: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, code, message } satisfies TFieldError]);

/** Maps the unique indexes of `users` to the error a person understands. */
export function userConflict(error: unknown): DomainError | null {
  const constraint = uniqueViolation(error);
  if (constraint === 'uq_users_nip') return new DomainError('NIP_TAKEN', 'This NIP is already registered', [{ field: 'nip', code: 'NIP_TAKEN', message: 'This NIP is already registered' }]);
  if (constraint === 'uq_users_email') return new DomainError('EMAIL_TAKEN', 'This email is already registered', [{ field: 'email', code: 'EMAIL_TAKEN', message: 'This email is already registered' }]);
  return null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async list(actor: Actor, query: TUserListQuery): Promise<TPage<TUser>> {
    const agencyId = scopeAgency(actor, query.agencyId);
    const qb = this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.unit', 'unit')
      .leftJoinAndSelect('u.position', 'position')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    if (agencyId) qb.andWhere('u.agencyId = :agencyId', { agencyId });
    if (query.q) {
      const digits = query.q.replace(/\s/g, '');
      qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q OR u.nip LIKE :nip)', { q: likePattern(query.q), nip: likePattern(digits) });
    }
    if (query.unitId) {
      if (query.includeSubunits) {
        qb.andWhere(
          `u.unitId IN (WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = :unitId
             UNION ALL SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
          { unitId: query.unitId },
        );
      } else qb.andWhere('u.unitId = :unitId', { unitId: query.unitId });
    }
    if (query.positionId) qb.andWhere('u.positionId = :positionId', { positionId: query.positionId });
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.employmentType) qb.andWhere('u.employmentType = :et', { et: query.employmentType });
    if (query.status !== 'all') qb.andWhere('u.active = :active', { active: query.status === 'active' });
    qb.orderBy(query.sort === 'createdAt' ? 'u.createdAt' : `u.${query.sort}`, query.sort === 'createdAt' ? 'DESC' : 'ASC').addOrderBy('u.id', 'ASC');
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(toUserDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<TUser> {
    return toUserDto(await this.findVisible(actor, id));
  }

  async create(actor: Actor, input: CreateInput): Promise<TUserWithPassword> {
    this.assertMayGrant(actor, input.roles);
    const onlyPlatform = input.roles.every((r) => r === 'platform_admin');
    const agencyId = onlyPlatform && isPlatformAdmin(actor) && !input.agencyId ? null : await resolveAgency(this.db.manager, actor, input.agencyId);
    await this.assertOrgRefs(this.db.manager, agencyId, input.unitId, input.positionId);
    const temporaryPassword = input.password ? null : generateTemporaryPassword();
    const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
    try {
      const saved = await this.db.getRepository(User).save({
        agencyId,
        nip: input.nip ?? null,
        name: input.name,
        email: input.email,
        employmentType: input.employmentType ?? null,
        unitId: input.unitId ?? null,
        positionId: input.positionId ?? null,
        roles: [...new Set(input.roles)],
        passwordHash,
        mustChangePassword: temporaryPassword !== null,
      });
      return { user: await this.get(actor, saved.id), temporaryPassword };
    } catch (error) {
      throw userConflict(error) ?? error;
    }
  }

  async update(actor: Actor, id: string, input: TUpdateUserRequest): Promise<TUser> {
    const user = await this.findVisible(actor, id);
    if (input.roles) this.assertMayGrant(actor, input.roles);
    if (id === actor.userId && input.active === false) throw invalid('active', 'SELF_DEACTIVATION', 'You cannot deactivate your own account');
    if (id === actor.userId && input.roles && !input.roles.some((r) => actor.roles.includes(r) && r !== 'learner' && r !== 'instructor')) {
      throw invalid('roles', 'SELF_DEMOTION', 'You cannot remove your own admin role');
    }
    await this.assertOrgRefs(this.db.manager, user.agencyId, input.unitId, input.positionId);
    const next = { ...user, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as User;
    if (next.roles.includes('learner') && (!next.nip || !next.employmentType)) {
      throw invalid('nip', 'custom', 'Learners need a NIP and an employment type');
    }
    await this.db.transaction(async (tx) => {
      try {
        await tx.update(User, { id }, { ...input, roles: input.roles ? [...new Set(input.roles)] : undefined });
      } catch (error) {
        throw userConflict(error) ?? error;
      }
      if (input.active === false) await this.sessions.revokeAllOf(id, undefined, tx);
    });
    return this.get(actor, id);
  }

  async resetPassword(actor: Actor, id: string): Promise<TResetPasswordResponse> {
    const user = await this.findVisible(actor, id);
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash, mustChangePassword: true });
      await this.sessions.revokeAllOf(user.id, undefined, tx);
    });
    return { temporaryPassword };
  }

  private async findVisible(actor: Actor, id: string): Promise<User> {
    const user = await this.db.getRepository(User).findOne({ where: { id }, relations: { unit: true, position: true } });
    // Platform admins (no agency) are visible to platform admins only.
    if (!user || !canSeeAgency(actor, user.agencyId)) throw notFound('User');
    return user;
  }

  private assertMayGrant(actor: Actor, roles: TRole[]): void {
    if (roles.includes('platform_admin') && !isPlatformAdmin(actor)) {
      throw new DomainError('FORBIDDEN', 'Only platform admins may grant the platform admin role');
    }
  }

  /** Unit and position must belong to the user's agency. */
  private async assertOrgRefs(manager: EntityManager, agencyId: string | null, unitId?: string | null, positionId?: string | null): Promise<void> {
    if (unitId && !(agencyId && (await manager.existsBy(Unit, { id: unitId, agencyId })))) {
      throw invalid('unitId', 'UNIT_UNKNOWN', 'Unit not found in this agency');
    }
    if (positionId && !(agencyId && (await manager.existsBy(Position, { id: positionId, agencyId })))) {
      throw invalid('positionId', 'POSITION_UNKNOWN', 'Position not found in this agency');
    }
  }
}
