import 'reflect-metadata';
import cluster from 'node:cluster';
import { DataSource } from 'typeorm';
import { buildAppConfig, dataDirOf } from './config/app-config';
import { ConfigError, parseEnv, type Env } from './config/config.schema';
import { dataSourceOptions } from './database/data-source';
import { handleShutdownSignalsOurselves, startEmbeddedPostgres } from './database/embedded-postgres';
import { createApp, seedDemo } from './bootstrap';
import { ContentOrigin } from './modules/content/content-origin';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './modules/seed/demo-data';

/** Set by the primary for the workers it forks (API_PROCESSES > 1). */
const WORKER_INDEX = 'ASAH_WORKER_INDEX';
const WORKER_EMBEDDED = 'ASAH_WORKER_EMBEDDED_DATABASE';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  // Every process below stops on SIGTERM/SIGINT itself, draining first.
  handleShutdownSignalsOurselves();
  if (cluster.isPrimary && env.API_PROCESSES > 1) return primary(env);
  // A worker gets the primary's database (embedded or not) and leaves migrations and the demo
  // seed to the primary and to worker 1.
  const worker = cluster.isWorker ? Number(process.env[WORKER_INDEX]) : null;
  const { url: databaseUrl, stop: stopDatabase } = await database(env);
  const config = buildAppConfig(env, databaseUrl, Boolean(stopDatabase) || process.env[WORKER_EMBEDDED] === '1');
  if (worker !== null) config.migrateOnStart = false;
  const app = await createApp(config);
  // Graceful shutdown: stop taking requests, let Nest close the pool, then stop the embedded server.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, shutting down${worker ? ` (process ${worker})` : ''}`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await app.close();
      await stopDatabase?.();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const seeded = worker === null || worker === 1 ? await seedDemo(app, config) : false;
  // Node ends a request after 5 minutes by default; a 1 GiB package over a slow office line takes longer.
  (app.getHttpServer() as import('node:http').Server).requestTimeout = 60 * 60 * 1000;
  await app.listen(env.PORT, env.HOST);
  await app.get(ContentOrigin).listen(config.content.port, env.HOST);
  if (worker !== null && worker !== 1) return;

  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `  Asah is running${config.embeddedDatabase ? ` (embedded PostgreSQL, data in ${config.dataDir})` : ''}${worker ? `, ${env.API_PROCESSES} API processes` : ''}`,
    `  Learner portal : ${base}/`,
    `  Admin portal   : ${base}/admin/`,
    `  API            : ${base}/api  (docs: ${base}/api/docs)`,
    `  Content        : ${config.content.publicUrl}  (packages, files, videos; port ${config.content.port})`,
  ];
  if (config.env.SEED_DEMO) {
    const semarang = DEMO_AGENCIES[0].users;
    lines.push(
      '',
      `  Demo accounts${seeded ? ' (just created)' : ''}, password ${DEMO_PASSWORD}:`,
      `    platform admin : ${DEMO_PLATFORM_ADMIN.email}`,
      `    agency admin   : ${semarang[0].email} (Kota Semarang), ${DEMO_AGENCIES[1].users[0].email} (Kota Ambon)`,
      `    instructor     : ${semarang[1].email}`,
      `    learner        : NIP ${semarang[2].nip} or ${semarang[2].email}`,
    );
  }
  console.log(lines.join('\n') + '\n');
}

/**
 * API_PROCESSES > 1: this process owns the embedded PostgreSQL (when DATABASE_URL is unset), runs
 * the migrations once, creates the development secrets under DATA_DIR before anyone reads them, and
 * forks the API processes, which share the two ports (node:cluster hands out connections). A worker
 * that dies is replaced; SIGTERM/SIGINT stop the workers, then the database.
 */
async function primary(env: Env): Promise<void> {
  const { url: databaseUrl, stop: stopDatabase } = await database(env);
  buildAppConfig(env, databaseUrl, Boolean(stopDatabase));
  const migrator = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  await migrator.runMigrations();
  await migrator.destroy();

  let closing = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ DATABASE_URL: databaseUrl, [WORKER_INDEX]: String(index), [WORKER_EMBEDDED]: stopDatabase ? '1' : '0' });
    let listening = false;
    worker.on('listening', () => (listening = true));
    worker.on('exit', (code, signal) => {
      if (closing) return;
      const how = signal ?? `exit code ${code}`;
      // One that never came up (bad configuration, database gone) would only fail again: stop.
      if (!listening) {
        console.error(`API process ${index} ended before it served (${how}); stopping`);
        return void shutdown('start-up failure', 1);
      }
      console.error(`API process ${index} ended (${how}); starting another`);
      setTimeout(() => fork(index), 1000).unref();
    });
  };
  const shutdown = async (reason: string, exitCode = 0) => {
    if (closing) return;
    closing = true;
    console.log(`${reason}: stopping ${env.API_PROCESSES} API processes`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    try {
      await stopDatabase?.();
    } finally {
      process.exit(exitCode);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM received'));
  process.once('SIGINT', () => void shutdown('SIGINT received'));
  // Process 1 first: it does the first-start work (pg-boss's schema and queues, the demo seed), which
  // several processes doing at once on a fresh database deadlock on (pg-boss createQueue).
  cluster.once('listening', () => {
    for (let i = 2; i <= env.API_PROCESSES; i += 1) fork(i);
  });
  fork(1);
}

/** DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (then `stop` stops it). */
async function database(env: Env): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  // The resolved path: `npm start` runs this from apps/api, and the cluster belongs beside the
  // secrets and content under the root's DATA_DIR (deleting `.data/` starts over with a fresh demo).
  return startEmbeddedPostgres(dataDirOf(env), env.EMBEDDED_PG_PORT, (m) => console.error(m));
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
