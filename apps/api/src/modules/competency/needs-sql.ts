import { EntityManager } from 'typeorm';
import { DEFAULT_SOURCE_PRIORITY } from '@asah/competency/assessments';
import type { PositionStandard } from '@asah/competency/standards';
import type { TEmploymentType } from '@asah/contracts/roles';
import { Params } from '../../common/db/sql';
import { levelOptions, ResolvedSettings } from './competency-context';
import { USER_PLACEMENT_HASH } from './current-counts';

/**
 * The needs analysis in SQL. At 100,000 employees × 9 competencies the gap records do not fit a
 * request's time budget in JavaScript, so the aggregate runs in PostgreSQL; the rules stay with
 * @asah/competency all the same:
 *  - the standards (defaults by position type, overrides) are resolved by the package and passed in
 *    as arrays (position, competency, required level);
 *  - the current result is the package's order: newest valid day, then DEFAULT_SOURCE_PRIORITY, then
 *    the lower level, among the sources the agency's evidence rule counts;
 *  - severity is the package's classifyGap with the agency's `majorFrom`.
 * test/competency-needs.int-spec.ts checks that this and the package's gapRecords/needsByUnit agree.
 */
export interface PairsFilter {
  unitIds?: string[];
  competencyCode?: string;
}

export function pairsCte(
  p: Params,
  agencyId: string,
  asOf: string,
  standards: Map<string, PositionStandard>,
  settings: ResolvedSettings,
  filter: PairsFilter = {},
  withPairs = true,
): string {
  const positionIds: string[] = [];
  const codes: string[] = [];
  const levels: number[] = [];
  for (const [positionId, standard] of standards) {
    for (const r of standard.requirements) {
      if (filter.competencyCode && r.competencyCode !== filter.competencyCode) continue;
      positionIds.push(positionId);
      codes.push(r.competencyCode);
      levels.push(r.requiredLevel);
    }
  }
  const agency = p.add(agencyId);
  const day = p.add(asOf);
  const counted = p.add(levelOptions(settings, asOf).countedSources);
  const unitFilter = filter.unitIds ? ` AND u.unit_id = ANY(${p.add(filter.unitIds)}::uuid[])` : '';
  const codeFilter = filter.competencyCode ? ` AND a.competency_code = ${p.add(filter.competencyCode)}` : '';
  return `
    std AS (SELECT * FROM unnest(${p.add(positionIds)}::uuid[], ${p.add(codes)}::text[], ${p.add(levels)}::int[]) AS s(position_id, code, required)),
    emp AS (
      SELECT u.id, u.unit_id, u.position_id, u.employment_type FROM users u
       WHERE u.agency_id = ${agency} AND u.active AND u.unit_id IS NOT NULL AND u.position_id IS NOT NULL${unitFilter}
    ),
    cur AS (
      SELECT DISTINCT ON (a.user_id, a.competency_code) a.user_id, a.competency_code, a.level
        FROM assessments a
       WHERE a.agency_id = ${agency} AND a.assessed_on <= ${day}::date AND (a.valid_until IS NULL OR a.valid_until >= ${day}::date)
         AND a.source = ANY(${counted}::text[])${codeFilter}
       -- Descending up to the day: ix_assessments_current serves it by a backward index-only scan,
       -- leaving only results of the same day to sort.
       ORDER BY a.user_id DESC, a.competency_code DESC, a.assessed_on DESC, array_position(${p.add([...DEFAULT_SOURCE_PRIORITY])}::text[], a.source), a.level
    )${withPairs ? `,
    pairs AS (
      SELECT e.id, e.unit_id, e.position_id, e.employment_type, s.code, s.required, c.level AS current,
             CASE WHEN c.level IS NULL THEN 'unassessed'
                  WHEN s.required - c.level >= ${p.add(settings.thresholds.majorFrom)} THEN 'major'
                  WHEN s.required - c.level > 0 THEN 'minor'
                  ELSE 'none' END AS severity
        FROM emp e JOIN std s ON s.position_id = e.position_id
        LEFT JOIN cur c ON c.user_id = e.id AND c.competency_code = s.code
    )` : ''}`;
}

export interface CellCountsRow {
  unit_id: string;
  /** NULL: the unit's employee row (employees, needing); otherwise one competency's counts. */
  code: string | null;
  none: number;
  minor: number;
  major: number;
  unassessed: number;
  employees: number;
  needing: number;
}

/**
 * Counts per (unit, competency) plus, with code NULL, the unit's employees and those needing
 * development. Driven from the current results (joined to the 100,000 employees by hash), while the
 * unassessed are what the standard requires minus what was assessed: the 900,000 (employee,
 * competency) pairs are never built one by one.
 */
export async function cellCounts(
  manager: EntityManager,
  agencyId: string,
  asOf: string,
  standards: Map<string, PositionStandard>,
  settings: ResolvedSettings,
): Promise<CellCountsRow[]> {
  const p = new Params();
  // Without the per-pair CTE: `cur` is then read once and stays a stream instead of a table on disk.
  const cte = pairsCte(p, agencyId, asOf, standards, settings, {}, false);
  const major = p.add(settings.thresholds.majorFrom);
  return manager.transaction(async (tx) => {
    // One analytical query joining ~800,000 current results: room to hash them without spilling to disk.
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    return tx.query(
    `WITH ${cte},
     assessed AS (
       SELECT e.unit_id, s.code, e.id,
              CASE WHEN s.required - c.level >= ${major} THEN 'major' WHEN s.required - c.level > 0 THEN 'minor' ELSE 'none' END AS severity
         FROM cur c JOIN emp e ON e.id = c.user_id JOIN std s ON s.position_id = e.position_id AND s.code = c.competency_code
     ),
     placed AS (SELECT unit_id, position_id, count(*)::int AS n FROM emp WHERE position_id IN (SELECT position_id FROM std) GROUP BY unit_id, position_id),
     required AS (SELECT pl.unit_id, s.code, sum(pl.n)::int AS total FROM placed pl JOIN std s ON s.position_id = pl.position_id GROUP BY pl.unit_id, s.code),
     counted AS (
       SELECT unit_id, code, count(*) FILTER (WHERE severity = 'none')::int AS none, count(*) FILTER (WHERE severity = 'minor')::int AS minor,
              count(*) FILTER (WHERE severity = 'major')::int AS major
         FROM assessed GROUP BY unit_id, code
     ),
     needing AS (SELECT unit_id, count(DISTINCT id)::int AS needing FROM assessed WHERE severity <> 'none' GROUP BY unit_id)
     SELECT r.unit_id, r.code, coalesce(c.none, 0) AS none, coalesce(c.minor, 0) AS minor, coalesce(c.major, 0) AS major,
            r.total - coalesce(c.none + c.minor + c.major, 0) AS unassessed, 0 AS employees, 0 AS needing
       FROM required r LEFT JOIN counted c ON c.unit_id = r.unit_id AND c.code = r.code
     UNION ALL
     SELECT pl.unit_id, NULL, 0, 0, 0, 0, sum(pl.n)::int, coalesce(max(n.needing), 0)
       FROM placed pl LEFT JOIN needing n ON n.unit_id = pl.unit_id GROUP BY pl.unit_id`,
      p.values,
    );
  });
}

export type JpLimits = Record<TEmploymentType, { target: number | null; cap: number | null }>;

/**
 * The JP side of the analysis: per unit, how many employees are below their JP target this year and
 * how many JP they lack in total (earned: the year's ledger sum, kept per employee in jp_year_totals
 * by JpLedgerService; held to the cap; the agency's targets, else the platform defaults) — the
 * arithmetic of @asah/competency/jp-ledger in SQL.
 */
export function jpCte(p: Params, year: number, limits: JpLimits, scope: string): string {
  return `
    limits(employment_type, target, cap) AS (
      VALUES ('PNS', ${p.add(limits.PNS.target)}::numeric, ${p.add(limits.PNS.cap)}::numeric),
             ('PPPK', ${p.add(limits.PPPK.target)}::numeric, ${p.add(limits.PPPK.cap)}::numeric)
    ),
    earned AS (
      SELECT t.user_id, t.earned FROM jp_year_totals t WHERE t.year = ${p.add(year)} AND t.user_id IN (SELECT id FROM ${scope})
    ),
    jp AS (
      SELECT s.id, s.unit_id, lim.target,
             CASE WHEN lim.cap IS NULL THEN coalesce(e.earned, 0) ELSE LEAST(coalesce(e.earned, 0), lim.cap) END AS total
        FROM ${scope} s LEFT JOIN earned e ON e.user_id = s.id LEFT JOIN limits lim ON lim.employment_type = s.employment_type
    )`;
}

/**
 * The per-unit JP figures of the heatmap in one pass: the agency's employees hash-joined to their year
 * totals (no CTE, which PostgreSQL would write out because it is read twice), targets and caps joined
 * per employment type.
 */
export async function jpByUnit(
  manager: EntityManager,
  agencyId: string,
  year: number,
  limits: JpLimits,
): Promise<{ unit_id: string; below: number; lacking: string; placed: number; xor: string }[]> {
  const p = new Params();
  const agency = p.add(agencyId);
  const y = p.add(year);
  // Target and cap per employment type joined once per employee, not evaluated as CASEs per use.
  const kinds = `(VALUES ('PNS', ${p.add(limits.PNS.target)}::numeric, ${p.add(limits.PNS.cap)}::numeric), ('PPPK', ${p.add(limits.PPPK.target)}::numeric, ${p.add(limits.PPPK.cap)}::numeric))`;
  // LEAST ignores a NULL cap: no cap, the whole total counts.
  const total = `LEAST(coalesce(t.earned, 0), k.cap)`;
  return manager.query(
    `SELECT u.unit_id, count(*) FILTER (WHERE k.target IS NOT NULL AND ${total} < k.target)::int AS below,
            coalesce(sum(GREATEST(k.target - ${total}, 0)) FILTER (WHERE k.target IS NOT NULL), 0)::text AS lacking,
            -- The same pass gives the counters' placement fingerprint (current-counts.ts), per unit.
            count(*)::int AS placed, bit_xor(${USER_PLACEMENT_HASH})::text AS xor
       FROM users u LEFT JOIN jp_year_totals t ON t.user_id = u.id AND t.year = ${y}
       LEFT JOIN ${kinds} AS k(employment_type, target, cap) ON k.employment_type = u.employment_type
      WHERE u.agency_id = ${agency} AND u.active AND u.unit_id IS NOT NULL AND u.position_id IS NOT NULL
      GROUP BY u.unit_id`,
    p.values,
  );
}
