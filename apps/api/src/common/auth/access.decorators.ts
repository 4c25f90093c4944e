import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { TRole } from '@asah/contracts/roles';
import type { Actor } from './actor';

export const PUBLIC_KEY = 'asah:public';
export const ROLES_KEY = 'asah:roles';

/** The route needs no session (login, health, the public verification page later). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call the route. Every non-public route must declare it: the guard refuses routes
 * without it (default deny). Agency scope is then enforced by the service through `Actor`.
 */
export const Roles = (...roles: TRole[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever their role (their own profile, password change). */
export const AnyRole = () => Roles('learner', 'instructor', 'agency_admin', 'platform_admin');

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});
