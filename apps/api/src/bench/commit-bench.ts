/**
 * Benchmark of SCORM runtime commits: `npm run bench:commit` (root) or `npm run bench:commit -w @asah/api`.
 *
 * This process runs the API (the content origin's `/rt/...` listener and the portal API) on a real
 * PostgreSQL (embedded when DATABASE_URL is unset), seeds a published course with a SCORM 1.2
 * activity, learners with a place in it and one attempt each; a SECOND process (this file forked
 * with `load`) drives it with undici. Each mode runs BENCH_WARMUP_SECONDS (10 s) of its load first
 * (connections opened, JIT), reported apart, then its measured seconds. Modes, then pgbench on the
 * same database:
 *
 * 1. burst: BENCH_CONCURRENCY (500) learners commit back to back, each on its own connection, for
 *    BENCH_SECONDS (20 s). Each commit is realistic: ~3 KB of CMI (location, score, 2 KB of
 *    suspend_data, a few interactions) with the next commitSequence. Target: commits/s >= 0.5x
 *    pgbench's TPS for the equivalent single-row upsert.
 * 2. paced: the same 500 committers, each committing once a second at its own moment. Target p99
 *    < 50 ms at 500 concurrent committers (back to back, each waits for the 499 ahead of it).
 * 3. steady: BENCH_LEARNERS (20,000) learners, each committing every 30 s and opening the progress
 *    page every 60 s (1,000 requests/s in all), for BENCH_STEADY_SECONDS (60 s). Target p99 < 200 ms
 *    and no errors.
 *
 * pgbench: `INSERT ... ON CONFLICT DO UPDATE` of one row with a ~3 KB jsonb per transaction, the
 * same database, BENCH_PGBENCH_CLIENTS (16) clients. pgbench comes from Debian (`postgresql-client`
 * or `postgresql-contrib`); when it is missing the script installs it with apt-get and says so.
 */
import 'reflect-metadata';
import { benchApp, benchDatabase, type BenchDatabase } from './bench-support';
import { execFileSync, fork, spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Client } from 'undici';
import * as yazl from 'yazl';
import type { AppConfig } from '../config/app-config';
import { ContentOrigin } from '../modules/content/content-origin';
import { signContentToken } from '../modules/content/content-tokens';
import { PackageImportService } from '../modules/content/package-import.service';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 20_000);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 60);
/** Seconds of the same load before each mode's measured seconds (connections, JIT), reported apart. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const PGBENCH_CLIENTS = Number(process.env.BENCH_PGBENCH_CLIENTS ?? 16);
const MODES = (process.env.BENCH_MODES ?? 'burst,paced,steady').split(',');
/**
 * API processes serving the load (node:cluster, as API_PROCESSES does in production); 1 = this
 * process. Default: one per core, what docs/configuration.md recommends for a single server (one
 * Node process uses one core, so with 1 the API, not the machine, is the limit).
 */
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? availableParallelism());

interface Learner {
  attemptId: string;
  token: string;
  access: string;
}
interface LoadSpec {
  mode: 'burst' | 'steady' | 'progress';
  contentUrl: string;
  apiUrl: string;
  courseId: string;
  learners: Learner[];
  connections: number;
  /** Measured seconds, after `warmup` seconds of the same load. */
  seconds: number;
  warmup: number;
  /**
   * Open loop (paced, steady): each learner commits every `commit` ms and opens its progress every
   * `progress` ms (0 = never), starting at a random moment of its interval, whatever the answers'
   * speed — as independent learners do. Without it the load is closed-loop (each learner sends its next request once answered).
   */
  intervals?: { commit: number; progress: number };
}
interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  commits: number;
  progressCalls: number;
  errors: number;
  non2xx: number;
  refused: number;
  commitP99: number | null;
  /** CPU the load generator itself spent (ms) in the measured phase, to see what share of the machine it took. */
  loadCpuMs: number;
  /** The warm-up before the measured phase, reported apart. */
  warmup: Omit<LoadResult, 'loadCpuMs' | 'warmup'>;
}

/**
 * CPU (ms) spent so far by the benchmark's PostgreSQL: the postmaster whose command line names
 * `dataDir` and its children (Linux /proc; null elsewhere or with an external DATABASE_URL).
 */
function postgresCpuMs(dataDir: string | undefined): number | null {
  if (!dataDir) return null;
  const stats = new Map<string, { ppid: string; ms: number }>();
  let postmaster: string | null = null;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // after the command: state, ppid, ..., utime (12th), stime, cutime, cstime, in clock ticks (100/s)
      stats.set(pid, { ppid: fields[1]!, ms: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10 });
      if (!postmaster && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir)) postmaster = pid;
    } catch {
      // the process ended meanwhile
    }
  }
  if (!postmaster) return null;
  let ms = 0;
  for (const [pid, s] of stats) if (pid === postmaster || s.ppid === postmaster) ms += s.ms;
  return ms;
}

/** ~3 KB of CMI, as an authoring tool's SCO commits it mid-course. */
function commitObject(session: number, sequence: number): Record<string, unknown> {
  const interactions: Record<string, unknown> = {};
  for (let i = 0; i < 4; i += 1) {
    interactions[String(i)] = {
      id: `q${i + 1}`,
      time: '10:15:00',
      type: 'choice',
      weighting: '1',
      student_response: 'b',
      result: i % 2 ? 'correct' : 'wrong',
      latency: '00:00:12',
      objectives: { '0': { id: 'obj_1' } },
      correct_responses: { '0': { pattern: 'b' } },
    };
  }
  return {
    session,
    commitSequence: sequence,
    cmi: {
      core: {
        student_id: 'x',
        student_name: 'x',
        lesson_location: `slide-${sequence % 40}`,
        credit: 'credit',
        lesson_status: 'incomplete',
        entry: 'ab-initio',
        lesson_mode: 'normal',
        exit: 'suspend',
        session_time: `00:${String(Math.floor(sequence / 60) % 60).padStart(2, '0')}:${String(sequence % 60).padStart(2, '0')}`,
        score: { raw: '', min: '0', max: '100' },
      },
      suspend_data: `{"v":1,"slide":${sequence},"state":"${'A1b2C3d4'.repeat(256)}"}`,
      launch_data: '',
      comments: '',
      objectives: { '0': { id: 'obj_1', status: 'incomplete', score: { raw: '', min: '', max: '' } } },
      student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' },
      student_preference: { audio: '', language: '', speed: '', text: '' },
      interactions,
    },
  };
}

/**
 * The same body as JSON.stringify(commitObject(...)), put together from pieces serialised once, so
 * that the load generator spends its CPU on HTTP rather than on building bodies.
 */
const SESSION = 1234567;
const SEQUENCE = 7654321;
const TEMPLATE = JSON.stringify(commitObject(SESSION, SEQUENCE))
  .replaceAll(String(SEQUENCE), '\u0001')
  .replace(`"lesson_location":"slide-${SEQUENCE % 40}"`, '"lesson_location":"slide-\u0002"')
  .replace(/"session_time":"[^"]*"/, '"session_time":"\u0003"')
  .replace(`"session":${SESSION}`, '"session":\u0004')
  .split(/([\u0001-\u0004])/);
function commitBody(session: number, sequence: number): string {
  const time = `00:${String(Math.floor(sequence / 60) % 60).padStart(2, '0')}:${String(sequence % 60).padStart(2, '0')}`;
  let out = '';
  for (const piece of TEMPLATE) {
    out += piece === '\u0001' ? String(sequence) : piece === '\u0002' ? String(sequence % 40) : piece === '\u0003' ? time : piece === '\u0004' ? String(session) : piece;
  }
  return out;
}
if (commitBody(3, 77) !== JSON.stringify(commitObject(3, 77))) throw new Error('commit body template differs from the commit object');

// ---------------------------------------------------------------------------------------------
// The load process
// ---------------------------------------------------------------------------------------------

async function load(specPath: string): Promise<void> {
  const spec: LoadSpec = JSON.parse(readFileSync(specPath, 'utf8'));
  process.send!(spec.intervals ? await openLoop(spec) : await closedLoop(spec));
}

/** What a load run sends: a learner's next commit, or a progress-page call. */
function requests(spec: LoadSpec) {
  const sequences = new Map<string, number>();
  return {
    commit: (learner: Learner) => {
      const sequence = (sequences.get(learner.attemptId) ?? 0) + 1;
      sequences.set(learner.attemptId, sequence);
      return {
        path: `/rt/${learner.attemptId}/sco/I1/commit?t=${encodeURIComponent(learner.token)}`,
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: commitBody(1, sequence),
      };
    },
    progress: (learner: Learner) => ({ path: `/api/learning/courses/${spec.courseId}/progress`, method: 'GET' as const, headers: { cookie: `asah_at=${learner.access}` }, body: null }),
  };
}

/**
 * `count` keep-alive connections to one origin; a learner always uses the same one, as a learner's
 * browser keeps its connection (so with several API processes, one process serves a learner's
 * commits, as node:cluster does for a browser's connection).
 */
function connections(origin: string, count: number) {
  const clients = Array.from({ length: count }, () => new Client(origin, { pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 }));
  return {
    of: (index: number) => clients[index % count]!,
    close: () => Promise.all(clients.map((c) => c.close())),
  };
}

/** What the requests sent in one phase (warm-up or measured) came to. */
interface Tally {
  latencies: number[];
  commitLatencies: number[];
  commits: number;
  progressCalls: number;
  errors: number;
  non2xx: number;
  refused: number;
}

/**
 * Times a run: `spec.warmup` seconds of the same load first, then `spec.seconds` measured. A request
 * counts in the phase it was sent in. The warm-up covers what a server in service has already done
 * (connections opened, code optimised by the JIT) and is reported apart, never dropped. When the
 * measured phase starts, this process tells the server process, which takes its CPU figures from then.
 */
function phases(spec: LoadSpec) {
  const tally = (): Tally => ({ latencies: [], commitLatencies: [], commits: 0, progressCalls: 0, errors: 0, non2xx: 0, refused: 0 });
  const warm = tally();
  const measured = tally();
  const start = performance.now();
  const measureFrom = start + spec.warmup * 1000;
  let cpuBefore = process.cpuUsage();
  const timer = setTimeout(() => {
    cpuBefore = process.cpuUsage();
    process.send!({ measuring: true });
  }, spec.warmup * 1000);
  return {
    start,
    until: measureFrom + spec.seconds * 1000,
    of: (sentAt: number) => (sentAt < measureFrom ? warm : measured),
    result: (): LoadResult => {
      clearTimeout(timer);
      return { ...summary(spec.seconds, measured), loadCpuMs: cpuMs(process.cpuUsage(cpuBefore)), warmup: summary(spec.warmup, warm) };
    },
  };
}

const cpuMs = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / 1000;

/** One answer: its latency and outcome in the tally of the phase it was sent in. */
function record(t: Tally, kind: 'commit' | 'progress', ms: number, status: number, text: string): void {
  t.latencies.push(ms);
  if (status >= 300) t.non2xx += 1;
  if (kind === 'progress') t.progressCalls += 1;
  else {
    t.commits += 1;
    t.commitLatencies.push(ms);
  }
  if (status !== 200 || (kind === 'commit' && !text.startsWith('{"result":true'))) t.refused += 1;
}

/**
 * Closed loop (burst, progress): `spec.connections` learners, each sending its next request as soon
 * as the previous one is answered. The same undici client as the open loop (it shares the two cores
 * with the API and PostgreSQL; its CPU per request is printed with the results).
 */
async function closedLoop(spec: LoadSpec): Promise<LoadResult> {
  const kind = spec.mode === 'progress' ? 'progress' : 'commit';
  const pool = connections(kind === 'progress' ? spec.apiUrl : spec.contentUrl, spec.connections);
  const make = requests(spec);
  const run = phases(spec);
  const learnerLoop = async (index: number) => {
    // burst: one learner per committer; progress: any learner, in turn.
    for (let call = 0; performance.now() < run.until; call += 1) {
      const learner = spec.learners[kind === 'progress' ? (index + call * spec.connections) % spec.learners.length : index % spec.learners.length]!;
      const started = performance.now();
      const tally = run.of(started);
      try {
        const res = await pool.of(index).request(make[kind](learner));
        const text = await res.body.text();
        record(tally, kind, performance.now() - started, res.statusCode, text);
      } catch {
        tally.errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, (_, i) => learnerLoop(i)));
  const result = run.result();
  await pool.close();
  return result;
}

function summary(seconds: number, t: Tally): Omit<LoadResult, 'loadCpuMs' | 'warmup'> {
  const pct = (list: number[], p: number) => (list.length ? Math.round(list[Math.min(list.length - 1, Math.floor(list.length * p))]!) : 0);
  t.latencies.sort((a, b) => a - b);
  t.commitLatencies.sort((a, b) => a - b);
  return {
    requests: t.latencies.length,
    perSecond: t.latencies.length / Math.max(seconds, 1e-9),
    p50: pct(t.latencies, 0.5),
    p99: pct(t.latencies, 0.99),
    max: pct(t.latencies, 1),
    commits: t.commits,
    progressCalls: t.progressCalls,
    errors: t.errors,
    non2xx: t.non2xx,
    refused: t.refused,
    commitP99: t.commitLatencies.length ? pct(t.commitLatencies, 0.99) : null,
  };
}

/**
 * Open loop (paced, steady): independent learners on keep-alive connections (at most
 * `spec.connections` per origin), each on its own timer whatever the answers' speed. (A rate-limited
 * closed loop fires every connection at the same instants: synchronised bursts that no real
 * population of learners produces.)
 */
async function openLoop(spec: LoadSpec): Promise<LoadResult> {
  const { commit: commitEvery, progress: progressEvery } = spec.intervals!;
  const pools = { content: connections(spec.contentUrl, spec.connections), api: connections(spec.apiUrl, Math.max(10, Math.round(spec.connections / 3))) };
  const make = requests(spec);
  const run = phases(spec);
  let pending = 0;
  const trace: [second: number, ms: number, progress: number][] = [];
  const send = (kind: 'commit' | 'progress', learner: Learner, index: number) => {
    if (performance.now() >= run.until) return;
    const started = performance.now();
    const tally = run.of(started);
    pending += 1;
    (kind === 'commit' ? pools.content : pools.api).of(index).request(make[kind](learner)).then(
      async (res) => {
        const text = await res.body.text();
        pending -= 1;
        const ms = performance.now() - started;
        if (process.env.BENCH_TRACE) trace.push([Math.floor((started - run.start) / 1000), ms, kind === 'progress' ? 1 : 0]);
        record(tally, kind, ms, res.statusCode, text);
      },
      () => {
        pending -= 1;
        tally.errors += 1;
      },
    );
  };
  const timers: NodeJS.Timeout[] = [];
  spec.learners.forEach((learner, i) => {
    const every = (fn: () => void, interval: number) => {
      timers.push(
        setTimeout(() => {
          fn();
          timers.push(setInterval(fn, interval));
        }, Math.random() * interval),
      );
    };
    every(() => send('commit', learner, i), commitEvery);
    if (progressEvery) every(() => send('progress', learner, i), progressEvery + (i % 2)); // +1 ms: no phase lock with the commits
  });
  await new Promise((resolve) => setTimeout(resolve, run.until - performance.now()));
  timers.forEach((t) => clearTimeout(t));
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const result = run.result();
  await Promise.all([pools.content.close(), pools.api.close()]);
  if (process.env.BENCH_TRACE) {
    // BENCH_TRACE=1: per second of the run (warm-up included), requests sent, their slowest answer, and of progress calls.
    const seconds = new Map<number, { n: number; max: number; progressMax: number }>();
    for (const [second, ms, progress] of trace) {
      const s = seconds.get(second) ?? { n: 0, max: 0, progressMax: 0 };
      s.n += 1;
      s.max = Math.max(s.max, ms);
      if (progress) s.progressMax = Math.max(s.progressMax, ms);
      seconds.set(second, s);
    }
    for (const [second, s] of [...seconds].sort((a, b) => a[0] - b[0])) console.error(`  t=${second}s sent ${s.n}, slowest ${Math.round(s.max)} ms (progress ${Math.round(s.progressMax)} ms)${second < spec.warmup ? ' warm-up' : ''}`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The server process
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'asah-bench-commit-'));
  let database: BenchDatabase | undefined;
  try {
    const pgbench = findPgbench();
    database = await benchDatabase(true);
    const databaseUrl = database.url;
    const pgDir = database.pgDir ?? undefined;
    const { app, config } = await benchApp(database, root, {
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      PORT: String(40000 + Math.floor(Math.random() * 10000)),
      ...serverSettings(),
    });
    await app.listen(0, '127.0.0.1');
    const apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const content = await app.get(ContentOrigin).listen(0, '127.0.0.1');
    const contentUrl = `http://127.0.0.1:${content.port}`;
    const db = app.get(DataSource);
    const learnerCount = Math.max(CONCURRENCY, MODES.includes('steady') || MODES.includes('progress') ? LEARNERS : 0);
    console.log(`Seeding a course, ${learnerCount} learners with a place in it, one attempt each...`);
    const { courseId, learners } = await seed(app.get(PackageImportService), db, config, app.get(JwtService), learnerCount, root);
    // The modes measure learners in the middle of a course: each has launched the package and made
    // its first commit (status null -> incomplete, which takes the rollup path once per attempt).
    const api = API_PROCESSES > 1 ? await apiProcesses(API_PROCESSES, database, root, config) : inProcessApi({ apiUrl, contentUrl });
    // Through the API processes that serve the modes, which also warms them up (JIT, state caches).
    console.log(`Each learner makes a first commit (mid-course state)...`);
    await firstCommits(api.urls.contentUrl, learners);
    // A database in service has statistics (autovacuum); the freshly seeded one has none yet, and the
    // generic plans of the prepared hot queries are made from statistics.
    await db.query('ANALYZE');

    const lines: string[] = [
      '',
      `SCORM commit benchmark (${API_PROCESSES} API process${API_PROCESSES > 1 ? 'es' : ''}, pool ${config.env.DATABASE_POOL_SIZE} connections each, commit linger ${config.env.RUNTIME_COMMIT_LINGER_MS} ms; load from another process)`,
      `  machine: ${cpus().length} CPUs, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    ];
    /** A load run, with the CPU the API and PostgreSQL spent in its measured phase (after the warm-up). */
    const measure = async (spec: Omit<LoadSpec, 'contentUrl' | 'apiUrl' | 'courseId' | 'warmup'>, warmup = WARMUP_SECONDS) => {
      let cpuBefore = api.cpu();
      let pgBefore = postgresCpuMs(pgDir);
      const r = await runLoad({ ...spec, ...api.urls, courseId, warmup }, root, () => {
        cpuBefore = api.cpu();
        pgBefore = postgresCpuMs(pgDir);
      });
      const errors = (x: { errors: number; non2xx: number; refused: number }) => `errors ${x.errors}, non-2xx ${x.non2xx}, refused ${x.refused}`;
      return {
        r,
        errors: errors(r),
        cpu: (what: string, count: number) => cpuLine(what, api.cpu(cpuBefore), pgBefore, postgresCpuMs(pgDir), r.loadCpuMs, count),
        /** Nothing may go wrong in the warm-up either. */
        clean: [r, r.warmup].every((x) => x.errors === 0 && x.non2xx === 0 && x.refused === 0),
        warmup: `          warm-up: the same load for ${warmup} s before, not in the figures above: ${r.warmup.requests} requests, p50 ${r.warmup.p50} ms, p99 ${r.warmup.p99} ms, max ${r.warmup.max} ms, ${errors(r.warmup)}`,
      };
    };
    let burstRate: number | null = null;
    if (MODES.includes('burst')) {
      console.log(`burst: ${CONCURRENCY} learners committing back to back, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s...`);
      const m = await measure({ mode: 'burst', learners: learners.slice(0, CONCURRENCY), connections: CONCURRENCY, seconds: SECONDS });
      burstRate = m.r.commits / SECONDS;
      lines.push(`  burst   ${CONCURRENCY} concurrent committers, ${SECONDS} s: ${burstRate.toFixed(0)} commits/s, p50 ${m.r.p50} ms, p99 ${m.r.p99} ms, max ${m.r.max} ms, ${m.errors}`);
      lines.push(m.cpu('commit', m.r.commits), m.warmup);
    }
    if (MODES.includes('paced')) {
      // The same committers at a pace a SCO can actually keep (a commit per second each, 30 times
      // scorm-again's usual cadence): latency under load rather than queueing behind a closed loop.
      console.log(`paced: ${CONCURRENCY} learners committing once a second each, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s...`);
      const m = await measure({ mode: 'burst', learners: learners.slice(0, CONCURRENCY), connections: CONCURRENCY, seconds: SECONDS, intervals: { commit: 1000, progress: 0 } });
      const ok = m.r.p99 < 50 && m.clean;
      lines.push(
        `  paced   ${CONCURRENCY} committers, one commit per second each, ${SECONDS} s: ${(m.r.commits / SECONDS).toFixed(0)} commits/s, p50 ${m.r.p50} ms, p99 ${m.r.p99} ms, max ${m.r.max} ms, ` +
          `${m.errors}   (target p99 < 50 ms at 500 concurrent committers: ${ok ? 'met' : 'MISSED'})`,
      );
      lines.push(m.cpu('commit', m.r.commits), m.warmup);
    }
    if (MODES.includes('progress')) {
      console.log(`progress: 50 learners opening their course progress back to back, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s...`);
      const m = await measure({ mode: 'progress', learners, connections: 50, seconds: SECONDS });
      lines.push(`  progress 50 connections, ${SECONDS} s: ${(m.r.progressCalls / SECONDS).toFixed(0)} calls/s, p50 ${m.r.p50} ms, p99 ${m.r.p99} ms, ${m.errors}`);
      lines.push(m.cpu('progress call', m.r.progressCalls), m.warmup);
    }
    if (MODES.includes('steady')) {
      const rate = Math.round(LEARNERS / 30 + LEARNERS / 60);
      // The warm-up lasts at least one commit interval, so that every learner has committed once:
      // a server in service holds the states of the learners it serves. The first interval after a
      // start (every commit a cache miss, as after a deploy) is the warm-up's figure, printed.
      const warmup = Math.max(WARMUP_SECONDS, 30);
      console.log(`steady: ${LEARNERS} learners (commit every 30 s, progress every 60 s = ${rate} requests/s), ${warmup} s warm-up + ${STEADY_SECONDS} s...`);
      const m = await measure({ mode: 'steady', learners, connections: 150, seconds: STEADY_SECONDS, intervals: { commit: 30_000, progress: 60_000 } }, warmup);
      const ok = m.r.p99 < 200 && m.clean;
      lines.push(
        `  steady  ${LEARNERS} learners, ${STEADY_SECONDS} s: ${m.r.perSecond.toFixed(0)} requests/s (${(m.r.commits / STEADY_SECONDS).toFixed(0)} commits/s + ${(m.r.progressCalls / STEADY_SECONDS).toFixed(0)} progress/s), ` +
          `p50 ${m.r.p50} ms, p99 ${m.r.p99} ms, max ${m.r.max} ms, ${m.errors}   (target p99 < 200 ms, no errors: ${ok ? 'met' : 'MISSED'})`,
      );
      lines.push(m.cpu('request', m.r.requests), m.warmup);
    }
    const [{ n: stored }] = await db.query(`SELECT count(*)::int AS n FROM tracking_commits`);
    lines.push(`  stored  ${stored} commit rows in tracking_commits`);
    // Requests of a closed-loop mode may still be running after the load process ended: let them
    // finish before the pool closes under them.
    await api.stop();
    const pool = (db.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    for (let i = 0; i < 100 && (pool.totalCount > pool.idleCount || pool.waitingCount > 0); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close();

    const tps = runPgbench(pgbench, databaseUrl, root);
    lines.push(`  pgbench single-row upsert of ~3 KB jsonb, ${PGBENCH_CLIENTS} clients, 15 s: ${tps.toFixed(0)} TPS`);
    if (burstRate !== null) {
      const ratio = burstRate / tps;
      lines.push(`  ratio   commits/s / pgbench TPS = ${ratio.toFixed(2)}   (target >= 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'})`);
    }
    lines.push('', '  repeat: npm run bench:commit   (BENCH_MODES=burst,paced,steady[,progress] BENCH_API_PROCESSES BENCH_CONCURRENCY BENCH_SECONDS BENCH_WARMUP_SECONDS BENCH_LEARNERS BENCH_STEADY_SECONDS BENCH_PGBENCH_CLIENTS DATABASE_URL DATABASE_POOL_SIZE RUNTIME_COMMIT_LINGER_MS)', '');
    console.log(lines.join('\n'));
  } finally {
    await database?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The server settings a run may change from the environment (the rest are the defaults). */
function serverSettings(): Record<string, string> {
  const names = ['DATABASE_POOL_SIZE', 'RUNTIME_COMMIT_LINGER_MS'];
  return Object.fromEntries(names.filter((n) => process.env[n]).map((n) => [n, process.env[n]!]));
}

/** CPU (ms) the API process(es) spent. */
interface ApiCpu {
  totalMs: number;
  systemMs: number;
}
/** Where the load goes, and the CPU the API spends there. */
interface BenchApi {
  urls: { apiUrl: string; contentUrl: string };
  /** CPU so far, or since `since`. */
  cpu(since?: ApiCpu): ApiCpu;
  stop(): Promise<void>;
}

function inProcessApi(urls: BenchApi['urls']): BenchApi {
  return {
    urls,
    cpu: (since) => {
      const now = process.cpuUsage();
      const at = { totalMs: (now.user + now.system) / 1000, systemMs: now.system / 1000 };
      return since ? { totalMs: at.totalMs - since.totalMs, systemMs: at.systemMs - since.systemMs } : at;
    },
    stop: async () => undefined,
  };
}

/** CPU (ms) of a process from /proc (Linux). */
function procCpu(pid: number): ApiCpu {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { totalMs: (Number(fields[11]) + Number(fields[12])) * 10, systemMs: Number(fields[12]) * 10 };
  } catch {
    return { totalMs: 0, systemMs: 0 };
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `count` API processes on the same database and secrets, sharing two ports through node:cluster
 * (what API_PROCESSES does in main.ts). Their state caches start empty, as after a deploy.
 */
async function apiProcesses(count: number, database: BenchDatabase, root: string, config: AppConfig): Promise<BenchApi> {
  const [apiPort, contentPort] = [await freePort(), await freePort()];
  const env = {
    BENCH_API_WORKER: JSON.stringify({ url: database.url, pgDir: database.pgDir, root, apiPort, contentPort, jwtSecret: config.jwtSecret }),
  };
  console.log(`Starting ${count} API processes...`);
  const workers = Array.from({ length: count }, () => cluster.fork(env));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(`API process failed: ${m.error}`))));
          w.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
        }),
    ),
  );
  const pids = workers.map((w) => w.process.pid!);
  return {
    urls: { apiUrl: `http://127.0.0.1:${apiPort}`, contentUrl: `http://127.0.0.1:${contentPort}` },
    cpu: (since) => {
      const at = pids.map(procCpu).reduce((a, b) => ({ totalMs: a.totalMs + b.totalMs, systemMs: a.systemMs + b.systemMs }));
      return since ? { totalMs: at.totalMs - since.totalMs, systemMs: at.systemMs - since.systemMs } : at;
    },
    stop: async () => {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.removeAllListeners('exit');
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** One API process of apiProcesses(). */
async function apiWorker(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_API_WORKER!) as { url: string; pgDir: string | null; root: string; apiPort: number; contentPort: number; jwtSecret: string };
  try {
    const { app } = await benchApp({ url: spec.url, pgDir: spec.pgDir, stop: async () => undefined }, spec.root, {
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      JWT_SECRET: spec.jwtSecret,
      PORT: String(spec.apiPort),
      CONTENT_PORT: String(spec.contentPort),
      ...serverSettings(),
    });
    await app.listen(spec.apiPort, '127.0.0.1');
    await app.get(ContentOrigin).listen(spec.contentPort, '127.0.0.1');
    process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
    process.send!({ ready: true });
  } catch (error) {
    process.send!({ error: String(error) });
    process.exit(1);
  }
}

async function firstCommits(contentUrl: string, learners: Learner[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < learners.length) {
      const learner = learners[next++]!;
      const res = await fetch(`${contentUrl}/rt/${learner.attemptId}/sco/I1/commit?t=${encodeURIComponent(learner.token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: commitBody(1, 0),
      });
      const text = await res.text();
      if (!text.startsWith('{"result":true')) throw new Error(`first commit refused: ${res.status} ${text}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** BENCH_TRACE=1: per second, the API process's longest event-loop delay and its garbage collection time. */
function traceApi(): () => void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => (gcMs += e.duration)));
  gc.observe({ entryTypes: ['gc'] });
  let second = 0;
  const timer = setInterval(() => {
    console.error(`  api t=${second++}s event loop delay max ${(delay.max / 1e6).toFixed(0)} ms, garbage collection ${gcMs.toFixed(0)} ms`);
    delay.reset();
    gcMs = 0;
  }, 1000);
  return () => {
    clearInterval(timer);
    delay.disable();
    gc.disconnect();
  };
}

/** CPU per request of the API process, the benchmark's PostgreSQL and the load generator: what the machine's load cannot change. */
function cpuLine(what: string, api: ApiCpu, pgBefore: number | null, pgAfter: number | null, loadCpuMs: number, count: number): string {
  const n = Math.max(1, count);
  const apiMs = api.totalMs / n;
  const pgMs = pgBefore !== null && pgAfter !== null ? (pgAfter - pgBefore) / n : null;
  const loadMs = loadCpuMs / n;
  return (
    `          CPU per ${what}: API ${apiMs.toFixed(2)} ms (${(api.systemMs / n).toFixed(2)} of it in the kernel), PostgreSQL ${pgMs === null ? 'not measured (external DATABASE_URL)' : `${pgMs.toFixed(2)} ms`}, load generator ${loadMs.toFixed(2)} ms` +
    (pgMs === null ? '' : ` (all three on ${cpus().length} cores: at most ~${Math.floor((cpus().length * 1000) / (apiMs + pgMs + loadMs))}/s)`)
  );
}

/** Runs a load process; `onMeasuring` when its warm-up ends. */
function runLoad(spec: LoadSpec, root: string, onMeasuring: () => void): Promise<LoadResult> {
  const specPath = join(root, `load-${spec.mode}.json`);
  writeFileSync(specPath, JSON.stringify(spec));
  const stopTrace = process.env.BENCH_TRACE && API_PROCESSES === 1 ? traceApi() : () => undefined;
  return new Promise<LoadResult>((resolve, reject) => {
    // The load generator takes none of the API process's flags, only a larger young generation: it
    // shares the two cores with the API and PostgreSQL, and with V8's default one its scavenges of
    // short-lived request objects cost 0.14 ms of CPU per commit against 0.10 ms with this (burst).
    const child = fork(__filename, ['load', specPath], { stdio: 'inherit', execArgv: ['--max-semi-space-size=64'] });
    child.on('message', (m: LoadResult | { measuring: true }) => ('measuring' in m ? onMeasuring() : resolve(m)));
    child.once('error', reject);
    child.once('exit', (code) => (code ? reject(new Error(`load process exited with ${code}`)) : undefined));
  }).finally(stopTrace);
}

async function seed(importer: PackageImportService, db: DataSource, config: AppConfig, jwt: JwtService, count: number, root: string) {
  const [agency] = await db.query(`INSERT INTO agencies (code, name, active) VALUES ('BENCH', 'Benchmark', true) RETURNING id`);
  const [admin] = await db.query(`INSERT INTO users (name, email, nip, roles, active, agency_id) VALUES ('Bench Admin', 'bench@asah.id', NULL, '{platform_admin}', true, NULL) RETURNING id`);
  const [course] = await db.query(
    `INSERT INTO courses (agency_id, code, title, category, delivery_mode, jp, status) VALUES ($1, 'BENCH-1', 'Benchmark', 'teknis', 'e_learning', 2, 'published') RETURNING id`,
    [agency.id],
  );
  const [section] = await db.query(`INSERT INTO course_sections (course_id, title, position) VALUES ($1, 'Modul 1', 0) RETURNING id`, [course.id]);
  const [activity] = await db.query(
    `INSERT INTO course_activities (course_id, section_id, type, title, position, settings) VALUES ($1, $2, 'scorm', 'Paket', 0, '{"attemptPolicy":"always"}') RETURNING id`,
    [course.id, section.id],
  );
  const zipPath = join(root, 'package.zip');
  await new Promise<void>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(MANIFEST), 'imsmanifest.xml');
    zip.addBuffer(Buffer.from('<html><body>SCO</body></html>'), 'index.html');
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => {
      writeFileSync(zipPath, Buffer.concat(chunks));
      resolve();
    });
    zip.outputStream.on('error', reject);
  });
  const version = await importer.importFile({ userId: admin.id, sessionId: 'bench', roles: ['platform_admin'], agencyId: null }, course.id, activity.id, zipPath);
  // Set-based inserts: 20,000 learners seed in seconds.
  await db.query(
    `INSERT INTO users (name, email, nip, roles, active, agency_id)
     SELECT 'Peserta ' || g, 'peserta' || g || '@bench.asah.id', NULL, '{learner}', true, $1 FROM generate_series(1, $2) g`,
    [agency.id, count],
  );
  await db.query(`INSERT INTO enrolments (course_id, user_id, status, method) SELECT $1, id, 'active', 'admin' FROM users WHERE agency_id = $2 AND email LIKE 'peserta%'`, [course.id, agency.id]);
  await db.query(
    `INSERT INTO tracking_attempts (user_id, activity_id, course_id, package_version_id, standard, attempt_number, status, session_count)
     SELECT id, $1, $2, $3, 'scorm12', 1, 'incomplete', 1 FROM users WHERE agency_id = $4 AND email LIKE 'peserta%'`,
    [activity.id, course.id, version.id, agency.id],
  );
  // What launching writes besides the attempt: the learner's activity result, started.
  await db.query(
    `INSERT INTO activity_results (user_id, activity_id, course_id, status, attempts, last_activity_at) SELECT user_id, activity_id, course_id, 'incomplete', 1, now() FROM tracking_attempts WHERE activity_id = $1`,
    [activity.id],
  );
  const expiresAt = new Date(Date.now() + 86_400_000);
  await db.query(`INSERT INTO sessions (user_id, expires_at) SELECT id, $2 FROM users WHERE agency_id = $1 AND email LIKE 'peserta%'`, [agency.id, expiresAt]);
  const rows: { attempt_id: string; user_id: string; session_id: string }[] = await db.query(
    `SELECT t.id AS attempt_id, t.user_id, s.id AS session_id FROM tracking_attempts t JOIN sessions s ON s.user_id = t.user_id ORDER BY t.user_id`,
  );
  const exp = Math.floor(Date.now() / 1000) + 6 * 3600;
  const learners: Learner[] = rows.map((r) => ({
    attemptId: r.attempt_id,
    token: signContentToken(config.content.tokenSecret, { kind: 'attempt', attemptId: r.attempt_id, userId: r.user_id, exp }),
    access: jwt.sign({ sub: r.user_id, sid: r.session_id }, { expiresIn: 3600, algorithm: 'HS256' }),
  }));
  return { courseId: course.id as string, learners };
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="BENCH" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>Benchmark</title>
    <item identifier="I1" identifierref="R1"><title>Materi</title></item>
  </organization></organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;

/** pgbench on PATH or in Debian's PostgreSQL folders; installed with apt-get when missing. */
function findPgbench(): string {
  const known = ['/usr/bin/pgbench', ...['17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`)];
  const found = known.find((p) => existsSync(p));
  if (found) return found;
  console.log('pgbench is not installed: installing the Debian package postgresql-contrib with apt-get (needs root)...');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-contrib'], { stdio: 'inherit' });
  const installed = known.find((p) => existsSync(p));
  if (!installed) throw new Error('pgbench is still missing after apt-get install postgresql-contrib');
  return installed;
}

/** TPS of the equivalent single-row upsert (one ~3 KB jsonb row per learner id) on the same database. */
function runPgbench(pgbench: string, databaseUrl: string, root: string): number {
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)];
  const database = url.pathname.slice(1);
  const psql = (sql: string) => spawnSync(pgbench.replace(/pgbench$/, 'psql'), [...args, '-d', database, '-c', sql], { env, encoding: 'utf8' });
  const setup = psql(`DROP TABLE IF EXISTS bench_upsert; CREATE TABLE bench_upsert (id int PRIMARY KEY, seq int NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  if (setup.status !== 0) throw new Error(`psql failed: ${setup.stderr}`);
  const script = join(root, 'upsert.sql');
  writeFileSync(
    script,
    `\\set id random(1, ${CONCURRENCY})\n` +
      `INSERT INTO bench_upsert (id, seq, data) VALUES (:id, 1, jsonb_build_object('location', 'slide-' || :id, 'suspend_data', repeat('A1b2C3d4', 384))) ` +
      `ON CONFLICT (id) DO UPDATE SET seq = bench_upsert.seq + 1, data = EXCLUDED.data, updated_at = now();\n`,
  );
  console.log(`pgbench: ${PGBENCH_CLIENTS} clients, 15 s...`);
  const run = spawnSync(pgbench, [...args, '-n', '-f', script, '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', '15', database], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
  const tps = /tps = ([\d.]+)/.exec(run.stdout);
  if (!tps) throw new Error(`pgbench printed no TPS:\n${run.stdout}`);
  psql('DROP TABLE bench_upsert');
  return Number(tps[1]);
}

if (cluster.isWorker) {
  void apiWorker();
} else if (process.argv[2] === 'load') {
  load(process.argv[3]!).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
