import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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

  async function start(databaseUrl: string, ports: { api: number; content: number }, env: Record<string, string> = {}): Promise<ChildProcess> {
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
        ...env,
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

  /** `count` learners of a new SCORM course, each with a launched attempt. */
  async function attemptsOfLearners(count: number): Promise<{ id: string; token: string }[]> {
    const world = await aWorld(t.db);
    const instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    const built = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).published().create();
    const zip = await buildZip([{ name: 'imsmanifest.xml', content: aScormManifest() }, { name: 'index.html', content: '<html></html>' }]);
    await uploadPackage(instructor, built.course.id, built.activities[0]!.id, zip).expect(201);
    const attempts: { id: string; token: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      const learner = await aUser(t.db).in(world.semarang.agency).create();
      await anEnrolment(t.db).of(learner).in(built.course).create();
      const agent = await t.signIn(learner.email, PASSWORD);
      const launch = ZLaunch.parse((await agent.post(`/api/learning/activities/${built.activities[0]!.id}/launch`).send({}).expect(200)).body);
      attempts.push({ id: launch.attemptId, token: new URL(launch.launcherUrl).searchParams.get('t')! });
    }
    return attempts;
  }

  /**
   * Each attempt commits back to back until stop(). A commit whose answer never came (the server
   * went away) is sent again, as scorm-again's offline queue does: idempotent by its sequence.
   */
  function commitUntilStopped(attempts: { id: string; token: string }[], content: string) {
    const acked: { attemptId: string; sequence: number }[] = [];
    const failures: number[] = [];
    let stopped = false;
    const run = async (a: { id: string; token: string }) => {
      for (let sequence = 1; !stopped; ) {
        // Every fifth commit changes the status and score, which takes the transactional path with the rollup.
        const status = sequence % 5 === 0 ? 'failed' : 'incomplete';
        const body = JSON.stringify({
          session: 1,
          commitSequence: sequence,
          cmi: { core: { lesson_location: `loc-${sequence}`, lesson_status: status, exit: 'suspend', session_time: '00:00:01', score: { raw: String(sequence % 100), min: '0', max: '100' } }, suspend_data: `s-${sequence}-${'x'.repeat(2000)}` },
        });
        try {
          const res = await fetch(`${content}/rt/${a.id}/sco/I1/commit?t=${encodeURIComponent(a.token)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          const ack = (await res.json()) as { result: boolean };
          if (res.status === 200 && ack.result === true) {
            acked.push({ attemptId: a.id, sequence });
            sequence += 1;
          } else failures.push(res.status);
        } catch {
          await new Promise((r) => setTimeout(r, 50)); // never acknowledged: send it again
        }
      }
    };
    const running = attempts.map((a) => run(a));
    return {
      acked,
      failures,
      async stop() {
        stopped = true;
        await Promise.all(running);
      },
    };
  }

  /** Every acknowledged commit is stored, and each SCO holds the newest stored one. */
  async function expectAcknowledgedStored(attempts: { id: string; token: string }[], acked: { attemptId: string; sequence: number }[]) {
    const stored: { attempt_id: string; sequence: number }[] = await t.db.query(`SELECT attempt_id, sequence FROM tracking_commits WHERE applied AND attempt_id = ANY($1)`, [attempts.map((a) => a.id)]);
    const storedKeys = new Set(stored.map((r) => `${r.attempt_id}:${r.sequence}`));
    const missing = acked.filter((k) => !storedKeys.has(`${k.attemptId}:${k.sequence}`));
    expect(missing).toEqual([]);
    for (const a of attempts) {
      const [state] = await t.db.query(`SELECT last_sequence, location, suspend_data FROM tracking_sco_states WHERE attempt_id = $1`, [a.id]);
      const newestAcked = Math.max(0, ...acked.filter((k) => k.attemptId === a.id).map((k) => k.sequence));
      expect(state.last_sequence).toBeGreaterThanOrEqual(newestAcked);
      expect(state.location).toBe(`loc-${state.last_sequence}`);
      expect(state.suspend_data.startsWith(`s-${state.last_sequence}-`)).toBe(true);
    }
  }

  const exited = (proc: ChildProcess) =>
    new Promise<number | null>((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(proc.exitCode) : proc.once('exit', (code) => r(code))));
  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 60_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('[platform] every commit acknowledged before SIGKILL is in the database after a restart', async () => {
    const attempts = await attemptsOfLearners(8);
    const databaseUrl = (t.db.options as { url: string }).url;
    const ports = { api: await freePort(), content: await freePort() };
    child = await start(databaseUrl, ports);
    const content = `http://127.0.0.1:${ports.content}`;

    const load = commitUntilStopped(attempts, content);
    // Let commits flow, then kill the process in the middle of them.
    await until(() => load.acked.length >= 150, '150 acknowledged commits');
    child.kill('SIGKILL');
    await load.stop();
    await exited(child);
    expect(load.failures).toEqual([]);

    child = await start(databaseUrl, ports);
    await expectAcknowledgedStored(attempts, load.acked);
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
    await exited(child);
  });

  it('[platform] API_PROCESSES=2: a killed API process is replaced without losing an acknowledged commit; SIGTERM drains both', async () => {
    const attempts = await attemptsOfLearners(8);
    const databaseUrl = (t.db.options as { url: string }).url;
    const ports = { api: await freePort(), content: await freePort() };
    // As on a fresh database: the job queues' schema is created by the API processes at start.
    await t.db.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    const primary = (child = await start(databaseUrl, ports, { API_PROCESSES: '2' }));
    const workers = () => childrenOf(primary.pid!);
    await until(() => workers().length === 2, 'two API processes');
    const first = workers();

    const load = commitUntilStopped(attempts, `http://127.0.0.1:${ports.content}`);
    await until(() => load.acked.length >= 100, '100 acknowledged commits');
    process.kill(first[0]!, 'SIGKILL');
    await until(() => workers().length === 2 && !workers().includes(first[0]!), 'a replacement API process');
    const before = load.acked.length;
    await until(() => load.acked.length >= before + 100, '100 more acknowledged commits');

    // A stop while learners commit: requests in flight are answered, none fails.
    primary.kill('SIGTERM');
    expect(await exited(primary)).toBe(0);
    await load.stop();
    expect(workers()).toEqual([]);
    expect(load.failures).toEqual([]);
    await expectAcknowledgedStored(attempts, load.acked);
  });
});

/** Live child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') children.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return children;
}
