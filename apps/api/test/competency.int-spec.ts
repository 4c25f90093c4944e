import ExcelJS from 'exceljs';
import type TestAgent from 'supertest/lib/agent';
import { NATIONAL_DICTIONARY } from '@asah/competency/national-dictionary';
import { PASSWORD, aCourse, aPosition, aUnit, aUser, aWorld, anAgency, anEnrolment, day } from './factories/builders';
import { aTechnicalCompetency, anAssessment, assessmentCsv, dictionaryCsv, aProgramRequest } from './factories/competency-builders';
import { countRows, snapshot } from './support/db-snapshot';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { jakartaYear } from '../src/common/time/jakarta';
import { recordCourseEvidence } from '../src/modules/competency/evidence';
import { EnrolmentsService } from '../src/modules/enrolments/enrolments.service';
import { EventsService } from '../src/modules/events/events.service';
import type { User } from '../src/modules/users/user.entity';

jest.setTimeout(60_000);

const binary = (res: { on: (e: string, cb: (chunk?: Buffer) => void) => void; setEncoding: (e: string) => void }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Competency framework: dictionary, standards, assessments and their import, gaps and recommendations, IDP, plan, ABK. */
describe('competency framework', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let learner: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    learner = await t.signIn(world.semarang.learner.email, PASSWORD);
  });
  afterAll(() => t.close());

  const semarang = () => world.semarang;
  const aLearner = async (props: { position?: Awaited<ReturnType<typeof aPosition>> } = {}): Promise<User> =>
    aUser(t.db).in(semarang().agency).at(semarang().subUnit).holding(props.position ?? semarang().position).create();

  describe('dictionary', () => {
    it('[platform] a fresh database has the national dictionary, read-only for agencies, in dictionary order', async () => {
      const res = await admin.get('/api/competency/dictionary');
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: { code: string }) => c.code)).toEqual(NATIONAL_DICTIONARY.map((c) => c.code));
      expect(res.body.items[0]).toMatchObject({ agencyId: null, group: 'manajerial', overridesNational: false });
      expect(res.body.items[0].levels.map((l: { name: string }) => l.name)).toEqual(['Paham', 'Dasar', 'Menengah', 'Mumpuni', 'Ahli']);
      expectApiError(await admin.delete(`/api/competency/dictionary/${res.body.items[0].id}`), 403, 'COMPETENCY_READ_ONLY');
    });

    it('[admin] editing a national competency makes an agency copy that only that agency sees', async () => {
      const national = (await admin.get('/api/competency/dictionary').query({ group: 'sosial_kultural' })).body.items[0];
      const edited = await admin.patch(`/api/competency/dictionary/${national.id}`).send({ name: 'Perekat Bangsa (Semarang)' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ agencyId: semarang().agency.id, code: national.code, overridesNational: true, name: 'Perekat Bangsa (Semarang)' });
      expect((await ambonAdmin.get('/api/competency/dictionary').query({ group: 'sosial_kultural' })).body.items[0].name).toBe(national.name);
      // Deleting the copy brings the national text back.
      expect((await admin.delete(`/api/competency/dictionary/${edited.body.id}`)).status).toBe(204);
      expect((await admin.get('/api/competency/dictionary').query({ group: 'sosial_kultural' })).body.items[0].name).toBe(national.name);
    });

    it('[admin] a CSV import adds technical competencies, or nothing when any row is wrong', async () => {
      const preview = await admin.post('/api/competency/dictionary/import/preview').attach('file', dictionaryCsv('T.ARSIP.01', 'Pengelolaan Arsip'), 'kamus.csv');
      expect(preview.body).toMatchObject({ format: 'csv', competencies: [{ code: 'T.ARSIP.01', action: 'create', group: 'teknis' }], problems: [], committed: false });
      expect(await countRows(t.db, 'competencies', "code = 'T.ARSIP.01'")).toBe(0);

      const broken = Buffer.from(dictionaryCsv('T.ARSIP.02').toString().replace('Paham', 'Pemula') + dictionaryCsv('M.09').toString().split('\n').slice(1).join('\n').replace(/teknis/g, 'manajerial'));
      const refused = await admin.post('/api/competency/dictionary/import').attach('file', broken, 'kamus.csv');
      expect(refused.status).toBe(200);
      expect(refused.body.committed).toBe(false);
      expect(refused.body.problems.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['LEVEL_NAME_MISMATCH']));
      expect(await countRows(t.db, 'competencies', "code IN ('T.ARSIP.02', 'M.09')")).toBe(0);

      const done = await admin.post('/api/competency/dictionary/import').attach('file', dictionaryCsv('T.ARSIP.01', 'Pengelolaan Arsip'), 'kamus.csv');
      expect(done.body).toMatchObject({ committed: true, problems: [] });
      const again = await admin.post('/api/competency/dictionary/import/preview').attach('file', dictionaryCsv('T.ARSIP.01', 'Pengelolaan Arsip Dinamis'), 'kamus.csv');
      expect(again.body.competencies).toEqual([expect.objectContaining({ code: 'T.ARSIP.01', action: 'update' })]);
      expect((await ambonAdmin.get('/api/competency/dictionary').query({ q: 'ARSIP' })).body.items).toEqual([]);
    });

    it('[admin] the JSON export of the agency\'s own competencies imports back unchanged', async () => {
      await aTechnicalCompetency(t.db, semarang().agency, 'T.JSON.01');
      const exported = await admin.get('/api/competency/dictionary/export').query({ format: 'json', includeNational: 'false' }).buffer(true).parse(binary as never);
      expect(exported.status).toBe(200);
      const doc = JSON.parse(exported.body.toString());
      expect(doc.format).toBe('asah.competency-dictionary');
      expect(doc.competencies.map((c: { code: string }) => c.code)).toContain('T.JSON.01');
      const back = await admin.post('/api/competency/dictionary/import/preview').attach('file', exported.body, 'kamus.json');
      expect(back.body.problems).toEqual([]);
      expect(back.body.competencies.every((c: { action: string }) => c.action === 'update')).toBe(true);
    });
  });

  describe('standards', () => {
    it('[admin] the grid shows defaults by position type and keeps overrides per position', async () => {
      const jpt = await aPosition(t.db, semarang().agency, { type: 'jpt_pratama', name: 'Kepala Dinas' });
      const fungsional = await aPosition(t.db, semarang().agency, { type: 'fungsional', level: 'ahli_muda', name: 'Analis Kebijakan Ahli Muda' });
      const grid = (await admin.get('/api/competency/standards')).body;
      const row = (id: string) => grid.rows.find((r: { position: { id: string } }) => r.position.id === id);
      const m01 = grid.competencies.findIndex((c: { code: string }) => c.code === 'M.01');
      expect(row(jpt.id).cells[m01]).toEqual({ competencyCode: 'M.01', requiredLevel: 4, defaultLevel: 4, origin: 'default' });
      expect(row(fungsional.id).cells[m01]).toEqual({ competencyCode: 'M.01', requiredLevel: null, defaultLevel: null, origin: 'none' });

      const set = await admin.put(`/api/competency/standards/${fungsional.id}`).send({ overrides: [{ competencyCode: 'm.01', requiredLevel: 3 }, { competencyCode: 'SK.01', requiredLevel: null }] });
      expect(set.status).toBe(200);
      expect(set.body.cells[m01]).toEqual({ competencyCode: 'M.01', requiredLevel: 3, defaultLevel: null, origin: 'position' });

      const bad = await admin.put(`/api/competency/standards/${fungsional.id}`).send({ overrides: [{ competencyCode: 'X.99', requiredLevel: 3 }] });
      expectApiError(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'overrides.0.competencyCode', code: 'COMPETENCY_UNKNOWN' })]);
      expect(await countRows(t.db, 'position_standards', 'position_id = $1', [fungsional.id])).toBe(2);
      expectApiError(await ambonAdmin.put(`/api/competency/standards/${fungsional.id}`).send({ overrides: [] }), 404, 'NOT_FOUND');
    });
  });

  describe('assessments', () => {
    it('[admin] an import with bad rows reports each row and writes nothing', async () => {
      const someone = await aLearner();
      const ambonNip = world.ambon.learner.nip;
      const file = assessmentCsv([
        { nip: someone.nip, code: 'M.01', level: 2 },
        { nip: '199001012015011999', code: 'M.01', level: 2 },
        { nip: ambonNip, code: 'M.01', level: 2 },
        { nip: someone.nip, code: 'M.42', level: 2 },
        { nip: someone.nip, code: 'M.02', level: 6 },
        { nip: someone.nip, code: 'M.03', level: 2, source: 'tetangga' },
        { nip: someone.nip, code: 'M.04', level: 2, date: '2026-02-31' },
      ]);
      const before = await snapshot(t.db);
      const res = await admin.post('/api/competency/assessments/import').attach('file', file, 'asesmen.csv');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ validCount: 1, invalidCount: 6, created: 0, committed: false });
      const errors = res.body.rows.map((r: { line: number; errors: { field: string; code: string }[] }) => [r.line, r.errors.map((e) => `${e.field}:${e.code}`)]);
      expect(errors).toEqual([
        [2, []],
        [3, ['nip:NIP_UNKNOWN']],
        [4, ['nip:NIP_UNKNOWN']],
        [5, ['competencyCode:COMPETENCY_UNKNOWN']],
        [6, ['level:LEVEL_INVALID']],
        [7, ['source:SOURCE_INVALID']],
        [8, ['assessedOn:DATE_INVALID']],
      ]);
      expect(res.body.rows[0].employee).toEqual({ id: someone.id, name: someone.name });
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[learner] gaps appear after an assessment import, and the history keeps every result', async () => {
      const someone = await aLearner();
      const agent = await t.signIn(someone.email, PASSWORD);
      const empty = (await agent.get('/api/me/competency-profile')).body;
      // Pengawas: every managerial competency and Perekat Bangsa at level 2; nothing assessed yet.
      expect(empty.summary).toEqual({ none: 0, minor: 0, major: 0, unassessed: 9, needsDevelopment: 0 });

      const file = assessmentCsv([
        { nip: someone.nip, code: 'M.01', level: 1, source: 'assessment_centre', date: day(-30) },
        { nip: someone.nip, code: 'M.02', level: 3, source: 'uji_kompetensi', date: day(-30) },
        { nip: someone.nip, code: 'M.01', level: 2, source: 'atasan', date: day(-400) },
      ]);
      const res = await admin.post('/api/competency/assessments/import').attach('file', file, 'asesmen.csv');
      expect(res.body).toMatchObject({ validCount: 3, invalidCount: 0, created: 3, committed: true });

      const profile = (await agent.get('/api/me/competency-profile')).body;
      const item = (code: string) => profile.items.find((i: { competency: { code: string } }) => i.competency.code === code);
      expect(item('M.01')).toMatchObject({ currentLevel: 1, current: { requiredLevel: 2, gap: 1, severity: 'minor', needsDevelopment: true }, assessment: { source: 'assessment_centre' } });
      expect(item('M.02')).toMatchObject({ currentLevel: 3, current: { requiredLevel: 2, gap: -1, severity: 'none', needsDevelopment: false } });
      expect(profile.summary).toEqual({ none: 1, minor: 1, major: 0, unassessed: 7, needsDevelopment: 1 });

      const history = (await admin.get(`/api/users/${someone.id}/assessments`)).body.items;
      expect(history.map((h: { competencyCode: string; level: number; status: string }) => [h.competencyCode, h.level, h.status])).toEqual([
        ['M.01', 1, 'current'],
        ['M.01', 2, 'superseded'],
        ['M.02', 3, 'current'],
      ]);
      expectApiError(await ambonAdmin.get(`/api/users/${someone.id}/assessments`), 404, 'NOT_FOUND');
    });

    it('[admin] entering one result checks the code and the dates', async () => {
      const someone = await aLearner();
      const ok = await admin.post('/api/competency/assessments').send({ userId: someone.id, competencyCode: 'M.05', level: 3, source: 'competency_test', assessedOn: day(-2), validUntil: day(700) });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ competencyCode: 'M.05', level: 3, status: 'current', recordedBy: { id: world.semarang.admin.id } });
      expectApiError(await admin.post('/api/competency/assessments').send({ userId: someone.id, competencyCode: 'T.NONE', level: 3, source: 'supervisor', assessedOn: day(-2) }), 422, 'COMPETENCY_UNKNOWN');
      const future = await admin.post('/api/competency/assessments').send({ userId: someone.id, competencyCode: 'M.05', level: 3, source: 'supervisor', assessedOn: day(5) });
      expectApiError(future, 400, 'VALIDATION_FAILED');
      expect(future.body.details[0]).toMatchObject({ field: 'assessedOn', code: 'DATE_IN_FUTURE' });
    });
  });

  describe('recommendations and evidence', () => {
    it('[learner] a gap gets a recommended course once a published course is tagged with the competency', async () => {
      const someone = await aLearner();
      await anAssessment(t.db).of(someone).in('M.06').level(1).on(day(-10)).create();
      const agent = await t.signIn(someone.email, PASSWORD);
      const before = (await agent.get('/api/me/competency-profile')).body.items.find((i: { competency: { code: string } }) => i.competency.code === 'M.06');
      expect(before.recommendations).toEqual([]);

      const { course } = await aCourse(t.db).in(semarang().agency).titled('Mentoring Pegawai').jp(8).withActivity('page').published().create();
      const tagged = await admin.put(`/api/courses/${course.id}/competency-targets`).send({ items: [{ competencyCode: 'm.06', targetLevel: 2 }] });
      expect(tagged.status).toBe(200);
      expect(tagged.body.items).toEqual([{ competencyCode: 'M.06', targetLevel: 2, competency: expect.objectContaining({ code: 'M.06', group: 'manajerial' }) }]);
      expectApiError(await admin.put(`/api/courses/${course.id}/competency-targets`).send({ items: [{ competencyCode: 'M.77', targetLevel: 2 }] }), 400, 'VALIDATION_FAILED');

      const after = (await agent.get('/api/me/competency-profile')).body.items.find((i: { competency: { code: string } }) => i.competency.code === 'M.06');
      expect(after.recommendations).toEqual([expect.objectContaining({ courseId: course.id, title: 'Mentoring Pegawai', targetLevel: 2, closesGap: true, enrolmentStatus: null })]);
      // Ambon's learners never see Semarang's course.
      await anAssessment(t.db).of(world.ambon.learner).in('M.06').level(1).create();
      const ambonLearner = await t.signIn(world.ambon.learner.email, PASSWORD);
      const theirs = (await ambonLearner.get('/api/me/competency-profile')).body.items.find((i: { competency: { code: string } }) => i.competency.code === 'M.06');
      expect(theirs.recommendations).toEqual([]);
    });

    it('[runtime] course evidence only flags a reassessment by default, and raises the level under raise_level', async () => {
      const agency = world.ambon.agency;
      const someone = await aUser(t.db).in(agency).at(world.ambon.unit).holding(world.ambon.position).create();
      await anAssessment(t.db).of(someone).in('M.07').level(1).on(day(-20)).create();
      const { course } = await aCourse(t.db).in(agency).withActivity('page').published().create();
      await t.db.query(`UPDATE courses SET competencies = $1 WHERE id = $2`, [JSON.stringify([{ code: 'M.07', targetLevel: 3 }]), course.id]);

      expect(await recordCourseEvidence(t.db.manager, { userId: someone.id, courseId: course.id, completedAt: new Date() })).toEqual(['M.07']);
      expect(await recordCourseEvidence(t.db.manager, { userId: someone.id, courseId: course.id, completedAt: new Date() })).toEqual([]);
      let item = (await ambonAdmin.get(`/api/users/${someone.id}/competency-profile`)).body.items.find((i: { competency: { code: string } }) => i.competency.code === 'M.07');
      expect(item).toMatchObject({ currentLevel: 1, flaggedEvidenceLevel: 3 });
      const flagged = (await ambonAdmin.get('/api/competency/assessments/flagged')).body.items;
      expect(flagged).toEqual([expect.objectContaining({ employee: expect.objectContaining({ id: someone.id }), competencyCode: 'M.07', evidenceLevel: 3, currentLevel: 1 })]);

      expect((await ambonAdmin.put('/api/competency/settings').send({ evidenceRule: 'raise_level' })).body.evidenceRule).toBe('raise_level');
      item = (await ambonAdmin.get(`/api/users/${someone.id}/competency-profile`)).body.items.find((i: { competency: { code: string } }) => i.competency.code === 'M.07');
      expect(item).toMatchObject({ currentLevel: 3, flaggedEvidenceLevel: null, assessment: { source: 'course_evidence' } });
      // A course below the current level never lowers it.
      const { course: easy } = await aCourse(t.db).in(agency).withActivity('page').published().create();
      await t.db.query(`UPDATE courses SET competencies = $1 WHERE id = $2`, [JSON.stringify([{ code: 'M.07', targetLevel: 2 }]), easy.id]);
      expect(await recordCourseEvidence(t.db.manager, { userId: someone.id, courseId: easy.id, completedAt: new Date() })).toEqual([]);
      await ambonAdmin.put('/api/competency/settings').send({ evidenceRule: 'flag_only' });
    });

    it('[runtime] completing a tagged course records the evidence through the course.completed event, once', async () => {
      const agency = world.ambon.agency;
      const someone = await aUser(t.db).in(agency).at(world.ambon.unit).holding(world.ambon.position).create();
      await anAssessment(t.db).of(someone).in('M.04').level(1).on(day(-20)).create();
      const { course } = await aCourse(t.db).in(agency).withActivity('page').published().create();
      await t.db.query(`UPDATE courses SET competencies = $1 WHERE id = $2`, [JSON.stringify([{ code: 'M.04', targetLevel: 3 }]), course.id]);
      const enrolment = await anEnrolment(t.db).of(someone).in(course).status('active').create();
      const flaggedFor = async () =>
        ((await ambonAdmin.get('/api/competency/assessments/flagged')).body.items as { employee: { id: string }; competencyCode: string }[]).filter(
          (f) => f.employee.id === someone.id && f.competencyCode === 'M.04',
        );

      await t.app.get(EnrolmentsService).creditCourseCompletion(enrolment.id);
      // The event is durable and delivered by a worker (pg-boss in production): nothing before the drain.
      expect(await flaggedFor()).toEqual([]);
      await t.app.get(EventsService).drain();
      expect(await flaggedFor()).toEqual([expect.objectContaining({ evidenceLevel: 3, currentLevel: 1 })]);
      const deliveries = await t.db.query(
        `SELECT d.status FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id WHERE d.subscriber = 'competency.evidence' AND e.payload->>'enrolmentId' = $1`,
        [enrolment.id],
      );
      expect(deliveries).toEqual([{ status: 'done' }]);
      // Completing and draining again changes nothing.
      await t.app.get(EnrolmentsService).creditCourseCompletion(enrolment.id);
      await t.app.get(EventsService).drain();
      expect(await flaggedFor()).toHaveLength(1);
    });
  });

  describe('individual development plan', () => {
    it('[learner] keeps goals with target dates and progress; admins read them, other agencies cannot', async () => {
      const created = await learner.post('/api/me/development-goals').send({ title: 'Naik ke tingkat 3 Komunikasi', competencyCode: 'M.03', targetLevel: 3, targetDate: day(90) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'planned', progress: 0, competency: { code: 'M.03' }, overdue: false });
      const moved = await learner.patch(`/api/me/development-goals/${created.body.id}`).send({ progress: 40 });
      expect(moved.body).toMatchObject({ status: 'in_progress', progress: 40 });
      expectApiError(await learner.post('/api/me/development-goals').send({ title: 'x', competencyCode: 'Z.1', targetDate: day(5) }), 400, 'VALIDATION_FAILED');
      expect((await admin.get(`/api/users/${world.semarang.learner.id}/development-goals`)).body.items).toHaveLength(1);
      expectApiError(await ambonAdmin.get(`/api/users/${world.semarang.learner.id}/development-goals`), 404, 'NOT_FOUND');
      const otherLearner = await t.signIn(world.ambon.learner.email, PASSWORD);
      expectApiError(await otherLearner.patch(`/api/me/development-goals/${created.body.id}`).send({ progress: 100 }), 404, 'NOT_FOUND');
    });
  });

  describe('needs analysis and the yearly plan', () => {
    it('[admin] the heatmap counts the unit tree, a cell lists its people with their JP, a program from the cell is approved and becomes a cohort', async () => {
      const agency = await anAgency(t.db, { name: 'Pemerintah Kabupaten Aceh Tenggara' });
      const dinas = await aUnit(t.db, agency, { name: 'Dinas Kesehatan' });
      const bidang = await aUnit(t.db, agency, { name: 'Bidang Pelayanan', parent: dinas });
      const pengawas = await aPosition(t.db, agency, { type: 'pengawas' });
      const hr = await aUser(t.db).in(agency).at(dinas).withRoles('agency_admin', 'learner').create();
      const head = await aUser(t.db).in(agency).at(dinas).withRoles('agency_admin', 'learner').create();
      const a = await aUser(t.db).in(agency).at(bidang).holding(pengawas).create();
      const b = await aUser(t.db).in(agency).at(bidang).holding(pengawas).create();
      const c = await aUser(t.db).in(agency).at(dinas).holding(pengawas).create();
      await anAssessment(t.db).of(a).in('M.01').level(1).create();
      await anAssessment(t.db).of(c).in('M.01').level(2).create();
      const hrAgent = await t.signIn(hr.email, PASSWORD);
      const headAgent = await t.signIn(head.email, PASSWORD);

      const heat = (await hrAgent.get('/api/competency/needs-analysis')).body;
      const cellOf = (unitId: string, code: string) => heat.cells.find((x: { unitId: string; competencyCode: string }) => x.unitId === unitId && x.competencyCode === code);
      expect(cellOf(bidang.id, 'M.01')).toMatchObject({ minor: 1, none: 0, unassessed: 1, needsDevelopment: 1, total: 2 });
      expect(cellOf(dinas.id, 'M.01')).toMatchObject({ minor: 1, none: 1, unassessed: 1, needsDevelopment: 1, total: 3 });
      const dinasRow = heat.units.find((u: { unit: { id: string } }) => u.unit.id === dinas.id);
      expect(dinasRow).toMatchObject({ depth: 0, own: { employees: 1 }, subtree: { employees: 3, employeesNeedingDevelopment: 1, jp: { belowTarget: 3, lacking: 60 } } });
      expect(heat.total).toMatchObject({ employees: 3, total: 27 });

      const cell = (await hrAgent.get('/api/competency/needs-analysis/cell').query({ unitId: dinas.id, competencyCode: 'M.01' })).body;
      expect(cell).toMatchObject({ total: 1, counts: { minor: 1, none: 1, unassessed: 1 }, jpLacking: 20 });
      expect(cell.items).toEqual([expect.objectContaining({ userId: a.id, requiredLevel: 2, currentLevel: 1, gap: 1, severity: 'minor', jp: { total: 0, target: 20, lacking: 20 } })]);

      const xlsx = await hrAgent.get('/api/competency/needs-analysis/export').buffer(true).parse(binary as never);
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Peta Kesenjangan', 'Rincian']);

      const plan = await hrAgent.post('/api/competency/plans').send({ year: jakartaYear() + 1, title: 'Rencana Pengembangan Kompetensi' });
      expect(plan.status).toBe(201);
      expectApiError(await hrAgent.post('/api/competency/plans').send({ year: jakartaYear() + 1, title: 'Lagi' }), 409, 'PLAN_EXISTS');
      expectApiError(await hrAgent.post(`/api/competency/plans/${plan.body.id}/actions`).send({ action: 'submit' }), 400, 'VALIDATION_FAILED');
      const withProgram = await hrAgent.post(`/api/competency/plans/${plan.body.id}/programs`).send(aProgramRequest({ fromCell: { unitId: dinas.id } }));
      expect(withProgram.status).toBe(201);
      expect(withProgram.body.programs[0].targetEmployees.map((e: { id: string }) => e.id)).toEqual([a.id]);
      expect(withProgram.body.totals).toMatchObject({ programs: 1, personJp: 24, budget: 15_000_000, people: 1 });
      expectApiError(await hrAgent.post(`/api/competency/plans/${plan.body.id}/programs`).send(aProgramRequest({ form: 'e_learning' })), 400, 'VALIDATION_FAILED');

      await hrAgent.put('/api/competency/settings').send({ headOfAgencyUserId: head.id });
      const submitted = await hrAgent.post(`/api/competency/plans/${plan.body.id}/actions`).send({ action: 'submit' });
      expect(submitted.body).toMatchObject({ status: 'submitted', editable: false, allowedActions: [], submittedBy: { id: hr.id } });
      expectApiError(await hrAgent.post(`/api/competency/plans/${plan.body.id}/programs`).send(aProgramRequest()), 409, 'PLAN_NOT_EDITABLE');
      expectApiError(await hrAgent.post(`/api/competency/plans/${plan.body.id}/actions`).send({ action: 'approve' }), 403, 'NOT_APPROVER');
      expectApiError(await headAgent.post(`/api/competency/plans/${plan.body.id}/actions`).send({ action: 'revise' }), 409, 'PLAN_TRANSITION_INVALID');
      expect((await headAgent.get(`/api/competency/plans/${plan.body.id}`)).body.allowedActions).toEqual(['approve', 'reject']);
      const approved = await headAgent.post(`/api/competency/plans/${plan.body.id}/actions`).send({ action: 'approve', note: 'Setuju' });
      expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: head.id }, decisionNote: 'Setuju' });

      const { course } = await aCourse(t.db).in(agency).titled('Pelatihan Integritas').withActivity('page').published().create();
      const programId = approved.body.programs[0].id;
      expectApiError(await ambonAdmin.post(`/api/competency/plans/${plan.body.id}/programs/${programId}/cohort`).send({ courseId: course.id }), 404, 'NOT_FOUND');
      const cohort = await hrAgent.post(`/api/competency/plans/${plan.body.id}/programs/${programId}/cohort`).send({ courseId: course.id });
      expect(cohort.status).toBe(201);
      expect(cohort.body).toEqual({ cohortId: expect.any(String), enrolled: 1, skipped: [] });
      expect(await countRows(t.db, 'enrolments', 'cohort_id = $1 AND user_id = $2', [cohort.body.cohortId, a.id])).toBe(1);
      expectApiError(await hrAgent.post(`/api/competency/plans/${plan.body.id}/programs/${programId}/cohort`).send({ courseId: course.id }), 409, 'PROGRAM_HAS_COHORT');
      expect((await hrAgent.get(`/api/competency/plans/${plan.body.id}`)).body.programs[0].cohort).toMatchObject({ id: cohort.body.cohortId, courseId: course.id });
    });
  });

  describe('workload analysis', () => {
    it('[admin] staff needed from task volumes and minutes, against staff in post, rolled up the units', async () => {
      const position = await aPosition(t.db, semarang().agency, { type: 'pelaksana', name: 'Pengadministrasi Umum' });
      await aUser(t.db).in(semarang().agency).at(semarang().subUnit).holding(position).create();
      // 3,000 letters × 50 min = 2,500 h → 2 people at 1,250 h.
      const set = await admin.put('/api/competency/workload/tasks').send({ unitId: semarang().subUnit.id, positionId: position.id, tasks: [{ name: 'Mengagendakan surat', yearlyVolume: 3000, standardMinutes: 50 }] });
      expect(set.body.items).toEqual([expect.objectContaining({ name: 'Mengagendakan surat', workloadHours: 2500 })]);
      expectApiError(await admin.put('/api/competency/workload/tasks').send({ unitId: semarang().subUnit.id, positionId: position.id, tasks: [{ name: ' ', yearlyVolume: 1, standardMinutes: 1 }] }), 400, 'VALIDATION_FAILED');
      const report = (await admin.get('/api/competency/workload')).body;
      expect(report.positions.find((p: { position: { id: string } }) => p.position.id === position.id)).toMatchObject({ staffNeeded: 2, staffInPost: 1, difference: -1, status: 'shortage', workloadHours: 2500 });
      const parent = report.units.find((u: { unit: { id: string } }) => u.unit.id === semarang().unit.id);
      expect(parent.subtree.shortage).toBeGreaterThanOrEqual(1);
      expectApiError(await ambonAdmin.get('/api/competency/workload/tasks').query({ unitId: semarang().subUnit.id, positionId: position.id }), 404, 'NOT_FOUND');
      const xlsx = await admin.get('/api/competency/workload/export').buffer(true).parse(binary as never);
      expect(xlsx.status).toBe(200);
    });
  });
});
