import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TNeedsCellDetail, TNeedsCellQuery, TNeedsCounts, TNeedsHeatmap, TNeedsPerson, TNeedsQuery, TNeedsUnitTotals } from '@asah/contracts/competency';
import { roundJp } from '@asah/competency/jp-ledger';
import { buildUnitTree, rollUp, subtreeOf } from '@asah/competency/unit-tree';
import { Actor } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { resolveAgency } from '../agencies/agency-scope';
import { JpLedgerService } from '../jp/jp-ledger.service';
import { loadDictionary, loadSettings, loadStandards, unknownCompetency } from './competency-context';
import { combineFingerprint, countedCells, reconcileCounts } from './current-counts';
import { cellCounts, CellCountsRow, jpByUnit, jpCte, JpLimits, pairsCte } from './needs-sql';
import { recommend, recommendableCourses } from './profile.service';

const emptyCounts = (): TNeedsCounts => ({ none: 0, minor: 0, major: 0, unassessed: 0, needsDevelopment: 0, total: 0 });
const emptyTotals = (): TNeedsUnitTotals => ({ ...emptyCounts(), employees: 0, employeesNeedingDevelopment: 0, jp: { belowTarget: 0, lacking: 0 } });

function addCounts<T extends TNeedsCounts>(a: T, b: TNeedsCounts): T {
  return {
    ...a,
    none: a.none + b.none,
    minor: a.minor + b.minor,
    major: a.major + b.major,
    unassessed: a.unassessed + b.unassessed,
    needsDevelopment: a.needsDevelopment + b.needsDevelopment,
    total: a.total + b.total,
  };
}

function addTotals(a: TNeedsUnitTotals, b: TNeedsUnitTotals): TNeedsUnitTotals {
  return {
    ...addCounts(a, b),
    // Each employee is placed in one unit, so distinct employees of a subtree are a plain sum.
    employees: a.employees + b.employees,
    employeesNeedingDevelopment: a.employeesNeedingDevelopment + b.employeesNeedingDevelopment,
    jp: { belowTarget: a.jp.belowTarget + b.jp.belowTarget, lacking: roundJp(a.jp.lacking + b.jp.lacking) },
  };
}

/** Analisis Kebutuhan Kompetensi: the heatmap (competency × unit rolled up the tree) and what is behind a cell. */
@Injectable()
export class NeedsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: JpLedgerService,
  ) {}

  async heatmap(actor: Actor, query: TNeedsQuery): Promise<TNeedsHeatmap> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    return this.heatmapOf(this.db.manager, agencyId, query.asOf ?? jakartaDay());
  }

  async limits(manager: EntityManager, agencyId: string): Promise<JpLimits> {
    const l = await this.ledger.limits(manager, agencyId);
    return { PNS: { target: l.PNS.target, cap: l.PNS.cap }, PPPK: { target: l.PPPK.target, cap: l.PPPK.cap } };
  }

  async heatmapOf(manager: EntityManager, agencyId: string, asOf: string): Promise<TNeedsHeatmap> {
    const year = Number(asOf.slice(0, 4));
    // Independent reads side by side (a pool manager: one connection each); the JP pass, the longest,
    // starts as soon as the agency's JP limits are known.
    const jpPass = this.limits(manager, agencyId).then((limits) => jpByUnit(manager, agencyId, year, limits));
    // Awaited below; marked handled so a failure elsewhere first is not an unhandled rejection.
    jpPass.catch(() => undefined);
    const [settings, { standards, dictionary }, units] = await Promise.all([
      loadSettings(manager, agencyId),
      loadDictionary(manager, agencyId).then(async (dictionary) => ({ dictionary, standards: (await loadStandards(manager, agencyId, dictionary)).standards })),
      manager.query(`SELECT id, parent_id, code, name FROM units WHERE agency_id = $1`, [agencyId]) as Promise<{ id: string; parent_id: string | null; code: string; name: string }[]>,
    ]);
    let counts: CellCountsRow[];
    let jp: Awaited<typeof jpPass>;
    if (asOf === jakartaDay()) {
      // Today's heatmap comes from the maintained counters (current-counts.ts), brought up to date
      // first; the JP pass over the users also gives their placement fingerprint.
      // The counters are read beside that pass, not after it: almost always nothing needs a recount,
      // and when something did they are read again.
      const read = () => countedCells(manager, agencyId, standards, settings.evidenceRule === 'raise_level', settings.thresholds);
      const early = read();
      early.catch(() => undefined);
      const recounted = await reconcileCounts(manager, agencyId, standards, asOf, jpPass.then(combineFingerprint));
      jp = await jpPass;
      counts = recounted ? await read() : await early;
    } else {
      // Another day's from the results.
      [counts, jp] = await Promise.all([cellCounts(manager, agencyId, asOf, standards, settings), jpPass]);
    }

    const ownTotals = new Map<string, TNeedsUnitTotals>();
    const ownCells = new Map<string, Map<string, TNeedsCounts>>();
    const totalsOf = (unitId: string) => {
      let t = ownTotals.get(unitId);
      if (!t) ownTotals.set(unitId, (t = emptyTotals()));
      return t;
    };
    for (const row of counts) {
      const c: TNeedsCounts = {
        none: row.none,
        minor: row.minor,
        major: row.major,
        unassessed: row.unassessed,
        needsDevelopment: row.minor + row.major,
        total: row.none + row.minor + row.major + row.unassessed,
      };
      if (row.code === null) {
        Object.assign(totalsOf(row.unit_id), { employees: row.employees, employeesNeedingDevelopment: row.needing });
      } else {
        const t = totalsOf(row.unit_id);
        Object.assign(t, addCounts(t, c));
        let m = ownCells.get(row.unit_id);
        if (!m) ownCells.set(row.unit_id, (m = new Map()));
        m.set(row.code, c);
      }
    }
    for (const row of jp) totalsOf(row.unit_id).jp = { belowTarget: row.below, lacking: roundJp(Number(row.lacking)) };

    const tree = buildUnitTree(units.map((u) => ({ id: u.id, parentId: u.parent_id })));
    const subtree = rollUp(tree, (id) => ownTotals.get(id) ?? emptyTotals(), addTotals);
    const subtreeCells = rollUp(
      tree,
      (id) => ownCells.get(id) ?? new Map<string, TNeedsCounts>(),
      (a, b) => {
        const merged = new Map(a);
        for (const [code, c] of b) merged.set(code, merged.has(code) ? addCounts(merged.get(code)!, c) : c);
        return merged;
      },
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const order = new Map(dictionary.headers.map((h, i) => [h.code, i]));
    const columns = new Map<string, TNeedsCounts>();
    for (const cells of ownCells.values()) for (const [code, c] of cells) columns.set(code, addCounts(columns.get(code) ?? emptyCounts(), c));
    const roots = tree.order.filter((id) => tree.parentOf.get(id) === null);
    return {
      agencyId,
      asOf,
      year,
      competencies: dictionary.headers,
      units: tree.order.map((id) => ({
        unit: { id, code: byId.get(id)!.code, name: byId.get(id)!.name },
        parentId: tree.parentOf.get(id) ?? null,
        depth: tree.depthOf.get(id)!,
        own: ownTotals.get(id) ?? emptyTotals(),
        subtree: subtree.get(id)!,
      })),
      cells: tree.order.flatMap((id) =>
        [...subtreeCells.get(id)!.entries()]
          .filter(([, c]) => c.total > 0)
          .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
          .map(([code, c]) => ({ unitId: id, competencyCode: code, ...c })),
      ),
      columns: [...columns.entries()].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([competencyCode, c]) => ({ competencyCode, ...c })),
      total: roots.reduce((t, id) => addTotals(t, subtree.get(id)!), emptyTotals()),
    };
  }

  /** The employees of a unit (and below) whose gap in one competency needs development: a program's targets. */
  async employeesNeeding(manager: EntityManager, agencyId: string, unitId: string, includeSubunits: boolean, competencyCode: string): Promise<string[]> {
    const { rows } = await this.cellRows(manager, agencyId, { unitId, includeSubunits, competencyCode, severity: 'needs_development', asOf: jakartaDay() });
    return rows.map((r) => r.id);
  }

  async cell(actor: Actor, query: TNeedsCellQuery): Promise<TNeedsCellDetail> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const m = this.db.manager;
    const [unit] = await m.query(`SELECT id, code, name FROM units WHERE id = $1 AND agency_id = $2`, [query.unitId, agencyId]);
    if (!unit) throw notFound('Unit');
    const dictionary = await loadDictionary(m, agencyId);
    const code = query.competencyCode.toUpperCase();
    const competency = dictionary.byCode.get(code);
    if (!competency) throw unknownCompetency('competencyCode', query.competencyCode);
    const asOf = query.asOf ?? jakartaDay();
    const { rows, counts } = await this.cellRows(m, agencyId, { ...query, competencyCode: code, asOf });
    const start = (query.page - 1) * query.pageSize;
    const pageRows = rows.slice(start, start + query.pageSize);
    const courses = await recommendableCourses(m, agencyId);
    const needing = rows.filter((r) => r.severity === 'minor' || r.severity === 'major');
    const required = needing.length ? Math.max(...needing.map((r) => r.required)) : null;
    const lowest = needing.length ? Math.min(...needing.map((r) => r.current ?? 0)) : null;
    return {
      unit,
      competency: { code: competency.code, name: competency.name, group: competency.group },
      counts,
      items: pageRows.map((r): TNeedsPerson => ({
        userId: r.id,
        name: r.name,
        nip: r.nip,
        employmentType: r.employment_type,
        unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
        position: { id: r.position_id, code: r.position_code, name: r.position_name, type: r.position_type },
        requiredLevel: r.required as never,
        currentLevel: (r.current as never) ?? null,
        gap: r.current === null ? null : r.required - r.current,
        severity: r.severity,
        jp: { total: roundJp(Number(r.jp_total)), target: r.jp_target === null ? null : Number(r.jp_target), lacking: r.jp_target === null ? null : roundJp(Math.max(0, Number(r.jp_target) - Number(r.jp_total))) },
      })),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
      jpLacking: roundJp(rows.reduce((s, r) => s + (r.jp_target === null ? 0 : Math.max(0, Number(r.jp_target) - Number(r.jp_total))), 0)),
      courses: required === null ? [] : recommend(courses, { competencyCode: code, currentLevel: lowest || null, requiredLevel: required }, 10),
    };
  }

  private async cellRows(
    m: EntityManager,
    agencyId: string,
    q: { unitId: string; includeSubunits: boolean; competencyCode: string; severity: TNeedsCellQuery['severity']; asOf: string },
  ) {
    const settings = await loadSettings(m, agencyId);
    const dictionary = await loadDictionary(m, agencyId);
    const { standards } = await loadStandards(m, agencyId, dictionary);
    const units: { id: string; parent_id: string | null }[] = await m.query(`SELECT id, parent_id FROM units WHERE agency_id = $1`, [agencyId]);
    const tree = buildUnitTree(units.map((u) => ({ id: u.id, parentId: u.parent_id })));
    const unitIds = q.includeSubunits ? subtreeOf(tree, q.unitId) : [q.unitId];
    const p = new Params();
    const cte = pairsCte(p, agencyId, q.asOf, standards, settings, { unitIds, competencyCode: q.competencyCode });
    const jp = jpCte(p, Number(q.asOf.slice(0, 4)), await this.limits(m, agencyId), 'pairs');
    const all: {
      id: string;
      name: string;
      nip: string | null;
      employment_type: never;
      unit_id: string;
      unit_code: string;
      unit_name: string;
      position_id: string;
      position_code: string;
      position_name: string;
      position_type: never;
      required: number;
      current: number | null;
      severity: 'none' | 'minor' | 'major' | 'unassessed';
      jp_total: string;
      jp_target: string | null;
    }[] = await m.query(
      `WITH ${cte}, ${jp}
       SELECT pr.id, u.name, u.nip, u.employment_type, un.id AS unit_id, un.code AS unit_code, un.name AS unit_name,
              po.id AS position_id, po.code AS position_code, po.name AS position_name, po.type AS position_type,
              pr.required, pr.current, pr.severity, j.total::text AS jp_total, j.target::text AS jp_target
         FROM pairs pr JOIN users u ON u.id = pr.id JOIN units un ON un.id = pr.unit_id JOIN positions po ON po.id = pr.position_id
         JOIN jp j ON j.id = pr.id
        ORDER BY (pr.required - coalesce(pr.current, 0)) DESC, u.name, u.id`,
      p.values,
    );
    const counts = emptyCounts();
    for (const r of all) {
      counts[r.severity]++;
      counts.total++;
      if (r.severity === 'minor' || r.severity === 'major') counts.needsDevelopment++;
    }
    const rows = all.filter((r) =>
      q.severity === 'all' ? true : q.severity === 'needs_development' ? r.severity === 'minor' || r.severity === 'major' : r.severity === q.severity,
    );
    return { rows, counts };
  }
}
