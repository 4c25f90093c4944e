import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: this table belongs to rate-limiter-flexible (RateLimiterPostgres, see
 * modules/auth/login-limiter.ts), not to an entity, so TypeORM cannot generate it. Its shape is
 * the one that library would create itself; we create it here so no process needs DDL rights.
 */
export class LoginLimits1795340882702 implements MigrationInterface {
  name = 'LoginLimits1795340882702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_limits"`);
  }
}
