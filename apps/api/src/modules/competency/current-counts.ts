import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEFAULT_SOURCE_PRIORITY } from '@asah/competency/assessments';
import { classifyGap, type GapThresholds } from '@asah/competency/gaps';
import type { PositionStandard } from '@asah/competency/standards';
import { returning } from '../../common/db/sql';
import { jakartaDay } from '../../common/time/jakarta';
import { loadDictionary, loadStandards } from './competency-context';
import type { CellCountsRow } from './needs-sql';

/**
 * The maintained counters behind the needs-analysis heatmap (tables in competency-counts.entity.ts).
 *
 * At 100,000 employees the heatmap used to pick the current result among a million assessments and
 * join it to the employees and the standards on every request (seconds). Instead:
 *  - competency_current_levels: each counted employee's current level per competency, under both
 *    evidence rules (without / with course evidence), so switching the rule rewrites nothing;
 *  - competency_counted_employees: how each employee was counted (unit, position), until which day
 *    the levels hold (expiry, results dated ahead) and whether some required competency is below its
 *    standard (`needing`, under both rules);
 *  - competency_level_counts / competency_placement_counts: the sums of the two above per (unit,
 *    position, competency, level) and per (unit, position).
 * The required level and the severity are not stored: the standards are applied when reading, so a
 * threshold change costs nothing and the heatmap reads a few thousand counters.
 *
 * `recountEmployees` takes an employee's contribution back and adds it again from the source tables.
 * Every assessment write calls it in its own transaction; whatever changes elsewhere (an employee
 * moved, deactivated, deleted or added by the users module, a result expiring, a position's type or
 * standard changing) is found by `reconcileCounts` when the heatmap is read, and recounted there.
 * One advisory lock serialises all recounts, so two of them never take the same contribution back twice.
 */

const RECOUNT_LOCK = 7_346_101;

function stdArrays(standards: Map<string, PositionStandard>) {
  const positionIds: string[] = [];
  const codes: string[] = [];
  const levels: number[] = [];
  for (const [positionId, standard] of standards) {
    for (const r of standard.requirements) {
      positionIds.push(positionId);
      codes.push(r.competencyCode);
      levels.push(r.requiredLevel);
    }
  }
  return { positionIds, codes, levels };
}

/**
 * A signature of each position's resolved standard (JSON: position id → hash of its requirements),
 * stored with the counters: a position whose signature changed (its type, an override, the
 * dictionary) gets its holders' `needing` flags recounted; a new empty position costs nothing.
 */
export function standardSignatures(standards: Map<string, PositionStandard>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [positionId, standard] of standards) {
    const lines = standard.requirements.map((r) => `${r.competencyCode}=${r.requiredLevel}`).sort();
    out[positionId] = createHash('sha256').update(lines.join(',')).digest('hex').slice(0, 16);
  }
  return out;
}

const readSignatures = (text: string | null | undefined): Record<string, string> | null => {
  try {
    const parsed = text ? JSON.parse(text) : null;
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
};

async function inTransaction<T>(manager: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return manager.queryRunner?.isTransactionActive ? work(manager) : manager.transaction(work);
}

async function agencyStandards(manager: EntityManager, agencyId: string): Promise<Map<string, PositionStandard>> {
  return (await loadStandards(manager, agencyId, await loadDictionary(manager, agencyId))).standards;
}

/**
 * Takes back what these employees count for and counts them again from users, assessments and the
 * agency's standards, as of `day` (today in Asia/Jakarta). Employees not active, unplaced, without a
 * position or of another agency end up counted nowhere (an employee moved to another agency is
 * counted there when that agency is read). Runs inside the caller's transaction when there is one.
 */
export async function recountEmployees(
  manager: EntityManager,
  agencyId: string,
  userIds: readonly string[],
  options: { day?: string; standards?: Map<string, PositionStandard> } = {},
): Promise<void> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  await inTransaction(manager, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [RECOUNT_LOCK]);
    const day = options.day ?? jakartaDay();
    const std = stdArrays(options.standards ?? (await agencyStandards(tx, agencyId)));
    const before: { agency_id: string }[] = await tx.query(`SELECT DISTINCT agency_id FROM competency_counted_employees WHERE user_id = ANY($1::uuid[])`, [ids]);

    // 1. Take back their contribution, as it was counted.
    await addContribution(tx, ids, -1);
    await tx.query(`DELETE FROM competency_current_levels WHERE user_id = ANY($1::uuid[])`, [ids]);
    await tx.query(`DELETE FROM competency_counted_employees WHERE user_id = ANY($1::uuid[])`, [ids]);

    // 2. The current levels, in @asah/competency's order: newest valid day, source priority, lower level.
    const counted = `SELECT id, unit_id, position_id FROM users
                      WHERE id = ANY($1::uuid[]) AND agency_id = $2 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL`;
    await tx.query(
      `WITH emp AS (${counted}),
       res AS (
         SELECT a.user_id, a.competency_code, a.level, a.source, a.assessed_on FROM assessments a JOIN emp e ON e.id = a.user_id
          WHERE a.agency_id = $2 AND a.assessed_on <= $3::date AND (a.valid_until IS NULL OR a.valid_until >= $3::date)
       ),
       formal AS (
         SELECT DISTINCT ON (user_id, competency_code) user_id, competency_code, level FROM res WHERE source <> 'course_evidence'
          ORDER BY user_id, competency_code, assessed_on DESC, array_position($4::text[], source), level
       ),
       evidence AS (
         SELECT DISTINCT ON (user_id, competency_code) user_id, competency_code, level FROM res
          ORDER BY user_id, competency_code, assessed_on DESC, array_position($4::text[], source), level
       )
       INSERT INTO competency_current_levels (user_id, competency_code, level, level_with_evidence)
       SELECT coalesce(f.user_id, e.user_id), coalesce(f.competency_code, e.competency_code), f.level, e.level
         FROM formal f FULL JOIN evidence e ON e.user_id = f.user_id AND e.competency_code = f.competency_code`,
      [ids, agencyId, day, [...DEFAULT_SOURCE_PRIORITY]],
    );
    // 3. How they are counted: placement, until when that holds (the earliest expiry of a valid result
    // or the day before a result dated ahead starts; earlier than needed at worst), and the gap flags.
    await tx.query(
      `WITH emp AS (${counted}),
       std AS (SELECT * FROM unnest($4::uuid[], $5::text[], $6::int[]) AS s(position_id, code, required)),
       need AS (
         SELECT l.user_id, bool_or(l.level < s.required) AS needing, bool_or(l.level_with_evidence < s.required) AS needing_with_evidence
           FROM competency_current_levels l JOIN emp e ON e.id = l.user_id JOIN std s ON s.position_id = e.position_id AND s.code = l.competency_code
          GROUP BY l.user_id
       ),
       holds AS (
         SELECT a.user_id, min(CASE WHEN a.assessed_on > $3::date THEN a.assessed_on - 1 ELSE a.valid_until END) AS holds_until
           FROM assessments a JOIN emp e ON e.id = a.user_id
          WHERE a.agency_id = $2 AND (a.assessed_on > $3::date OR a.valid_until >= $3::date)
          GROUP BY a.user_id
       )
       INSERT INTO competency_counted_employees (user_id, agency_id, unit_id, position_id, holds_until, needing, needing_with_evidence)
       SELECT e.id, $2, e.unit_id, e.position_id, h.holds_until, coalesce(n.needing, false), coalesce(n.needing_with_evidence, false)
         FROM emp e LEFT JOIN need n ON n.user_id = e.id LEFT JOIN holds h ON h.user_id = e.id`,
      [ids, agencyId, day, std.positionIds, std.codes, std.levels],
    );
    // 4. Add their contribution back.
    await addContribution(tx, ids, 1);
    const agencies = [...new Set([agencyId, ...before.map((b) => b.agency_id)])];
    await tx.query(`DELETE FROM competency_level_counts WHERE agency_id = ANY($1::uuid[]) AND employees = 0`, [agencies]);
    await tx.query(`DELETE FROM competency_placement_counts WHERE agency_id = ANY($1::uuid[]) AND employees = 0`, [agencies]);
  });
}

/** Adds (sign 1) or takes back (sign -1) the counted employees' contribution to both counter tables. */
async function addContribution(tx: EntityManager, ids: string[], sign: 1 | -1): Promise<void> {
  await tx.query(
    `INSERT INTO competency_level_counts (agency_id, unit_id, position_id, competency_code, with_evidence, level, employees)
     SELECT c.agency_id, c.unit_id, c.position_id, l.competency_code, v.with_evidence, v.level, $2 * count(*)::int
       FROM competency_counted_employees c JOIN competency_current_levels l ON l.user_id = c.user_id
      CROSS JOIN LATERAL (VALUES (false, l.level), (true, l.level_with_evidence)) AS v(with_evidence, level)
      WHERE c.user_id = ANY($1::uuid[]) AND v.level IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6
     ON CONFLICT ON CONSTRAINT pk_competency_level_counts DO UPDATE SET employees = competency_level_counts.employees + excluded.employees`,
    [ids, sign],
  );
  await tx.query(
    `INSERT INTO competency_placement_counts (agency_id, unit_id, position_id, employees, needing, needing_with_evidence)
     SELECT agency_id, unit_id, position_id, $2 * count(*)::int, $2 * count(*) FILTER (WHERE needing)::int, $2 * count(*) FILTER (WHERE needing_with_evidence)::int
       FROM competency_counted_employees WHERE user_id = ANY($1::uuid[])
      GROUP BY 1, 2, 3
     ON CONFLICT ON CONSTRAINT pk_competency_placement_counts DO UPDATE SET employees = competency_placement_counts.employees + excluded.employees,
        needing = competency_placement_counts.needing + excluded.needing,
        needing_with_evidence = competency_placement_counts.needing_with_evidence + excluded.needing_with_evidence`,
    [ids, sign],
  );
}

/** Employees whose counting is out of date: placement changed (moved, deactivated, deleted, new) or levels past their day. */
async function outOfDate(manager: EntityManager, agencyId: string, day: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT coalesce(u.id, c.user_id) AS id
       FROM (SELECT id, unit_id, position_id FROM users WHERE agency_id = $1 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL) u
       FULL JOIN (SELECT user_id, unit_id, position_id, holds_until FROM competency_counted_employees WHERE agency_id = $1) c ON c.user_id = u.id
      WHERE u.id IS NULL OR c.user_id IS NULL OR u.unit_id <> c.unit_id OR u.position_id <> c.position_id OR c.holds_until < $2::date`,
    [agencyId, day],
  );
  return rows.map((r) => r.id);
}

/** `count:xor` of (id, unit, position) hashes: the same over the users and over the counted employees when nobody moved. */
const fingerprint = (idColumn: string) =>
  `count(*) || ':' || coalesce(bit_xor(uuid_hash_extended(${idColumn}, uuid_hash_extended(unit_id, uuid_hash_extended(position_id, 0)))), 0)`;
/** The SQL of the per-row fingerprint term over `users u`, for queries that read the users anyway (bit_xor it, count the rows). */
export const USER_PLACEMENT_HASH = `uuid_hash_extended(u.id, uuid_hash_extended(u.unit_id, uuid_hash_extended(u.position_id, 0)))`;

/** Combines per-group (count, bit_xor) parts into the fingerprint the SQL above computes over the whole set. */
export function combineFingerprint(parts: { placed: number; xor: string }[]): string {
  let count = 0;
  let xor = 0n;
  for (const p of parts) {
    count += p.placed;
    xor ^= BigInt(p.xor);
  }
  return `${count}:${BigInt.asIntN(64, xor)}`;
}

const usersFingerprint = (manager: EntityManager, agencyId: string): Promise<{ fp: string }[]> =>
  manager.query(
    `SELECT ${fingerprint('id')} AS fp FROM users WHERE agency_id = $1 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL`,
    [agencyId],
  );

/**
 * Brings an agency's counters up to date for `day` (today): recounts everyone on first use (the
 * backfill), else only the employees found out of date: holders of positions whose standard changed,
 * employees placed differently than counted, levels past their day. Returns how many were recounted.
 *
 * The usual read costs one pass over the agency's users (a fingerprint of who is placed where,
 * compared with the one stored for the counted employees) and an index probe for levels past their
 * day; only when the fingerprints differ are the two sides joined to find who moved.
 */
export async function reconcileCounts(
  manager: EntityManager,
  agencyId: string,
  standards: Map<string, PositionStandard>,
  day = jakartaDay(),
  /** The users' fingerprint when the caller reads it anyway (the heatmap, with the JP figures: one pass over the users). */
  usersFp?: Promise<string>,
): Promise<number> {
  const signatures = standardSignatures(standards);
  // Read side by side: the state, the levels past their day and the users' fingerprint.
  const [[state], expired, fp]: [{ standards_hash: string; placement_fingerprint: string | null }[], { id: string }[], string] = await Promise.all([
    manager.query(`SELECT standards_hash, placement_fingerprint FROM competency_count_states WHERE agency_id = $1`, [agencyId]),
    manager.query(`SELECT user_id AS id FROM competency_counted_employees WHERE holds_until < $2::date AND agency_id = $1`, [agencyId, day]),
    usersFp ?? usersFingerprint(manager, agencyId).then((rows) => rows[0].fp),
  ]);
  const stored = readSignatures(state?.standards_hash);
  let ids: string[];
  if (!stored) {
    const all: { id: string }[] = await manager.query(
      `SELECT user_id AS id FROM competency_counted_employees WHERE agency_id = $1
        UNION SELECT id FROM users WHERE agency_id = $1 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL`,
      [agencyId],
    );
    ids = all.map((r) => r.id);
  } else {
    const changed = [...new Set([...Object.keys(signatures), ...Object.keys(stored)])].filter((id) => signatures[id] !== stored[id]);
    const holders: { id: string }[] = changed.length
      ? await manager.query(`SELECT user_id AS id FROM competency_counted_employees WHERE agency_id = $1 AND position_id = ANY($2::uuid[])`, [agencyId, changed])
      : [];
    const moved = fp === state.placement_fingerprint ? [] : await outOfDate(manager, agencyId, day);
    ids = [...new Set([...expired.map((r) => r.id), ...holders.map((r) => r.id), ...moved])];
    if (!ids.length) {
      // Someone's recount (an assessment write) may have changed the stored side only: record it.
      if (fp !== state.placement_fingerprint) await storeFingerprint(manager, agencyId);
      if (changed.length) await storeSignatures(manager, agencyId, signatures);
      return 0;
    }
  }
  await inTransaction(manager, async (tx) => {
    await recountEmployees(tx, agencyId, ids, { day, standards });
    await storeSignatures(tx, agencyId, signatures);
    await storeFingerprint(tx, agencyId);
  });
  return ids.length;
}

async function storeSignatures(manager: EntityManager, agencyId: string, signatures: Record<string, string>): Promise<void> {
  await manager.query(
    `INSERT INTO competency_count_states (agency_id, standards_hash) VALUES ($1, $2)
     ON CONFLICT ON CONSTRAINT pk_competency_count_states DO UPDATE SET standards_hash = excluded.standards_hash`,
    [agencyId, JSON.stringify(signatures)],
  );
}

async function storeFingerprint(manager: EntityManager, agencyId: string): Promise<void> {
  await manager.query(
    `UPDATE competency_count_states SET placement_fingerprint = (
       SELECT ${fingerprint('user_id')} FROM competency_counted_employees WHERE agency_id = $1
     ) WHERE agency_id = $1`,
    [agencyId],
  );
}

/**
 * jp_year_totals from the ledger, when the table is empty but the ledger is not (the first start
 * after the table was added, or data loaded with plain SQL). Afterwards JpLedgerService keeps it.
 */
export async function backfillJpYearTotals(manager: EntityManager): Promise<number> {
  const rows = await returning<{ n: number }>(
    manager,
    `WITH written AS (
       INSERT INTO jp_year_totals (user_id, year, earned)
       SELECT user_id, year, sum(jp) FROM jp_ledger_entries WHERE NOT EXISTS (SELECT 1 FROM jp_year_totals) GROUP BY user_id, year
       ON CONFLICT ON CONSTRAINT pk_jp_year_totals DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM written`,
    [],
  );
  return rows[0]?.n ?? 0;
}

/**
 * After a standard of one position changed (inside the editing transaction): recounts its holders
 * and records the position's new signature when the stored one was that of the standard before the
 * edit, so the next read has nothing left to do. Anything else that changed meanwhile keeps its old
 * signature and is caught by the next read.
 */
export async function recountPosition(
  tx: EntityManager,
  agencyId: string,
  positionId: string,
  before: Map<string, PositionStandard>,
  after: Map<string, PositionStandard>,
): Promise<void> {
  const holders: { id: string }[] = await tx.query(
    `SELECT id FROM users WHERE position_id = $1 UNION SELECT user_id FROM competency_counted_employees WHERE position_id = $1`,
    [positionId],
  );
  // The recount lock (held to the end of the transaction): the stored signatures are read and written by one transaction at a time.
  await tx.query(`SELECT pg_advisory_xact_lock($1)`, [RECOUNT_LOCK]);
  await recountEmployees(tx, agencyId, holders.map((h) => h.id), { standards: after });
  const [state] = await tx.query(`SELECT standards_hash FROM competency_count_states WHERE agency_id = $1`, [agencyId]);
  const stored = readSignatures(state?.standards_hash);
  const old = standardSignatures(before)[positionId];
  if (stored && stored[positionId] === old) {
    const next = standardSignatures(after)[positionId];
    if (next === undefined) delete stored[positionId];
    else stored[positionId] = next;
    await storeSignatures(tx, agencyId, stored);
  }
}

/**
 * The heatmap's per-(unit, competency) counts from the counters (same rows as needs-sql cellCounts):
 * severity from the required level of each position's standard and the agency's thresholds, the
 * unassessed being the placed employees whose level is not counted.
 */
export async function countedCells(
  manager: EntityManager,
  agencyId: string,
  standards: Map<string, PositionStandard>,
  withEvidence: boolean,
  thresholds: GapThresholds,
): Promise<CellCountsRow[]> {
  const [levels, placements]: [
    { unit_id: string; position_id: string; competency_code: string; level: number; employees: number }[],
    { unit_id: string; position_id: string; employees: number; needing: number }[],
  ] = await Promise.all([
    manager.query(
      `SELECT unit_id, position_id, competency_code, level, employees FROM competency_level_counts WHERE agency_id = $1 AND with_evidence = $2`,
      [agencyId, withEvidence],
    ),
    manager.query(
      `SELECT unit_id, position_id, employees, ${withEvidence ? 'needing_with_evidence' : 'needing'} AS needing FROM competency_placement_counts WHERE agency_id = $1`,
      [agencyId],
    ),
  ]);
  const cells = new Map<string, CellCountsRow>();
  const units = new Map<string, CellCountsRow>();
  const cell = (unitId: string, code: string) => {
    const key = `${unitId}|${code}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { unit_id: unitId, code, none: 0, minor: 0, major: 0, unassessed: 0, employees: 0, needing: 0 }));
    return c;
  };
  const required = new Map<string, number>();
  for (const [positionId, s] of standards) for (const r of s.requirements) required.set(`${positionId}|${r.competencyCode}`, r.requiredLevel);
  for (const p of placements) {
    const requirements = standards.get(p.position_id)?.requirements ?? [];
    // As in cellCounts: employees of positions that require nothing are not part of the analysis.
    if (!requirements.length) continue;
    let u = units.get(p.unit_id);
    if (!u) units.set(p.unit_id, (u = { unit_id: p.unit_id, code: null, none: 0, minor: 0, major: 0, unassessed: 0, employees: 0, needing: 0 }));
    u.employees += p.employees;
    u.needing += p.needing;
    for (const r of requirements) cell(p.unit_id, r.competencyCode).unassessed += p.employees;
  }
  for (const l of levels) {
    const req = required.get(`${l.position_id}|${l.competency_code}`);
    if (req === undefined) continue;
    const c = cell(l.unit_id, l.competency_code);
    const severity = classifyGap(req - l.level, thresholds);
    if (severity === 'unassessed') continue;
    c[severity] += l.employees;
    c.unassessed -= l.employees;
  }
  return [...cells.values(), ...units.values()];
}
