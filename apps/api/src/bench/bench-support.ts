import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import { buildAppConfig, type AppConfig } from '../config/app-config';
import { parseEnv } from '../config/config.schema';
import { dataSourceOptions } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';

/** The database a benchmark runs on, migrated. */
export interface BenchDatabase {
  url: string;
  /** The embedded server's folder; null on DATABASE_URL. */
  pgDir: string | null;
  /** Stops the embedded server and removes its folder (nothing on DATABASE_URL). */
  stop(): Promise<void>;
}

/** DATABASE_URL when `useDatabaseUrl` and it is set, else a fresh embedded PostgreSQL. */
export async function benchDatabase(useDatabaseUrl: boolean): Promise<BenchDatabase> {
  let url = useDatabaseUrl ? process.env.DATABASE_URL : undefined;
  let pgDir: string | null = null;
  let stopServer = async () => undefined as void;
  if (!url) {
    console.log('Starting embedded PostgreSQL...');
    // Its own folder: as root the server runs as the postgres user, who cannot enter the bench's (0700).
    pgDir = mkdtempSync(join(tmpdir(), 'asah-bench-pg-'));
    const db = await startEmbeddedPostgres(pgDir, 56000 + Math.floor(Math.random() * 3000), () => undefined);
    stopServer = db.stop;
    url = db.url;
  }
  const migrator = await new DataSource(dataSourceOptions(url)).initialize();
  await migrator.runMigrations();
  await migrator.destroy();
  const dir = pgDir;
  return {
    url,
    pgDir,
    stop: async () => {
      await stopServer().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API on that database (not listening yet), configured for a benchmark: no demo, quiet logs, data under `root`. */
export async function benchApp(database: BenchDatabase, root: string, env: Record<string, string> = {}): Promise<{ app: INestApplication; config: AppConfig }> {
  const config = buildAppConfig(
    parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'error', SEED_DEMO: 'false', JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: join(root, 'data'), ...env }),
    database.url,
    database.pgDir !== null,
  );
  config.migrateOnStart = false;
  return { app: await createApp(config), config };
}
