import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { TRole } from '@asah/contracts/roles';
import { PUBLIC_KEY, ROLES_KEY } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { ACCESS_COOKIE } from '../../common/auth/cookies';
import { DomainError } from '../../common/errors/domain-error';
import { SessionsService } from './sessions.service';
import { preparedQuery } from '../../database/prepared';

/**
 * Global guard: every route is closed unless it is @Public() or declares @Roles(...).
 * The user and session are read on each request, so deactivation and logout take effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<TRole[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw new DomainError('FORBIDDEN', 'This route declares no roles');

    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = req.cookies?.[ACCESS_COOKIE];
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    const claims = await this.sessions.verifyAccessToken(token);
    if (!claims) throw new DomainError('SESSION_EXPIRED', 'The access token expired; refresh it');

    const [row] = await preparedQuery(
      this.db,
      'auth_session_actor',
      `SELECT u.id, u.roles, u.agency_id, u.active AS user_active, a.active AS agency_active
         FROM users u
         JOIN sessions s ON s.user_id = u.id AND s.id = $2 AND s.revoked_at IS NULL
         LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE u.id = $1`,
      [claims.sub, claims.sid],
    );
    if (!row) throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again');
    if (!row.user_active || row.agency_active === false) throw new DomainError('ACCOUNT_INACTIVE', 'This account is not active');

    const actor: Actor = { userId: row.id, sessionId: claims.sid, roles: row.roles, agencyId: row.agency_id };
    req.actor = actor;
    if (!actor.roles.some((r) => roles.includes(r))) throw new DomainError('FORBIDDEN', 'Your role may not do this');
    return true;
  }
}
