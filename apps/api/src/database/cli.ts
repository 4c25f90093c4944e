/**
 * Migration commands that work with or without DATABASE_URL:
 *   node dist/database/cli.js generate <Name>   diff entities against a database migrated to head
 *   node dist/database/cli.js run               apply pending migrations
 * Without DATABASE_URL, `generate` uses a throw-away embedded PostgreSQL so the diff starts from
 * exactly the committed migrations, never from someone's local data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'generate' && command !== 'run') throw new Error('usage: cli.js generate <Name> | run');
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  let tmp: string | undefined;
  if (!url) {
    tmp = mkdtempSync(join(tmpdir(), 'asah-migrations-'));
    const db = await startEmbeddedPostgres(tmp, 54300 + Math.floor(Math.random() * 500), console.error);
    url = db.url;
    stop = db.stop;
  }
  try {
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    await ds.runMigrations();
    await ds.destroy();
    if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddCourses');
      const apiDir = resolve(__dirname, '../..');
      const result = spawnSync(
        process.execPath,
        [require.resolve('typeorm/cli.js'), 'migration:generate', '-p', '-d', resolve(__dirname, 'data-source.js'), join(apiDir, 'src/database/migrations', name)],
        { stdio: 'inherit', env: { ...process.env, MIGRATION_DATABASE_URL: url } },
      );
      if (result.status !== 0) process.exitCode = result.status ?? 1;
    }
  } finally {
    await stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
