import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { createApp } from '../../src/bootstrap';
import { buildAppConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/config.schema';
import { TEMPLATE_DB, TEST_ENV_DB_URL } from './test-db';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  /** A client with no session. */
  anonymous(): TestAgent;
  /** A client signed in as this user (cookies kept, portal header sent). */
  signIn(identifier: string, password: string): Promise<TestAgent>;
  close(): Promise<void>;
}

function dbUrl(database: string): string {
  const server = process.env[TEST_ENV_DB_URL];
  if (!server) throw new Error('Integration tests need the global setup (run them through jest --selectProjects integration)');
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A client that behaves like the portals: keeps cookies and sends the portal header. */
export function portalAgent(app: INestApplication): TestAgent {
  return request.agent(app.getHttpServer()).set(CLIENT_HEADER, '1');
}

/**
 * The whole API on a database of its own, cloned from the migrated template.
 * `env` overrides environment variables (e.g. LOGIN_MAX_FAILURES).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();

  const config = buildAppConfig(
    parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'asah-app-')),
      DATABASE_POOL_SIZE: '4',
      ...env,
    }),
    dbUrl(database),
    false,
  );
  config.migrateOnStart = false;
  const app = await createApp(config);
  await app.init();
  const db = app.get(DataSource);

  return {
    app,
    db,
    anonymous: () => portalAgent(app),
    async signIn(identifier, password) {
      const agent = portalAgent(app);
      const res = await agent.post('/api/auth/login').send({ identifier, password });
      if (res.status !== 200) throw new Error(`sign-in of ${identifier} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    async close() {
      await app.close();
      const a = new Client({ connectionString: dbUrl('postgres') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await a.end();
    },
  };
}
