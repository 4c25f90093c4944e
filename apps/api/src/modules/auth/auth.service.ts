import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TChangePasswordRequest, TLoginRequest, TMe } from '@asah/contracts/auth';
import { normaliseNip } from '@asah/contracts/nip';
import { DomainError } from '../../common/errors/domain-error';
import { User } from '../users/user.entity';
import { LoginLimiter } from './login-limiter';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { IssuedTokens, SessionsService } from './sessions.service';

export interface ClientMeta {
  ip: string;
  userAgent?: string;
}

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The NIP/email or password is wrong');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
  ) {}

  async login(input: TLoginRequest, meta: ClientMeta): Promise<{ tokens: IssuedTokens; me: TMe }> {
    const identifier = this.normaliseIdentifier(input.identifier);
    await this.limiter.assertAllowed(identifier, meta.ip);

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoin('u.agency', 'a')
      .addSelect('a.active')
      .where(identifier.includes('@') ? 'u.email = :identifier' : 'u.nip = :identifier', { identifier })
      .getOne();
    // Same work whether or not the account exists, so timing does not reveal it either.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
    if (!user || !user.passwordHash || !ok) {
      await this.limiter.recordFailure(identifier, meta.ip);
      throw invalidCredentials();
    }
    await this.limiter.recordSuccess(identifier);
    // Only someone who knows the password learns that the account is inactive.
    if (!user.active || user.agency?.active === false) throw new DomainError('ACCOUNT_INACTIVE', 'This account is not active');

    await this.db.getRepository(User).update({ id: user.id }, { lastLoginAt: new Date() });
    const tokens = await this.sessions.start(user.id, meta);
    return { tokens, me: await this.me(user.id) };
  }

  async changePassword(userId: string, sessionId: string, input: TChangePasswordRequest): Promise<void> {
    const user = await this.db.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOneOrFail();
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong', [
        { field: 'currentPassword', code: 'WRONG_PASSWORD', message: 'The current password is wrong' },
      ]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(User, { id: userId }, { passwordHash, mustChangePassword: false });
      // Anyone else holding a session (a shared computer, a thief) is signed out.
      await this.sessions.revokeAllOf(userId, sessionId, tx);
    });
  }

  async me(userId: string): Promise<TMe> {
    const user = await this.db.getRepository(User).findOneOrFail({
      where: { id: userId },
      relations: { agency: true, unit: true, position: true },
    });
    const path: { name: string }[] = user.unitId
      ? await this.db.query(
          `WITH RECURSIVE chain AS (
             SELECT id, parent_id, name, 0 AS depth FROM units WHERE id = $1
             UNION ALL
             SELECT u.id, u.parent_id, u.name, c.depth + 1 FROM units u JOIN chain c ON u.id = c.parent_id
           ) SELECT name FROM chain ORDER BY depth DESC`,
          [user.unitId],
        )
      : [];
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      nip: user.nip,
      roles: user.roles,
      employmentType: user.employmentType,
      mustChangePassword: user.mustChangePassword,
      agency: user.agency ? { id: user.agency.id, code: user.agency.code, name: user.agency.name } : null,
      unit: user.unit ? { id: user.unit.id, code: user.unit.code, name: user.unit.name, path: path.map((p) => p.name) } : null,
      position: user.position
        ? { id: user.position.id, code: user.position.code, name: user.position.name, type: user.position.type, functionalLevel: user.position.functionalLevel }
        : null,
    };
  }

  private normaliseIdentifier(raw: string): string {
    const trimmed = raw.trim();
    return trimmed.includes('@') ? trimmed.toLowerCase() : normaliseNip(trimmed);
  }
}
