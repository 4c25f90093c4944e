/**
 * Benchmark of bulk certificate issuing: `npm run bench:certificates` (root or -w @asah/api).
 *
 * Seeds one agency with BENCH_CERTIFICATES (default 10,000) learners who completed a course in one
 * cohort, then runs the real bulk job (BulkIssueService: numbering under the agency lock, Open Badges
 * credential signed with Ed25519, PDF rendered on worker threads and stored in local storage)
 * against an embedded PostgreSQL, and prints the rate. Target: 10,000 within 60 s on 2 cores.
 *
 * BENCH_MODE=render times the PDF renderer alone in this thread (no database, no workers): the
 * quick loop to profile with `node --cpu-prof dist/bench/certificates-bench.js`.
 */
import 'reflect-metadata';
import { benchApp, benchDatabase, type BenchDatabase } from './bench-support';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { BulkIssueService } from '../modules/certificates/bulk.service';
import { defaultTemplateContent } from '../modules/certificates/default-template';
import { TemplatesService } from '../modules/certificates/templates.service';
import { renderCertificatePdf, type RenderInput } from '../modules/certificates/pdf/render-certificate';
import { Certificate } from '../modules/certificates/certificate.entities';
import { CertificatePdfService } from '../modules/certificates/certificate-pdf.service';

const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 10_000);
const TARGET_SECONDS = 60 * (COUNT / 10_000);

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** /proc/<pid>/stat fields after the command name: [state, ppid, ..., utime, stime, cutime, cstime]. */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds per thread of this process (Linux): thread id -> [name, seconds]. */
function threadCpu(): Map<number, [string, number]> {
  const out = new Map<number, [string, number]>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const text = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
        const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), [name, (Number(f[11]) + Number(f[12])) / CLOCK_TICKS]);
      } catch {
        // the thread ended
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/**
 * CPU seconds used so far by the embedded PostgreSQL: the postmaster (with its reaped children) and
 * its live backends and helpers. Linux only; null elsewhere.
 */
function postgresCpuSeconds(pgDir: string): number | null {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(pgDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const own = procStat(postmaster);
  if (!own) return null;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat && Number(stat[1]) === postmaster) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return ticks / CLOCK_TICKS;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'asah-bench-cert-'));
  let database: BenchDatabase | undefined;
  try {
    console.log('Starting embedded PostgreSQL and the API (not listening)...');
    database = await benchDatabase(false);
    const pgDir = database.pgDir!;
    const { app, config } = await benchApp(database, root, { LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '6' });
    await app.init();
    const ds = app.get(DataSource);

    console.log(`Seeding ${COUNT.toLocaleString('en')} learners who completed one course...`);
    const [agency] = await ds.query(`INSERT INTO agencies (code, name) VALUES ('BENCH', 'Pemerintah Kabupaten Uji Kinerja') RETURNING id`);
    const [admin] = await ds.query(`INSERT INTO users (agency_id, name, email, roles) VALUES ($1, 'Admin Uji', 'admin@bench.go.id', '{agency_admin}') RETURNING id`, [agency.id]);
    const [course] = await ds.query(
      `INSERT INTO courses (agency_id, code, title, description, category, delivery_mode, jp, competencies, completion_rule, completion_activity_ids, certificate_on_completion, status)
       VALUES ($1, 'LATSAR', 'Pelatihan Dasar Calon Pegawai Negeri Sipil Golongan III', '', 'teknis', 'e_learning', 24, '[]', 'all_required', '{}', true, 'published') RETURNING id`,
      [agency.id],
    );
    const [cohort] = await ds.query(`INSERT INTO cohorts (course_id, agency_id, name, starts_on, ends_on) VALUES ($1, $2, 'Angkatan Uji', current_date - 30, current_date) RETURNING id`, [course.id, agency.id]);
    // Names with letters outside ASCII on every tenth learner: the fonts must cover them.
    await ds.query(
      `WITH u AS (
         INSERT INTO users (agency_id, name, email, nip, employment_type, roles)
         SELECT $1, CASE WHEN g % 10 = 0 THEN 'Ñyoman Ṡurya Wijayakusuma ' || g ELSE 'Pegawai Uji Kinerja ' || g END, 'p' || g || '@bench.go.id',
                '1990' || lpad(g::text, 14, '0'), 'PNS', '{learner}'
         FROM generate_series(1, $2::int) g RETURNING id
       )
       INSERT INTO enrolments (course_id, cohort_id, user_id, status, method, completed_at, started_at)
       SELECT $3, $4, u.id, 'completed', 'admin', now(), now() FROM u`,
      [agency.id, COUNT, course.id, cohort.id],
    );
    const actor: Actor = { userId: admin.id, sessionId: 'bench', roles: ['agency_admin'], agencyId: agency.id };
    const template = await app.get(TemplatesService).create(actor, defaultTemplateContent());

    const bulk = app.get(BulkIssueService);
    console.log(`Issuing ${COUNT.toLocaleString('en')} certificates (PDF + signed Open Badges credential) on ${availableParallelism()} cores...`);
    const load = loadavg()[0];
    const pgBefore = postgresCpuSeconds(pgDir);
    const threadsBefore = threadCpu();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const job = await bulk.start(actor, course.id, { by: 'cohort', cohortId: cohort.id, templateId: template.id });
    await bulk.run(job.id);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const pgAfter = postgresCpuSeconds(pgDir);
    const threads = [...threadCpu()].map(([tid, [name, seconds]]) => ({ tid, name, seconds: seconds - (threadsBefore.get(tid)?.[1] ?? 0) })).filter((t) => t.seconds >= 0.05);
    const pgSeconds = pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null;
    const loadAfter = loadavg()[0];

    const [check] = await ds.query(
      `SELECT count(*)::int AS issued, count(pdf_key)::int AS pdfs, count(DISTINCT number)::int AS numbers, max(split_part(number, '/', 4)::int) AS last FROM certificates WHERE course_id = $1`,
      [course.id],
    );
    const pdfDir = join(config.dataDir, 'content', 'certificates', agency.id);
    const files = readdirSync(pdfDir);
    const bytes = files.reduce((sum, f) => sum + statSync(join(pdfDir, f)).size, 0);
    // The PDFs came from the worker threads (template sent once per worker); rendering a few again
    // in this thread must give the same bytes (determinism across both paths).
    const samples = await ds.getRepository(Certificate).find({ where: { courseId: course.id }, order: { number: 'ASC' }, take: 3 });
    samples.push(...(await ds.getRepository(Certificate).find({ where: { courseId: course.id }, order: { number: 'DESC' }, take: 1 })));
    for (const c of samples) {
      const again = Buffer.from(await app.get(CertificatePdfService).render(c));
      if (!again.equals(readFileSync(join(pdfDir, `${c.id}.pdf`)))) throw new Error(`${c.number}: the stored PDF differs from a fresh rendering`);
    }
    await app.close();

    if (check.issued !== COUNT || check.pdfs !== COUNT || check.numbers !== COUNT || check.last !== COUNT) throw new Error(`incomplete: ${JSON.stringify(check)}`);
    console.log('');
    console.log(`certificates issued:   ${COUNT.toLocaleString('en')} (numbers 1..${check.last}, ${files.length} PDFs, ${(bytes / files.length / 1024).toFixed(1)} KiB each)`);
    console.log(`wall time:             ${seconds.toFixed(1)} s`);
    console.log(`rate:                  ${(COUNT / seconds).toFixed(0)} certificates/s`);
    console.log(`API CPU time:          ${cpuSeconds.toFixed(1)} s (main thread + PDF workers; PostgreSQL not counted) = ${(cpuSeconds / COUNT * 1000).toFixed(1)} ms per certificate`);
    if (threads.length) {
      const main = threads.find((t) => t.tid === process.pid);
      console.log(
        `API CPU by thread:     ${threads
          .sort((a, b) => b.seconds - a.seconds)
          .map((t) => `${t.tid === process.pid ? 'main' : t.name} ${((t.seconds / COUNT) * 1000).toFixed(2)}`)
          .join(', ')} ms per certificate${main ? '' : ' (main thread not found)'}`,
      );
    }
    if (pgSeconds !== null) {
      console.log(`PostgreSQL CPU time:   ${pgSeconds.toFixed(1)} s = ${((pgSeconds / COUNT) * 1000).toFixed(1)} ms per certificate`);
      console.log(`total CPU:             ${((cpuSeconds + pgSeconds) / COUNT * 1000).toFixed(1)} ms per certificate (${availableParallelism()} cores give ${((availableParallelism() * TARGET_SECONDS) / COUNT * 1000).toFixed(0)} ms of CPU per certificate in the target time)`);
    }
    console.log(`load average:          ${load.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end, on ${availableParallelism()} cores (others' work slows the wall time)`);
    console.log(`target:                ${COUNT.toLocaleString('en')} within ${TARGET_SECONDS.toFixed(0)} s: ${seconds <= TARGET_SECONDS ? 'met' : 'NOT met'}`);
    console.log(`repeat with:           npm run bench:certificates   (BENCH_CERTIFICATES=${COUNT} to change the count)`);
  } finally {
    await database?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The renderer alone: COUNT PDFs of the default template (every tenth name not ASCII), after a warm-up. */
async function renderOnly(): Promise<void> {
  const content = defaultTemplateContent();
  const input = (i: number): RenderInput => ({
    content,
    values: {
      holderName: i % 10 === 0 ? `Ñyoman Ṡurya Wijayakusuma ${i}` : `Pegawai Uji Kinerja ${i}`,
      nip: `NIP 1990${String(i).padStart(14, '0')}`,
      courseTitle: 'Pelatihan Dasar Calon Pegawai Negeri Sipil Golongan III',
      jp: '24',
      completedOn: '22 November 2026',
      issuedOn: '22 November 2026',
      number: `SERT/2026/BENCH/${String(i).padStart(6, '0')}`,
      agencyName: 'Pemerintah Kabupaten Uji Kinerja',
      signerName: 'Kepala Badan Kepegawaian',
      signerTitle: 'Kepala BKPSDM',
      signerNip: '',
      verificationUrl: `https://asah.example.go.id/verify/${randomBytes(16).toString('base64url')}`,
    },
    assets: {},
    meta: { id: `c${i}`, title: `Sertifikat ${i}`, date: new Date('2026-11-22T03:00:00Z') },
    templateKey: 'bench',
  });
  for (let i = 0; i < 200; i++) await renderCertificatePdf(input(i));
  const load = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) bytes += (await renderCertificatePdf(input(1000 + i))).length;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`PDFs rendered:         ${COUNT.toLocaleString('en')} in this thread, ${(bytes / COUNT / 1024).toFixed(1)} KiB each`);
  console.log(`per PDF:               ${((seconds / COUNT) * 1000).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / COUNT).toFixed(2)} ms CPU`);
  console.log(`load average:          ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`);
  console.log(`repeat with:           BENCH_MODE=render npm run bench:certificates`);
}

(process.env.BENCH_MODE === 'render' ? renderOnly() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
