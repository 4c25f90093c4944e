import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

/**
 * Counts failed logins per identifier and per client address in PostgreSQL (table
 * `login_limits`, created by a migration), so the limit holds across API processes.
 * The identifier is counted whether or not an account has it: the answer never tells.
 */
@Injectable()
export class LoginLimiter {
  private readonly byIdentifier: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const common = { storeClient: dataSource, storeType: 'typeorm', tableName: 'login_limits', tableCreated: true };
    const window = config.env.LOGIN_FAILURE_WINDOW_SECONDS;
    this.byIdentifier = new RateLimiterPostgres({ ...common, keyPrefix: 'id', points: config.env.LOGIN_MAX_FAILURES, duration: window });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: config.env.LOGIN_MAX_FAILURES_PER_IP, duration: window });
  }

  /** Throws TOO_MANY_ATTEMPTS while either counter is spent. */
  async assertAllowed(identifier: string, ip: string): Promise<void> {
    const [id, addr] = await Promise.all([this.byIdentifier.get(identifier), this.byIp.get(ip)]);
    const blocked = [id, addr].filter(
      (r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0 && r.msBeforeNext > 0,
    );
    if (blocked.length === 0) return;
    const retryAfter = Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
    throw new DomainError('TOO_MANY_ATTEMPTS', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
  }

  async recordFailure(identifier: string, ip: string): Promise<void> {
    // consume() rejects once the points are spent; the next assertAllowed() reports it.
    await Promise.all([this.byIdentifier.consume(identifier).catch(() => undefined), this.byIp.consume(ip).catch(() => undefined)]);
  }

  async recordSuccess(identifier: string): Promise<void> {
    await this.byIdentifier.delete(identifier);
  }
}
