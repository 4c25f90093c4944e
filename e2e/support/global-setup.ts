import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts the product exactly as `npm start` serves it (built API serving both built portals),
 * on free ports and a throw-away data directory, so the demo seed is fresh for every run.
 */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  // The content origin listens on a port of its own (PORT + 1 by default, which may be taken).
  let contentPort = await freePort();
  while (contentPort === port) contentPort = await freePort();
  const pgPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'asah-e2e-'));
  mkdirSync(join(__dirname, '..', 'artifacts'), { recursive: true });
  const log = createWriteStream(join(__dirname, '..', 'artifacts', 'server.log'));
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), CONTENT_PORT: String(contentPort), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The product exited with ${child.exitCode}; see e2e/artifacts/server.log`);
    if ((await healthStatus(`${baseUrl}/api/health`)) === 200) break;
    if (Date.now() > deadline) throw new Error('The product did not become healthy within 90 s; see e2e/artifacts/server.log');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.E2E_BASE_URL = baseUrl;
  // The product's embedded PostgreSQL (apps/api/src/database/embedded-postgres.ts), for specs that check what was stored.
  process.env.E2E_DATABASE_URL = `postgres://asah:asah@127.0.0.1:${pgPort}/asah`;
  (globalThis as Record<string, unknown>).__ASAH_E2E__ = { child, dataDir };
}

/** A plain request without keep-alive, so no socket keeps Jest's main process alive afterwards. */
function healthStatus(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', () => ok(0));
  });
}
