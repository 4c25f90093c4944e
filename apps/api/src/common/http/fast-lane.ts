import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodType } from 'zod';
import { API_PREFIX } from '@asah/contracts/api-paths';
import type { TRole } from '@asah/contracts/roles';
import type { Actor } from '../auth/actor';
import { ACCESS_COOKIE } from '../auth/cookies';
import { sessionActor, type AccessClaims, type SessionActorRow } from '../auth/session-actor';
import { assertOriginAllowed } from '../auth/origin.guard';
import { toApiError } from '../errors/api-exception.filter';
import { DomainError } from '../errors/domain-error';

/** A GET route the fast lane answers. It must also exist as a Nest route doing the same call. */
export interface FastRoute<P = any> {
  /** Under API_PREFIX, `:name` for a parameter, e.g. `/learning/courses/:courseId/progress`. */
  path: string;
  roles: readonly TRole[];
  /** The Nest route's params schema. */
  params: ZodType<P>;
  handle(actor: Actor, params: P): Promise<unknown>;
  /**
   * Optional: the same answer with the session read in the route's own statement (one database
   * round trip instead of two). It puts `sessionActorSql` in its query and calls `authorize` with
   * that row before anything else, which refuses as the actor check and the roles would.
   */
  handleInSession?(claims: AccessClaims, params: P, authorize: (row: SessionActorRow | undefined) => Actor): Promise<unknown>;
}

interface ActorSource {
  actorFor(token: string | undefined): Promise<Actor>;
  claimsFor(token: string | undefined): Promise<AccessClaims>;
}

/**
 * Answers a few hot GET routes before Express's router and Nest's pipeline, which cost ~0.9 ms of
 * CPU per request on the reference machine, more than the work of these routes (decision 47). It
 * does what the pipeline does for them: the origin check, the session's actor, the roles, params
 * validation by the same schema, the one error shape with the request id, the request log.
 * Requests it does not fully recognise (a query string, HEAD) go on to the Nest route, which stays
 * the declaration of record (OpenAPI, the access table) and does the same service call.
 */
export function fastLane(routes: FastRoute[], sessions: ActorSource, allowedOrigins: string[]) {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/?]+)';
    });
    return { route, names, re: new RegExp(`^${API_PREFIX}${pattern}$`) };
  });
  const logger = new Logger('FastLane');

  const answer = async (route: FastRoute, names: string[], values: string[], req: Request, res: Response) => {
    const started = performance.now();
    let status = 200;
    let body: unknown;
    try {
      assertOriginAllowed(req, allowedOrigins);
      const token = req.cookies?.[ACCESS_COOKIE];
      const permitted = (actor: Actor) => {
        if (!actor.roles.some((r) => route.roles.includes(r))) throw new DomainError('FORBIDDEN', 'Your role may not do this');
        return actor;
      };
      const parsed = route.params.safeParse(Object.fromEntries(names.map((name, i) => [name, decode(values[i]!)])));
      if (parsed.success && route.handleInSession) {
        const claims = await sessions.claimsFor(token);
        body = await route.handleInSession(claims, parsed.data, (row) => permitted(sessionActor(row, claims)));
      } else {
        // Session and roles first, then the params: the order of the Nest pipeline.
        const actor = permitted(await sessions.actorFor(token));
        if (!parsed.success) throw new ZodValidationException(parsed.error);
        body = await route.handle(actor, parsed.data);
      }
    } catch (error) {
      const apiError = toApiError(error);
      apiError.requestId = req.id === undefined ? undefined : String(req.id);
      status = apiError.statusCode;
      body = apiError;
      if (status >= 500) logger.error({ err: error, requestId: req.id }, 'Unhandled error');
      if (error instanceof DomainError && error.headers) for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
    logger.log({ req: { id: req.id, method: req.method, url: req.url }, res: { statusCode: status }, responseTime: Math.round(performance.now() - started) }, 'request completed');
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET') return next();
    for (const { route, names, re } of compiled) {
      const match = re.exec(req.url);
      if (match) return void answer(route, names, match.slice(1), req, res).catch(next);
    }
    next();
  };
}

/** A malformed escape stays as it is and fails validation (400), as in the Nest route. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
