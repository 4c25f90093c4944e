import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCourse, aPosition, aUnit, aUser, anAgency, day } from './factories/builders';
import { anAssessment, assessmentCsv } from './factories/competency-builders';
import { createTestApp, TestApp } from './support/test-app';
import { loadDictionary, loadSettings, loadStandards } from '../src/modules/competency/competency-context';
import { combineFingerprint, countedCells, reconcileCounts, recountEmployees } from '../src/modules/competency/current-counts';
import { recordCourseEvidence } from '../src/modules/competency/evidence';
import { cellCounts, jpByUnit, type CellCountsRow } from '../src/modules/competency/needs-sql';
import { JpLedgerService } from '../src/modules/jp/jp-ledger.service';
import type { Agency } from '../src/modules/agencies/agency.entity';
import type { Position } from '../src/modules/positions/position.entity';
import type { Unit } from '../src/modules/units/unit.entity';
import type { User } from '../src/modules/users/user.entity';

jest.setTimeout(120_000);

/**
 * The heatmap of today reads maintained counters (current-counts.ts). Every path that changes what
 * they count must leave them equal to the aggregate computed from the results (needs-sql cellCounts):
 * assessment writes in their own transaction (the reader then finds nothing to recount), changes made
 * elsewhere (employees moved or deactivated, results expiring, position types) when the heatmap is read.
 */
describe('needs-analysis counters stay true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  interface Org {
    agency: Agency;
    admin: TestAgent;
    units: Unit[];
    positions: Position[];
    people: User[];
  }

  async function anOrg(): Promise<Org> {
    const agency = await anAgency(t.db);
    const root = await aUnit(t.db, agency);
    const units = [root, await aUnit(t.db, agency, { parent: root }), await aUnit(t.db, agency, { parent: root })];
    const positions = [await aPosition(t.db, agency, { type: 'pengawas' }), await aPosition(t.db, agency, { type: 'administrator' }), await aPosition(t.db, agency, { type: 'pelaksana' })];
    const adminUser = await aUser(t.db).in(agency).at(root).withRoles('agency_admin', 'learner').create();
    const people: User[] = [];
    for (let i = 0; i < 6; i++) people.push(await aUser(t.db).in(agency).at(units[i % 3]).holding(positions[i % 3]).create());
    const org = { agency, admin: await t.signIn(adminUser.email, PASSWORD), units, positions, people };
    // The first read counts everyone (the backfill) and records the standards it used.
    await heatmap(org);
    return org;
  }

  const heatmap = async (org: Org) => {
    const res = await org.admin.get('/api/competency/needs-analysis').query({ agencyId: org.agency.id });
    expect(res.status).toBe(200);
    return res.body;
  };

  const key = (r: CellCountsRow) => `${r.unit_id}|${r.code ?? '*'}`;
  const sorted = (rows: CellCountsRow[]) => rows.map((r) => ({ ...r })).sort((a, b) => key(a).localeCompare(key(b)));

  /**
   * The counters equal the aggregate from the results. `recounted`: how many employees the reader
   * had to recount first (0 when the write kept the counters true itself).
   */
  async function expectTrue(org: Org, recounted: 'none' | 'some') {
    const m = t.db.manager;
    const settings = await loadSettings(m, org.agency.id);
    const { standards } = await loadStandards(m, org.agency.id, await loadDictionary(m, org.agency.id));
    const n = await reconcileCounts(m, org.agency.id, standards);
    if (recounted === 'none') expect(n).toBe(0);
    else expect(n).toBeGreaterThan(0);
    const fromResults = await cellCounts(m, org.agency.id, day(0), standards, settings);
    const fromCounters = await countedCells(m, org.agency.id, standards, settings.evidenceRule === 'raise_level', settings.thresholds);
    expect(sorted(fromCounters)).toEqual(sorted(fromResults));
    expect(fromResults.length).toBeGreaterThan(0);
    return fromCounters;
  }

  const cellOf = (rows: CellCountsRow[], unit: Unit, code: string | null) => rows.find((r) => r.unit_id === unit.id && r.code === code);

  it('[admin] an assessment import counts its results in the same transaction', async () => {
    const org = await anOrg();
    const [a, b] = org.people;
    const file = assessmentCsv([
      { nip: a.nip, code: 'M.01', level: 1, source: 'assessment_centre', date: day(-30) },
      { nip: a.nip, code: 'M.01', level: 4, source: 'supervisor', date: day(-400) },
      { nip: b.nip, code: 'M.02', level: 4, source: 'competency_test', date: day(-10) },
    ]);
    expect((await org.admin.post('/api/competency/assessments/import').field('agencyId', org.agency.id).attach('file', file, 'asesmen.csv')).body).toMatchObject({ created: 3, committed: true });
    const rows = await expectTrue(org, 'none');
    // a: pengawas (M.01 required at 2), current result level 1 (the newer one): minor.
    expect(cellOf(rows, org.units[0], 'M.01')).toMatchObject({ minor: 1, none: 0 });
    expect(cellOf(rows, org.units[0], null)).toMatchObject({ employees: 2, needing: 1 });
    const body = await heatmap(org);
    expect(body.cells.find((c: { unitId: string; competencyCode: string }) => c.unitId === org.units[0].id && c.competencyCode === 'M.01')).toMatchObject({ minor: 1 });
  });

  it('[admin] entering and deleting a result moves the counters in the same transaction', async () => {
    const org = await anOrg();
    const someone = org.people[1];
    const res = await org.admin.post('/api/competency/assessments').send({ userId: someone.id, competencyCode: 'M.03', level: 1, source: 'supervisor', assessedOn: day(-3) });
    expect(res.status).toBe(201);
    let rows = await expectTrue(org, 'none');
    // administrator: level 3 required, 1 assessed: major (gap 2).
    expect(cellOf(rows, org.units[1], 'M.03')).toMatchObject({ major: 1 });
    expect((await org.admin.delete(`/api/competency/assessments/${res.body.id}`)).status).toBe(204);
    rows = await expectTrue(org, 'none');
    expect(cellOf(rows, org.units[1], 'M.03')).toMatchObject({ major: 0, unassessed: 2 });
  });

  it('[runtime] course evidence is counted under both evidence rules, the rule switch recounts nothing', async () => {
    const org = await anOrg();
    const someone = org.people[0];
    await anAssessment(t.db).of(someone).in('M.07').level(1).on(day(-20)).create();
    const { course } = await aCourse(t.db).in(org.agency).withActivity('page').published().create();
    await t.db.query(`UPDATE courses SET competencies = $1 WHERE id = $2`, [JSON.stringify([{ code: 'M.07', targetLevel: 3 }]), course.id]);
    expect(await recordCourseEvidence(t.db.manager, { userId: someone.id, courseId: course.id, completedAt: new Date() })).toEqual(['M.07']);
    let rows = await expectTrue(org, 'none');
    expect(cellOf(rows, org.units[0], 'M.07')).toMatchObject({ minor: 1, none: 0 });
    expect((await org.admin.put('/api/competency/settings').send({ agencyId: org.agency.id, evidenceRule: 'raise_level' })).status).toBe(200);
    rows = await expectTrue(org, 'none');
    expect(cellOf(rows, org.units[0], 'M.07')).toMatchObject({ minor: 0, none: 1 });
  });

  it('[admin] editing a standard recounts its holders in the same transaction; a position type change is caught by the reader', async () => {
    const org = await anOrg();
    const [a, b] = org.people;
    await anAssessment(t.db).of(a).in('M.01').level(2).create();
    await anAssessment(t.db).of(b).in('M.01').level(2).create();
    expect(cellOf(await expectTrue(org, 'none'), org.units[0], null)).toMatchObject({ needing: 0 });
    const res = await org.admin.put(`/api/competency/standards/${org.positions[0].id}`).send({ overrides: [{ competencyCode: 'M.01', requiredLevel: 4 }] });
    expect(res.status).toBe(200);
    const rows = await expectTrue(org, 'none');
    expect(cellOf(rows, org.units[0], 'M.01')).toMatchObject({ major: 1 });
    expect(cellOf(rows, org.units[0], null)).toMatchObject({ needing: 1 });
    // administrator → jpt_pratama: level 4 required instead of 3 (positions module: found when read).
    expect((await org.admin.patch(`/api/positions/${org.positions[1].id}`).send({ type: 'jpt_pratama' })).status).toBe(200);
    expect(cellOf(await expectTrue(org, 'some'), org.units[1], 'M.01')).toMatchObject({ major: 1 });
    // A new position nobody holds yet changes no one's count.
    await aPosition(t.db, org.agency, { type: 'administrator' });
    await expectTrue(org, 'none');
  });

  it('[admin] an employee moved to another unit and position, deactivated or added is recounted when the heatmap is read', async () => {
    const org = await anOrg();
    const [a, b, c] = org.people;
    for (const p of [a, b, c]) await anAssessment(t.db).of(p).in('M.02').level(1).create();
    await expectTrue(org, 'none');
    expect((await org.admin.patch(`/api/users/${a.id}`).send({ unitId: org.units[2].id, positionId: org.positions[1].id })).status).toBe(200);
    expect((await org.admin.patch(`/api/users/${b.id}`).send({ active: false })).status).toBe(200);
    const newcomer = await aUser(t.db).in(org.agency).at(org.units[1]).holding(org.positions[0]).create();
    await anAssessment(t.db).of(newcomer).in('M.02').level(3).create();
    const rows = await expectTrue(org, 'some');
    // Unit 0 keeps people[3] (unassessed); a moved out.
    expect(cellOf(rows, org.units[0], 'M.02')).toMatchObject({ minor: 0, none: 0, unassessed: 1 });
    expect(cellOf(rows, org.units[0], null)).toMatchObject({ employees: 1, needing: 0 });
    // a: administrator (3 required) at level 1 in unit 2, beside c (pelaksana, 1 required, level 1) and people[5].
    expect(cellOf(rows, org.units[2], 'M.02')).toMatchObject({ major: 1, none: 1, unassessed: 1 });
    // b deactivated; the newcomer (pengawas, 2 required) at level 3 beside people[4].
    expect(cellOf(rows, org.units[1], 'M.02')).toMatchObject({ none: 1, minor: 0, unassessed: 1 });
    expect(await reconcileCounts(t.db.manager, org.agency.id, (await loadStandards(t.db.manager, org.agency.id, await loadDictionary(t.db.manager, org.agency.id))).standards)).toBe(0);
    // The heatmap takes the users' fingerprint from its JP pass (per unit, combined): the same as the stored one (6 placed: b left).
    const [state] = await t.db.query(`SELECT placement_fingerprint FROM competency_count_states WHERE agency_id = $1`, [org.agency.id]);
    const jp = await jpByUnit(t.db.manager, org.agency.id, 2026, { PNS: { target: 20, cap: null }, PPPK: { target: null, cap: 24 } });
    expect(combineFingerprint(jp)).toBe(state.placement_fingerprint);
    expect(state.placement_fingerprint).toMatch(/^6:-?\d+$/);
  });

  it('[platform] a result that expired, or one dated ahead that started, is recounted on the day', async () => {
    const org = await anOrg();
    const [a, b] = org.people;
    await anAssessment(t.db).of(a).in('M.04').level(1).on(day(-300)).create();
    await anAssessment(t.db).of(a).in('M.04').level(4).on(day(-100)).validUntil(day(-1)).create();
    await anAssessment(t.db).of(b).in('M.04').level(1).on(day(-300)).create();
    await t.db.query(`INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on) VALUES ($1, $2, 'M.04', 5, 'supervisor', $3)`, [org.agency.id, b.id, day(0)]);
    // Counted two days ago: a at level 4 (valid until yesterday), b at level 1 (today's result not started).
    await recountEmployees(t.db.manager, org.agency.id, [a.id, b.id], { day: day(-2) });
    const rows = await expectTrue(org, 'some');
    expect(cellOf(rows, org.units[0], 'M.04')).toMatchObject({ minor: 1, none: 0 });
    expect(cellOf(rows, org.units[1], 'M.04')).toMatchObject({ none: 1, major: 0 });
  });

  it('[runtime] JP credits and revocations keep the year totals the needs analysis reads equal to the ledger', async () => {
    const org = await anOrg();
    const ledger = t.app.get(JpLedgerService);
    const [a, b] = org.people;
    const credit = (userId: string, jp: number, occurredOn: string, sourceId = randomUUID()) =>
      t.db.transaction((tx) => ledger.credit(tx, { userId, jp, sourceType: 'non_classroom', sourceId, description: 'Seminar', occurredOn }));
    const once = randomUUID();
    await credit(a.id, 6, day(0), once);
    await credit(a.id, 6, day(0), once); // the same source credits once
    await credit(a.id, 4.5, day(0));
    await credit(b.id, 30, day(0));
    await credit(b.id, 8, `${Number(day(0).slice(0, 4)) - 1}-06-01`); // another year
    await t.db.transaction((tx) => ledger.revoke(tx, 'non_classroom', once, a.id));
    const totals = await t.db.query(
      `SELECT t.user_id, t.year, t.earned::text AS earned, (SELECT coalesce(sum(jp), 0)::text FROM jp_ledger_entries l WHERE l.user_id = t.user_id AND l.year = t.year) AS ledger
         FROM jp_year_totals t WHERE t.user_id = ANY($1) ORDER BY t.year`,
      [[a.id, b.id]],
    );
    expect(totals).toHaveLength(3);
    for (const row of totals) expect(Number(row.earned)).toBe(Number(row.ledger));
    // Unit 0: a (PNS, 4.5 of 20 JP) and people[3] (nothing): both below target, 35.5 JP lacking.
    const body = await heatmap(org);
    const unit0 = body.units.find((u: { unit: { id: string } }) => u.unit.id === org.units[0].id);
    expect(unit0.own.jp).toEqual({ belowTarget: 2, lacking: 35.5 });
    const unit1 = body.units.find((u: { unit: { id: string } }) => u.unit.id === org.units[1].id);
    expect(unit1.own.jp).toEqual({ belowTarget: 1, lacking: 20 });
  });

  it('[platform] results written before the counters existed are counted by the first read (backfill)', async () => {
    const org = await anOrg();
    for (const [i, p] of org.people.entries()) {
      await t.db.query(`INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on) VALUES ($1, $2, $3, $4, 'supervisor', $5)`, [
        org.agency.id, p.id, i % 2 ? 'M.05' : 'SK.01', 1 + (i % 5), day(-i),
      ]);
    }
    await t.db.query(`DELETE FROM competency_count_states WHERE agency_id = $1`, [org.agency.id]);
    await expectTrue(org, 'some');
  });
});
