import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Actor } from '../../common/auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { preparedQuery } from '../../database/prepared';
import { sessionActor, sessionActorSql, type AccessClaims, type SessionActorRow } from '../../common/auth/session-actor';
import { RefreshToken } from './refresh-token.entity';
import { Session } from './session.entity';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

/**
 * Two tabs may refresh with the same token at the same moment; the loser of that race presents a
 * token that was just used. Within this grace it gets a fresh token instead of being treated as
 * a thief (which would end the session).
 */
const REUSE_GRACE_MS = 30_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(userId: string, meta: { userAgent?: string; ip?: string }): Promise<IssuedTokens> {
    return this.db.transaction(async (tx) => {
      const expiresAt = new Date(Date.now() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
      const session = await tx.save(
        tx.create(Session, { userId, userAgent: meta.userAgent?.slice(0, 500) ?? null, ip: meta.ip ?? null, expiresAt }),
      );
      return this.issue(tx, session);
    });
  }

  /** Exchanges a refresh token for a new pair. A token used twice (outside the grace) ends its session. */
  async rotate(refreshToken: string): Promise<IssuedTokens> {
    // The revocation of a reused token's session must be committed, so the transaction returns
    // null for it and the error is thrown only after (throwing inside would roll it back).
    const issued = await this.db.transaction(async (tx) => {
      const token = await tx.findOne(RefreshToken, {
        where: { tokenHash: sha256(refreshToken) },
        relations: { session: true },
        lock: { mode: 'pessimistic_write', tables: ['refresh_tokens'] },
      });
      const session = token?.session;
      if (!token || !session || session.revokedAt || session.expiresAt < new Date()) return null;
      if (token.usedAt && Date.now() - token.usedAt.getTime() > REUSE_GRACE_MS) {
        await tx.update(Session, { id: session.id }, { revokedAt: new Date() });
        return null;
      }
      if (!token.usedAt) await tx.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return this.issue(tx, session);
    });
    if (!issued) throw new DomainError('SESSION_EXPIRED', 'The session has ended; sign in again');
    return issued;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeByRefreshToken(refreshToken: string): Promise<void> {
    const token = await this.db.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(refreshToken) });
    if (token) await this.revoke(token.sessionId);
  }

  /** Ends every session of a user, except `keep` (the one that just changed the password). */
  async revokeAllOf(userId: string, keep?: string, manager: EntityManager = this.db.manager): Promise<void> {
    const qb = manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keep) qb.andWhere('id <> :keep', { keep });
    await qb.execute();
  }

  /**
   * The actor of an access token. The user and session are read on each request, so deactivation
   * and logout take effect at once (also across API processes).
   */
  async actorFor(token: string | undefined): Promise<Actor> {
    const claims = await this.claimsFor(token);
    const [row] = await preparedQuery<SessionActorRow>(this.db, 'auth_session_actor', sessionActorSql('$1', '$2'), [claims.sub, claims.sid]);
    return sessionActor(row, claims);
  }

  /** The claims of a valid access token; refuses a missing or expired one. */
  async claimsFor(token: string | undefined): Promise<AccessClaims> {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    const claims = await this.verifyAccessToken(token);
    if (!claims) throw new DomainError('SESSION_EXPIRED', 'The access token expired; refresh it');
    return claims;
  }

  async verifyAccessToken(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) return known.exp > Date.now() / 1000 ? known : null;
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp: number }>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
      if (this.verified.size >= 50_000) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      return null;
    }
  }

  /**
   * Access tokens whose signature this process has checked (~0.1 ms each, on every request), keyed
   * by the whole token so only that exact string hits; the expiry is checked on every use, and the
   * session itself (revocation, an inactive account) is still read on every request by actorFor.
   */
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  private async issue(tx: EntityManager, session: Session): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.insert(RefreshToken, { sessionId: session.id, tokenHash: sha256(refreshToken) });
    const claims: AccessClaims = { sub: session.userId, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.env.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' });
    return { accessToken, refreshToken, sessionId: session.id };
  }
}
