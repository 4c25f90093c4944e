import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SCORM content is served from another port of the same host, and browsers send a host's cookies
 * to every port of it (SameSite treats them as one site). So a cookie alone proves nothing about
 * which page made the request. We refuse:
 * - requests the browser labels as coming from another site or origin (Sec-Fetch-Site),
 * - requests whose Origin is not one of the portals',
 * - state-changing requests without the portal header, which a foreign page cannot add without a
 *   CORS preflight that this API never grants.
 */
@Injectable()
export class OriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    assertOriginAllowed(context.switchToHttp().getRequest<Request>(), this.config.allowedOrigins);
    return true;
  }
}

/** OriginGuard's check, for the fast lane too (common/http/fast-lane.ts). Throws ORIGIN_REJECTED. */
export function assertOriginAllowed(req: Request, allowedOrigins: string[]): void {
  const hasSessionCookie = Boolean(req.cookies?.[ACCESS_COOKIE] || req.cookies?.[REFRESH_COOKIE]);
  const unsafe = !SAFE_METHODS.has(req.method);
  if (!hasSessionCookie && !unsafe) return;

  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new DomainError('ORIGIN_REJECTED', 'Requests from other sites or ports are not accepted');
  }
  const origin = req.headers.origin;
  if (origin && !allowedOrigins.includes(origin)) {
    throw new DomainError('ORIGIN_REJECTED', `Origin ${origin} is not allowed`);
  }
  if (unsafe && !req.headers[CLIENT_HEADER]) {
    throw new DomainError('ORIGIN_REJECTED', `Missing ${CLIENT_HEADER} header`);
  }
}
