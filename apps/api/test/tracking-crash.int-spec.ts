import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ZLaunch } from '@asah/contracts/tracking';
import { PASSWORD, aCourse, aUser, aWorld, anEnrolment } from './factories/builders';
import { aScormManifest, buildZip, uploadPackage } from './support/content';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const MAIN = resolve(__dirname, '../dist/main.js');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/**
 * The BUILT API (apps/api/dist/main.js, as `npm start` runs it) is killed with SIGKILL while
 * learners commit, then started again on the same database: every commit it acknowledged must be
 * there. Build first (`npx turbo run build --filter=@asah/api...`).
 */
describe('SCORM commits survive a crash', () => {
  let t: TestApp;
  const jwtSecret = randomBytes(32).toString('hex');
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    t = await createTestApp({ JWT_SECRET: jwtSecret });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await t.close();
  });

  async function start(databaseUrl: string, ports: { api: number; content: number }): Promise<ChildProcess> {
    const proc = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'error',
        SEED_DEMO: 'false',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: jwtSecret,
        PORT: String(ports.api),
        CONTENT_PORT: String(ports.content),
        HOST: '127.0.0.1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'asah-crash-')),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`the API exited with ${proc.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${ports.api}/api/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        // The content origin starts right after the API listener.
        const content = await fetch(`http://127.0.0.1:${ports.content}/rt/x/`).catch(() => null);
        if (content) return proc;
      }
      if (Date.now() > deadline) throw new Error('the API did not start within 60 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('[platform] every commit acknowledged before SIGKILL is in the database after a restart', async () => {
    const world = await aWorld(t.db);
    const instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    const built = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).published().create();
    const zip = await buildZip([{ name: 'imsmanifest.xml', content: aScormManifest() }, { name: 'index.html', content: '<html></html>' }]);
    await uploadPackage(instructor, built.course.id, built.activities[0]!.id, zip).expect(201);
    const attempts: { id: string; token: string }[] = [];
    for (let i = 0; i < 8; i += 1) {
      const learner = await aUser(t.db).in(world.semarang.agency).create();
      await anEnrolment(t.db).of(learner).in(built.course).create();
      const agent = await t.signIn(learner.email, PASSWORD);
      const launch = ZLaunch.parse((await agent.post(`/api/learning/activities/${built.activities[0]!.id}/launch`).send({}).expect(200)).body);
      attempts.push({ id: launch.attemptId, token: new URL(launch.launcherUrl).searchParams.get('t')! });
    }

    const databaseUrl = (t.db.options as { url: string }).url;
    const ports = { api: await freePort(), content: await freePort() };
    child = await start(databaseUrl, ports);
    const content = `http://127.0.0.1:${ports.content}`;

    const acked: { attemptId: string; sequence: number }[] = [];
    let stop = false;
    const worker = async (a: { id: string; token: string }) => {
      for (let sequence = 1; !stop; sequence += 1) {
        // Every fifth commit changes the status and score, which takes the transactional path with the rollup.
        const status = sequence % 5 === 0 ? 'failed' : 'incomplete';
        const body = JSON.stringify({
          session: 1,
          commitSequence: sequence,
          cmi: { core: { lesson_location: `loc-${sequence}`, lesson_status: status, exit: 'suspend', session_time: '00:00:01', score: { raw: String(sequence % 100), min: '0', max: '100' } }, suspend_data: `s-${sequence}-${'x'.repeat(2000)}` },
        });
        try {
          const res = await fetch(`${content}/rt/${a.id}/sco/I1/commit?t=${encodeURIComponent(a.token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const ack = (await res.json()) as { result: boolean };
          if (res.status === 200 && ack.result === true) acked.push({ attemptId: a.id, sequence });
          else return;
        } catch {
          return; // the server went away: this commit was never acknowledged
        }
      }
    };
    const running = attempts.map((a) => worker(a));
    // Let commits flow, then kill the process in the middle of them.
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(running);
    await new Promise<void>((r) => (child!.exitCode !== null || child!.signalCode !== null ? r() : child!.once('exit', () => r())));
    expect(acked.length).toBeGreaterThanOrEqual(150);

    child = await start(databaseUrl, ports);
    const stored: { attempt_id: string; sequence: number }[] = await t.db.query(`SELECT attempt_id, sequence FROM tracking_commits WHERE applied AND attempt_id = ANY($1)`, [attempts.map((a) => a.id)]);
    const storedKeys = new Set(stored.map((r) => `${r.attempt_id}:${r.sequence}`));
    const missing = acked.filter((k) => !storedKeys.has(`${k.attemptId}:${k.sequence}`));
    expect(missing).toEqual([]);
    // The state of each SCO is the newest commit stored, at least the newest acknowledged one.
    for (const a of attempts) {
      const [state] = await t.db.query(`SELECT last_sequence, location, suspend_data FROM tracking_sco_states WHERE attempt_id = $1`, [a.id]);
      const newestAcked = Math.max(0, ...acked.filter((k) => k.attemptId === a.id).map((k) => k.sequence));
      expect(state.last_sequence).toBeGreaterThanOrEqual(newestAcked);
      expect(state.location).toBe(`loc-${state.last_sequence}`);
      expect(state.suspend_data.startsWith(`s-${state.last_sequence}-`)).toBe(true);
    }
    // The restarted process carries on where the learners are.
    const a = attempts[0]!;
    const [{ last_sequence }] = await t.db.query(`SELECT last_sequence FROM tracking_sco_states WHERE attempt_id = $1`, [a.id]);
    const res = await fetch(`${content}/rt/${a.id}/sco/I1/commit?t=${encodeURIComponent(a.token)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ session: 1, commitSequence: last_sequence + 1, cmi: { core: { lesson_location: 'after-restart' } } }),
    });
    expect(await res.json()).toEqual({ result: true, errorCode: 0 });
    child.kill('SIGTERM');
  });
});
