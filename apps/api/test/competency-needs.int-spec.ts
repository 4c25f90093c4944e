import { currentResultsByEmployee } from '@asah/competency/assessments';
import { gapRecords, rollUpNeeds } from '@asah/competency/needs-analysis';
import { aPosition, aUnit, aUser, anAgency, day } from './factories/builders';
import { anAssessment } from './factories/competency-builders';
import { createTestApp, TestApp } from './support/test-app';
import { ASSESSMENT_COLUMNS, AssessmentRecord, levelOptions, loadDictionary, loadSettings, loadStandards, toResult } from '../src/modules/competency/competency-context';
import { CompetencySettings } from '../src/modules/competency/competency-settings.entity';
import { PositionStandard } from '../src/modules/competency/position-standard.entity';
import { NeedsService } from '../src/modules/competency/needs.service';
import type { Unit } from '../src/modules/units/unit.entity';
import type { TAssessmentSource } from '@asah/contracts/competency';

jest.setTimeout(120_000);

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The needs analysis runs in SQL for speed (needs-sql.ts); the rules are @asah/competency's. Here
 * random agencies are analysed both ways and must agree on every cell and every unit's totals.
 */
describe('needs analysis: SQL and @asah/competency agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([1, 2, 3])('[platform] random agency (seed %i): heatmap cells and unit totals equal the package\'s gapRecords + rollUpNeeds', async (seed) => {
    const random = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const agency = await anAgency(t.db);
    const units: Unit[] = [await aUnit(t.db, agency)];
    for (let i = 0; i < 6; i++) units.push(await aUnit(t.db, agency, { parent: pick(units) }));
    const positions = [
      await aPosition(t.db, agency, { type: 'administrator' }),
      await aPosition(t.db, agency, { type: 'pengawas' }),
      await aPosition(t.db, agency, { type: 'pelaksana' }),
      await aPosition(t.db, agency, { type: 'fungsional', level: 'ahli_muda' }),
    ];
    // Overrides: a functional position gets levels, another one drops a competency.
    await t.db.getRepository(PositionStandard).insert([
      { positionId: positions[3].id, agencyId: agency.id, competencyCode: 'M.01', requiredLevel: 3 },
      { positionId: positions[3].id, agencyId: agency.id, competencyCode: 'M.04', requiredLevel: 4 },
      { positionId: positions[1].id, agencyId: agency.id, competencyCode: 'SK.01', requiredLevel: null },
      { positionId: positions[2].id, agencyId: agency.id, competencyCode: 'M.02', requiredLevel: 3 },
    ]);
    if (seed === 2) {
      await t.db.getRepository(CompetencySettings).insert({ agencyId: agency.id, evidenceRule: 'raise_level', majorGapFrom: 1, effectiveHoursPerYear: '1250', roundingMode: 'round', roundingThreshold: null, headUserId: null });
    }
    const codes = ['M.01', 'M.02', 'M.03', 'M.04', 'SK.01'];
    const sources: TAssessmentSource[] = ['assessment_centre', 'competency_test', 'supervisor', 'self', 'course_evidence'];
    for (let i = 0; i < 40; i++) {
      const user = await aUser(t.db).in(agency).at(pick(units)).holding(pick(positions)).create();
      const n = Math.floor(random() * 6);
      for (let k = 0; k < n; k++) {
        const b = anAssessment(t.db).of(user).in(pick(codes)).level(1 + Math.floor(random() * 5)).from(pick(sources)).on(day(-Math.floor(random() * 3) * 100));
        // Expired results (valid until yesterday) must not count.
        if (random() < 0.2) b.on(day(-200)).validUntil(day(-1));
        await b.create();
      }
    }
    // Someone without a position and someone inactive never count.
    await aUser(t.db).in(agency).at(units[0]).create();
    await aUser(t.db).in(agency).at(units[0]).holding(positions[0]).inactive().create();

    const asOf = day(0);
    const sql = await t.app.get(NeedsService).heatmapOf(t.db.manager, agency.id, asOf);

    const m = t.db.manager;
    const settings = await loadSettings(m, agency.id);
    const dictionary = await loadDictionary(m, agency.id);
    const { standards } = await loadStandards(m, agency.id, dictionary);
    const employees: { id: string; unit_id: string; position_id: string }[] = await m.query(
      `SELECT id, unit_id, position_id FROM users WHERE agency_id = $1 AND active AND unit_id IS NOT NULL AND position_id IS NOT NULL`,
      [agency.id],
    );
    const records: AssessmentRecord[] = await m.query(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE agency_id = $1`, [agency.id]);
    const current = currentResultsByEmployee(records.map(toResult), levelOptions(settings, asOf));
    const gaps = gapRecords({ employees: employees.map((e) => ({ id: e.id, unitId: e.unit_id, positionId: e.position_id })), standards, currentResults: current, thresholds: settings.thresholds });
    const pkg = rollUpNeeds(gaps, units.map((u) => ({ id: u.id, parentId: u.parentId })));

    const strip = ({ none, minor, major, unassessed, needsDevelopment, total }: Record<string, number>) => ({ none, minor, major, unassessed, needsDevelopment, total });
    const pkgCells = pkg.flatMap((u) => u.cells.map((c) => ({ unitId: u.unitId, competencyCode: c.competencyCode, ...strip(c as never) })));
    const sqlCells = sql.cells.map((c) => ({ unitId: c.unitId, competencyCode: c.competencyCode, ...strip(c as never) }));
    const key = (c: { unitId: string; competencyCode: string }) => `${c.unitId}|${c.competencyCode}`;
    expect(sqlCells.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(pkgCells.sort((a, b) => key(a).localeCompare(key(b))));
    expect(gaps.length).toBeGreaterThan(100);

    const pkgUnits = pkg.map((u) => ({ unitId: u.unitId, depth: u.depth, ...strip(u.subtree as never), employees: u.subtree.employees, needing: u.subtree.employeesNeedingDevelopment }));
    const sqlUnits = sql.units.map((u) => ({ unitId: u.unit.id, depth: u.depth, ...strip(u.subtree as never), employees: u.subtree.employees, needing: u.subtree.employeesNeedingDevelopment }));
    expect(sqlUnits).toEqual(pkgUnits);
  });
});
