import 'reflect-metadata';
import { buildAppConfig } from './config/app-config';
import { ConfigError, parseEnv } from './config/config.schema';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { createApp, seedDemo } from './bootstrap';
import { ContentOrigin } from './modules/content/content-origin';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './modules/seed/demo-data';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  let databaseUrl = env.DATABASE_URL;
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const db = await startEmbeddedPostgres(env.DATA_DIR, env.EMBEDDED_PG_PORT, (m) => console.error(m));
    databaseUrl = db.url;
    stopDatabase = db.stop;
  }
  const config = buildAppConfig(env, databaseUrl, Boolean(stopDatabase));
  const app = await createApp(config);
  // Graceful shutdown: stop taking requests, let Nest close the pool, then stop the embedded server.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received, shutting down`);
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
  const seeded = await seedDemo(app, config);
  // Node ends a request after 5 minutes by default; a 1 GiB package over a slow office line takes longer.
  (app.getHttpServer() as import('node:http').Server).requestTimeout = 60 * 60 * 1000;
  await app.listen(env.PORT, env.HOST);
  await app.get(ContentOrigin).listen(config.content.port, env.HOST);

  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `  Asah is running${config.embeddedDatabase ? ` (embedded PostgreSQL, data in ${config.dataDir})` : ''}`,
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

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
