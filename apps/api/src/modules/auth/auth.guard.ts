import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { TRole } from '@asah/contracts/roles';
import { PUBLIC_KEY, ROLES_KEY } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { ACCESS_COOKIE } from '../../common/auth/cookies';
import { DomainError } from '../../common/errors/domain-error';
import { SessionsService } from './sessions.service';

/**
 * Global guard: every route is closed unless it is @Public() or declares @Roles(...).
 * The actor comes from SessionsService.actorFor (user and session read on each request).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<TRole[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw new DomainError('FORBIDDEN', 'This route declares no roles');

    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = await this.sessions.actorFor(req.cookies?.[ACCESS_COOKIE]);
    req.actor = actor;
    if (!actor.roles.some((r) => roles.includes(r))) throw new DomainError('FORBIDDEN', 'Your role may not do this');
    return true;
  }
}
