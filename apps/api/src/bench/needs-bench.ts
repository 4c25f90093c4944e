/**
 * Benchmark of the competency needs analysis: `npm run bench:needs` (root) or `npm run bench:needs -w @asah/api`.
 *
 * Generates one agency with BENCH_EMPLOYEES (100,000) employees in 120 units (20 OPD × 5 bidang + the
 * OPD themselves) and 40 positions, the 9 national competencies required of each (defaults by
 * position type, overrides for the functional positions), ~1.1 assessment results per employee and
 * competency (history, expired ones, course evidence) and a JP ledger of 0–4 entries per employee
 * this year. Then times, BENCH_RUNS (15) times each after 2 warm-up runs, API and psql alternating so
 * both see the same neighbours on a shared machine:
 *
 *  - heatmap: NeedsService.heatmapOf — the whole answer of GET /api/competency/needs-analysis
 *    (dictionary, standards through @asah/competency, the JP pass that also fingerprints the users,
 *    the out-of-date check of the maintained counters, the counters, the unit roll-up);
 *  - JP compliance: the per-unit JP aggregate of the same page (below target, JP lacking), from the
 *    per-employee year totals;
 *
 * next to the same aggregates written by hand in SQL and run with psql (`\timing`): the heatmap from
 * the results (standards as CASE expressions, the current result by DISTINCT ON) and from the same
 * maintained counters the API reads (with the users' fingerprint); JP from the agency's ledger
 * entries (same agency filter as the API). Targets: p50 <= 300 ms and <= 1.2x psql. The generator
 * writes with plain SQL, so the first read counts everyone (the backfill): timed apart, not in the runs.
 * psql comes from Debian's `postgresql-client`; when missing, the script installs it with apt-get
 * and says so.
 */
import 'reflect-metadata';
import { benchApp, benchDatabase, type BenchDatabase } from './bench-support';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { jakartaDay } from '../common/time/jakarta';
import { NeedsService } from '../modules/competency/needs.service';
import { jpByUnit } from '../modules/competency/needs-sql';
import { loadDictionary, loadStandards } from '../modules/competency/competency-context';
import { backfillJpYearTotals, reconcileCounts } from '../modules/competency/current-counts';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function findPsql(): string {
  const known = ['/usr/bin/psql', ...['17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin/psql`)];
  const found = known.find((p) => existsSync(p));
  if (found) return found;
  console.log('psql is not installed: installing the Debian package postgresql-client with apt-get (needs root)...');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-client'], { stdio: 'inherit' });
  const installed = known.find((p) => existsSync(p));
  if (!installed) throw new Error('psql is still missing after apt-get install postgresql-client');
  return installed;
}

/** Runs `sql` warmup + runs times in one psql session with \timing and returns the last `runs` times psql printed. */
function psqlTimes(psql: string, databaseUrl: string, sql: string, root: string, runs = RUNS, warmup = WARMUP): number[] {
  const url = new URL(databaseUrl);
  const file = join(root, `q-${randomBytes(4).toString('hex')}.sql`);
  writeFileSync(file, `\\timing on\n\\o /dev/null\n${Array.from({ length: warmup + runs }, () => `${sql.trim()};\n`).join('')}`);
  const run = spawnSync(psql, ['-X', '-q', '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), '-d', url.pathname.slice(1), '-f', file], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
  const times = [...run.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
  if (times.length !== warmup + runs) throw new Error(`psql printed ${times.length} timings:\n${run.stdout}\n${run.stderr}`);
  return times.slice(warmup);
}

async function generate(db: DataSource): Promise<string> {
  const [agency] = await db.query(`INSERT INTO agencies (code, name, active) VALUES ($1, 'Pemerintah Kota Bench', true) RETURNING id`, [`BENCH-${EMPLOYEES}`]);
  const a = agency.id as string;
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO units (agency_id, code, name, parent_id) SELECT $1, 'OPD-' || i, 'Dinas ' || i, NULL FROM generate_series(1, 20) i`,
    [a],
  );
  await db.query(
    `INSERT INTO units (agency_id, code, name, parent_id)
     SELECT $1, 'OPD-' || i || '-B' || j, 'Bidang ' || j || ' Dinas ' || i, (SELECT id FROM units WHERE agency_id = $1 AND code = 'OPD-' || i)
       FROM generate_series(1, 20) i, generate_series(1, 5) j`,
    [a],
  );
  const types = ['jpt_pratama', 'administrator', 'pengawas', 'pengawas', 'pelaksana', 'pelaksana', 'pelaksana', 'fungsional'];
  await db.query(
    `INSERT INTO positions (agency_id, code, name, type, functional_level)
     SELECT $1, 'JAB-' || i, 'Jabatan ' || i, ($2::text[])[1 + i % 8], CASE WHEN ($2::text[])[1 + i % 8] = 'fungsional' THEN 'ahli_muda' END
       FROM generate_series(1, 40) i`,
    [a, types],
  );
  // Functional positions have no default: the agency sets all nine.
  await db.query(
    `INSERT INTO position_standards (position_id, competency_code, agency_id, required_level)
     SELECT p.id, c.code, $1, 2 + (abs(hashtext(p.code || c.code)) % 3) FROM positions p CROSS JOIN competencies c
      WHERE p.agency_id = $1 AND p.type = 'fungsional' AND c.agency_id IS NULL`,
    [a],
  );
  console.log(`  ${EMPLOYEES} employees...`);
  await db.query(
    `INSERT INTO users (agency_id, nip, name, email, employment_type, unit_id, position_id, roles, active)
     SELECT $1, '19900101' || lpad(i::text, 10, '0'), 'Pegawai ' || i, 'pegawai' || i || '@bench.go.id',
            CASE WHEN i % 7 = 0 THEN 'PPPK' ELSE 'PNS' END,
            u.ids[1 + i % array_length(u.ids, 1)], p.ids[1 + (i * 7) % array_length(p.ids, 1)], '{learner}', i % 50 <> 0
       FROM generate_series(1, $2::int) i,
            (SELECT array_agg(id ORDER BY code) AS ids FROM units WHERE agency_id = $1) u,
            (SELECT array_agg(id ORDER BY code) AS ids FROM positions WHERE agency_id = $1) p`,
    [a, EMPLOYEES],
  );
  console.log('  assessments (current, history, expired, course evidence)...');
  await db.query(
    `INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on, valid_until)
     SELECT $1, u.id, c.code, 1 + floor(random() * 5)::int,
            (ARRAY['assessment_centre', 'competency_test', 'supervisor', 'self'])[1 + floor(random() * 4)::int],
            current_date - (floor(random() * 700))::int, NULL
       FROM users u CROSS JOIN competencies c
      WHERE u.agency_id = $1 AND c.agency_id IS NULL AND random() < 0.9`,
    [a],
  );
  await db.query(
    `INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on, valid_until)
     SELECT $1, u.id, c.code, 1 + floor(random() * 5)::int, 'supervisor', current_date - 800 - (floor(random() * 300))::int,
            CASE WHEN random() < 0.5 THEN current_date - 400 END
       FROM users u CROSS JOIN competencies c
      WHERE u.agency_id = $1 AND c.agency_id IS NULL AND random() < 0.15`,
    [a],
  );
  await db.query(
    `INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on)
     SELECT $1, u.id, c.code, 3, 'course_evidence', current_date - (floor(random() * 200))::int
       FROM users u CROSS JOIN competencies c
      WHERE u.agency_id = $1 AND c.agency_id IS NULL AND random() < 0.05`,
    [a],
  );
  console.log('  JP ledger...');
  await db.query(
    `INSERT INTO jp_ledger_entries (user_id, year, jp, source_type, source_id, description, occurred_on)
     SELECT u.id, EXTRACT(YEAR FROM d)::int, (2 + floor(random() * 12))::numeric, 'course_completion', gen_random_uuid(), 'Pelatihan', d
       FROM users u CROSS JOIN generate_series(1, 4) k
       CROSS JOIN LATERAL (SELECT make_date(EXTRACT(YEAR FROM current_date)::int, 1 + floor(random() * 12)::int, 1 + floor(random() * 28)::int) AS d) dd
      WHERE u.agency_id = $1 AND random() < 0.5`,
    [a],
  );
  // As autovacuum would do after a bulk load: statistics and the visibility map (index-only scans).
  await db.query('VACUUM ANALYZE');
  return a;
}

/** Required level per (position, national competency): overrides, else the position type's default (domain.md). */
const requiredLevels = (agencyId: string) => `  SELECT p.id AS position_id, c.code,
         CASE WHEN ps.position_id IS NOT NULL THEN ps.required_level
              WHEN c."group" = 'teknis' THEN NULL
              ELSE CASE p.type WHEN 'jpt_madya' THEN 5 WHEN 'jpt_pratama' THEN 4 WHEN 'administrator' THEN 3 WHEN 'pengawas' THEN 2 WHEN 'pelaksana' THEN 1 END
         END AS required
    FROM positions p CROSS JOIN competencies c
    LEFT JOIN position_standards ps ON ps.position_id = p.id AND ps.competency_code = c.code
   WHERE p.agency_id = '${agencyId}' AND c.agency_id IS NULL`;

/** The heatmap aggregate by hand: standards as CASE over the position type, overrides joined, current result by DISTINCT ON. */
const handHeatmap = (agencyId: string, asOf: string) => `
WITH req AS (
${requiredLevels(agencyId)}
), cur AS (
  SELECT DISTINCT ON (user_id, competency_code) user_id, competency_code, level
    FROM assessments
   WHERE agency_id = '${agencyId}' AND assessed_on <= '${asOf}' AND (valid_until IS NULL OR valid_until >= '${asOf}') AND source <> 'course_evidence'
   ORDER BY user_id, competency_code, assessed_on DESC,
            CASE source WHEN 'assessment_centre' THEN 1 WHEN 'competency_test' THEN 2 WHEN 'supervisor' THEN 3 WHEN 'course_evidence' THEN 4 ELSE 5 END, level
), pairs AS (
  SELECT u.id, u.unit_id, r.code,
         CASE WHEN c.level IS NULL THEN 'unassessed' WHEN r.required - c.level >= 2 THEN 'major' WHEN r.required > c.level THEN 'minor' ELSE 'none' END AS severity
    FROM users u JOIN req r ON r.position_id = u.position_id AND r.required IS NOT NULL
    LEFT JOIN cur c ON c.user_id = u.id AND c.competency_code = r.code
   WHERE u.agency_id = '${agencyId}' AND u.active AND u.unit_id IS NOT NULL
)
SELECT unit_id, code, count(*) FILTER (WHERE severity = 'none'), count(*) FILTER (WHERE severity = 'minor'),
       count(*) FILTER (WHERE severity = 'major'), count(*) FILTER (WHERE severity = 'unassessed'),
       count(DISTINCT id), count(DISTINCT id) FILTER (WHERE severity IN ('minor', 'major'))
  FROM pairs GROUP BY GROUPING SETS ((unit_id, code), (unit_id))`;

/**
 * The heatmap by hand over the same maintained counters the API reads: per unit the JP figures and
 * the users' placement fingerprint in one pass (the API's out-of-date check), the standards as CASE,
 * severity per level count, unassessed = placed − assessed, employees and needing per unit.
 */
const handCounters = (agencyId: string, year: number) => `
WITH jpu AS (
  SELECT u.unit_id,
         count(*) FILTER (WHERE k.target IS NOT NULL AND LEAST(coalesce(t.earned, 0), coalesce(k.cap, 'infinity')) < k.target) AS below,
         coalesce(sum(GREATEST(k.target - LEAST(coalesce(t.earned, 0), coalesce(k.cap, 'infinity')), 0)) FILTER (WHERE k.target IS NOT NULL), 0) AS lacking,
         count(*) || ':' || coalesce(bit_xor(uuid_hash_extended(u.id, uuid_hash_extended(u.unit_id, uuid_hash_extended(u.position_id, 0)))), 0) AS fp
    FROM users u LEFT JOIN jp_year_totals t ON t.user_id = u.id AND t.year = ${year}
    LEFT JOIN (VALUES ('PNS', 20::numeric, NULL::numeric), ('PPPK', NULL::numeric, 24::numeric)) AS k(employment_type, target, cap) ON k.employment_type = u.employment_type
   WHERE u.agency_id = '${agencyId}' AND u.active AND u.unit_id IS NOT NULL AND u.position_id IS NOT NULL
   GROUP BY u.unit_id
), req AS (
${requiredLevels(agencyId)}
), assessed AS (
  SELECT lc.unit_id, lc.competency_code AS code,
         sum(lc.employees) FILTER (WHERE r.required - lc.level >= 2) AS major,
         sum(lc.employees) FILTER (WHERE r.required - lc.level = 1) AS minor,
         sum(lc.employees) FILTER (WHERE r.required <= lc.level) AS none, sum(lc.employees) AS n
    FROM competency_level_counts lc JOIN req r ON r.position_id = lc.position_id AND r.code = lc.competency_code AND r.required IS NOT NULL
   WHERE lc.agency_id = '${agencyId}' AND NOT lc.with_evidence GROUP BY 1, 2
), placed AS (
  SELECT pc.unit_id, r.code, sum(pc.employees) AS employees FROM competency_placement_counts pc JOIN req r ON r.position_id = pc.position_id AND r.required IS NOT NULL
   WHERE pc.agency_id = '${agencyId}' GROUP BY 1, 2
)
SELECT pl.unit_id, pl.code, a.none, a.minor, a.major, pl.employees - coalesce(a.n, 0) AS unassessed, NULL AS jp
  FROM placed pl LEFT JOIN assessed a ON a.unit_id = pl.unit_id AND a.code = pl.code
UNION ALL
SELECT pc.unit_id, NULL, sum(pc.employees), sum(pc.needing), NULL, NULL, max(j.below || '/' || j.lacking || '/' || j.fp)
  FROM competency_placement_counts pc LEFT JOIN jpu j ON j.unit_id = pc.unit_id WHERE pc.agency_id = '${agencyId}' GROUP BY pc.unit_id`;

/** The JP aggregate by hand: the agency's ledger summed per employee for the year, held to the cap, against the target. */
const handJp = (agencyId: string, year: number) => `
SELECT u.unit_id,
       count(*) FILTER (WHERE t.target IS NOT NULL AND LEAST(coalesce(e.earned, 0), coalesce(t.cap, 'infinity')) < t.target),
       coalesce(sum(GREATEST(t.target - LEAST(coalesce(e.earned, 0), coalesce(t.cap, 'infinity')), 0)) FILTER (WHERE t.target IS NOT NULL), 0)
  FROM users u
  LEFT JOIN (SELECT l.user_id, sum(l.jp) AS earned FROM jp_ledger_entries l JOIN users v ON v.id = l.user_id
              WHERE l.year = ${year} AND v.agency_id = '${agencyId}' GROUP BY l.user_id) e ON e.user_id = u.id
  LEFT JOIN (VALUES ('PNS', 20::numeric, NULL::numeric), ('PPPK', NULL::numeric, 24::numeric)) AS t(employment_type, target, cap) ON t.employment_type = u.employment_type
 WHERE u.agency_id = '${agencyId}' AND u.active AND u.unit_id IS NOT NULL AND u.position_id IS NOT NULL
 GROUP BY u.unit_id`;

async function main(): Promise<void> {
  const root = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'asah-bench-needs-'));
  let database: BenchDatabase | undefined;
  try {
    const psql = findPsql();
    database = await benchDatabase(true);
    const databaseUrl = database.url;
    const { app } = await benchApp(database, root);
    await app.init();
    const db = app.get(DataSource);
    const started = Date.now();
    // With DATABASE_URL, a bench agency of the same size from an earlier run is reused (generating takes minutes).
    const [existing] = await db.query(`SELECT a.id FROM agencies a WHERE a.code = $2 AND (SELECT count(*) FROM users u WHERE u.agency_id = a.id) = $1`, [EMPLOYEES, `BENCH-${EMPLOYEES}`]);
    if (existing) console.log('Reusing the bench agency of an earlier run');
    else console.log('Generating the agency...');
    const agencyId: string = existing?.id ?? (await generate(db));
    if (existing) await db.query('VACUUM ANALYZE');
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM users WHERE agency_id = $1)::int AS users, (SELECT count(*) FROM assessments WHERE agency_id = $1)::int AS assessments,
              (SELECT count(*) FROM jp_ledger_entries)::int AS jp, (SELECT count(*) FROM units WHERE agency_id = $1)::int AS units`,
      [agencyId],
    );
    console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.users} employees, ${counts.units} units, ${counts.assessments} assessments, ${counts.jp} JP ledger entries`);

    const needs = app.get(NeedsService);
    const asOf = jakartaDay();
    const year = Number(asOf.slice(0, 4));
    const limits = await needs.limits(db.manager, agencyId);
    // The generator writes with plain SQL, as data from before the counters existed: the first read
    // counts everyone (the backfill). Timed once here, outside the runs.
    const backfillStart = Date.now();
    const { standards } = await loadStandards(db.manager, agencyId, await loadDictionary(db.manager, agencyId));
    const recounted = await reconcileCounts(db.manager, agencyId, standards, asOf);
    const backfillMs = Date.now() - backfillStart;
    console.log(`  counters: ${recounted} employees counted in ${(backfillMs / 1000).toFixed(1)} s (0 when an earlier run left them true)`);
    const totals = await backfillJpYearTotals(db.manager);
    console.log(`  JP year totals: ${totals} written from the ledger (0 when the start or an earlier run wrote them)`);
    await db.query('VACUUM ANALYZE competency_level_counts, competency_placement_counts, competency_counted_employees, competency_current_levels, competency_count_states, jp_year_totals');
    // API and psql runs alternate, so both see the same neighbours on a shared machine.
    console.log('Timing (API and psql runs alternating)...');
    const heat: number[] = [];
    const heatPsql: number[] = [];
    const countersPsql: number[] = [];
    const jp: number[] = [];
    const jpPsql: number[] = [];
    const once = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const heatmap = () => needs.heatmapOf(db.manager, agencyId, asOf);
    const perUnit = () => jpByUnit(db.manager, agencyId, year, limits);
    for (let i = 0; i < WARMUP; i++) {
      await heatmap();
      await perUnit();
      psqlTimes(psql, databaseUrl, handHeatmap(agencyId, asOf), root, 1, 0);
      psqlTimes(psql, databaseUrl, handCounters(agencyId, year), root, 1, 0);
      psqlTimes(psql, databaseUrl, handJp(agencyId, year), root, 1, 0);
    }
    for (let i = 0; i < RUNS; i++) {
      heat.push(await once(heatmap));
      heatPsql.push(...psqlTimes(psql, databaseUrl, handHeatmap(agencyId, asOf), root, 1, 0));
      countersPsql.push(...psqlTimes(psql, databaseUrl, handCounters(agencyId, year), root, 1, 0));
      jp.push(await once(perUnit));
      jpPsql.push(...psqlTimes(psql, databaseUrl, handJp(agencyId, year), root, 1, 0));
    }
    const show = (label: string, xs: number[]) => console.log(`  ${label}: ${xs.map((x) => x.toFixed(0)).join(' ')} ms`);
    show('heatmap (API service)', heat);
    show('heatmap (hand SQL over the results, psql)', heatPsql);
    show('heatmap (hand SQL over the counters, psql)', countersPsql);
    show('JP compliance (API service)', jp);
    show('JP compliance (hand SQL, psql)', jpPsql);
    await app.close();

    const line = (label: string, api: number[], hand: number[]) => {
      const p50 = percentile(api, 50);
      const h50 = percentile(hand, 50);
      const ratio = p50 / h50;
      return `  ${label.padEnd(14)} API p50 ${p50.toFixed(0)} ms, p95 ${percentile(api, 95).toFixed(0)} ms | hand SQL (psql) p50 ${h50.toFixed(0)} ms | ratio ${ratio.toFixed(2)}   (target p50 <= 300 ms: ${p50 <= 300 ? 'met' : 'MISSED'}; <= 1.2x: ${ratio <= 1.2 ? 'met' : 'MISSED'})`;
    };
    console.log(
      [
        '',
        `Needs analysis benchmark: ${counts.users} employees, 9 competencies each, ${counts.assessments} assessments, ${counts.jp} JP entries, ${RUNS} runs after ${WARMUP} warm-up`,
        // Times are wall-clock: on a shared machine they say as much about the neighbours as about the query.
        `  machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end`,
        line('heatmap', heat, heatPsql),
        line('  (counters)', heat, countersPsql),
        line('JP compliance', jp, jpPsql),
        '',
        '  repeat: npm run bench:needs   (BENCH_EMPLOYEES BENCH_RUNS DATABASE_URL)',
        '',
      ].join('\n'),
    );
  } finally {
    await database?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
