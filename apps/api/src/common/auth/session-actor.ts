import type { Actor } from './actor';
import { DomainError } from '../errors/domain-error';

/**
 * The session's user as every request reads it: `sessionActorSql` selects it (the user id and
 * session id as SQL parameters), `sessionActor` turns its row into the actor or the refusal. A hot
 * route may put the same statement in its own query to save a round trip (fast-lane.ts).
 */
export interface SessionActorRow {
  id: string;
  roles: Actor['roles'];
  agency_id: string | null;
  user_active: boolean;
  agency_active: boolean | null;
}

export function sessionActorSql(userParam: string, sessionParam: string): string {
  return `SELECT u.id, u.roles, u.agency_id, u.active AS user_active, a.active AS agency_active
         FROM users u
         JOIN sessions s ON s.user_id = u.id AND s.id = ${sessionParam} AND s.revoked_at IS NULL
         LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE u.id = ${userParam}`;
}

export function sessionActor(row: SessionActorRow | undefined, claims: AccessClaims): Actor {
  if (!row) throw new DomainError('UNAUTHENTICATED', 'The session has ended; sign in again');
  if (!row.user_active || row.agency_active === false) throw new DomainError('ACCOUNT_INACTIVE', 'This account is not active');
  return { userId: row.id, sessionId: claims.sid, roles: row.roles, agencyId: row.agency_id };
}

/** What an access token (JWT) says: the user and the session. */
export interface AccessClaims {
  sub: string;
  sid: string;
}
