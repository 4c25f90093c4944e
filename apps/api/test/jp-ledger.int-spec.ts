import ExcelJS from 'exceljs';
import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCourse, aUnit, aUser, aWorld, anAgency, anEnrolment, day } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { jakartaYear } from '../src/common/time/jakarta';
import type { Agency } from '../src/modules/agencies/agency.entity';
import { EnrolmentsService } from '../src/modules/enrolments/enrolments.service';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** The JP ledger: completion credits (once), Asia/Jakarta years, PNS targets and PPPK caps, compliance report and export. */
describe('JP ledger', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let enrolments: EnrolmentsService;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let platform: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    enrolments = t.app.get(EnrolmentsService);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
  });
  afterAll(() => t.close());

  const aLearner = async (agency: Agency = world.semarang.agency, pppk = false) => {
    const b = aUser(t.db).in(agency).at(world.semarang.subUnit);
    const user = await (pppk ? b.pppk() : b).create();
    return { user, agent: await t.signIn(user.email, PASSWORD) };
  };
  /** An approved enrolment of `user` in a new published course worth `jp`. */
  const enrolledIn = async (user: User, jp: number, title = `Kursus ${jp} JP`) => {
    const { course } = await aCourse(t.db).in(world.semarang.agency).titled(title).jp(jp).withActivity('page').published().create();
    return anEnrolment(t.db).of(user).in(course).create();
  };
  const complete = async (user: User, jp: number, at: Date) => enrolments.creditCourseCompletion((await enrolledIn(user, jp)).id, at);

  describe('course completion', () => {
    it('[runtime] completing an enrolment marks it completed and credits the course JP once, however often it is called', async () => {
      const { user, agent } = await aLearner();
      const e = await enrolledIn(user, 6.5, 'Pelayanan Prima');
      const first = await enrolments.creditCourseCompletion(e.id);
      expect(first).toEqual({ enrolmentId: e.id, completedNow: true, jpEntryId: expect.any(String) });
      const again = await enrolments.creditCourseCompletion(e.id);
      expect(again).toEqual({ enrolmentId: e.id, completedNow: false, jpEntryId: first.jpEntryId });
      expect(await countRows(t.db, 'jp_ledger_entries', 'user_id = $1', [user.id])).toBe(1);
      const mine = await agent.get('/api/me/jp');
      expect(mine.body).toMatchObject({ year: jakartaYear(), employmentType: 'PNS', earned: 6.5, total: 6.5, target: 20, cap: null, remaining: 13.5, overCap: 0 });
      expect(mine.body.entries).toEqual([
        expect.objectContaining({ jp: 6.5, sourceType: 'course_completion', sourceId: e.id, description: expect.stringContaining('Pelayanan Prima'), occurredOn: day(0) }),
      ]);
      expect((await agent.get('/api/me/enrolments').query({ show: 'completed' })).body.items[0]).toMatchObject({ id: e.id, completedAt: expect.any(String) });
    });

    it('[runtime] completions racing each other still credit once', async () => {
      const { user } = await aLearner();
      const e = await enrolledIn(user, 3);
      const results = await Promise.all(Array.from({ length: 5 }, () => enrolments.creditCourseCompletion(e.id)));
      expect(results.filter((r) => r.completedNow)).toHaveLength(1);
      expect(await countRows(t.db, 'jp_ledger_entries', 'user_id = $1', [user.id])).toBe(1);
    });

    it('[runtime] an enrolment without a place (requested, waitlisted, withdrawn, expired) cannot be completed', async () => {
      const { user } = await aLearner();
      for (const status of ['requested', 'waitlisted', 'withdrawn', 'expired'] as const) {
        const { course } = await aCourse(t.db).in(world.semarang.agency).jp(2).published().create();
        const e = await anEnrolment(t.db).of(user).in(course).status(status).create();
        await expect(enrolments.creditCourseCompletion(e.id)).rejects.toMatchObject({ code: 'ENROLMENT_NOT_ACTIVE' });
      }
      expect(await countRows(t.db, 'jp_ledger_entries', 'user_id = $1', [user.id])).toBe(0);
    });

    it('[runtime] a course worth 0 JP completes without a ledger entry; starting makes an approved enrolment active', async () => {
      const { user } = await aLearner();
      const e = await enrolledIn(user, 0);
      await enrolments.markStarted(e.id);
      expect((await t.db.query('SELECT status FROM enrolments WHERE id = $1', [e.id]))[0].status).toBe('active');
      expect(await enrolments.creditCourseCompletion(e.id)).toMatchObject({ completedNow: true, jpEntryId: null });
    });

    it("[agency admin] marks an enrolment completed by hand, crediting the JP; Ambon's admin gets a 404", async () => {
      const { user } = await aLearner();
      const e = await enrolledIn(user, 4);
      const before = await snapshot(t.db);
      expectApiError(await ambonAdmin.post(`/api/enrolments/${e.id}/complete`), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
      expect((await admin.post(`/api/enrolments/${e.id}/complete`)).body).toMatchObject({ status: 'completed' });
      expect((await admin.post(`/api/enrolments/${e.id}/complete`)).body).toMatchObject({ status: 'completed' });
      expect(await countRows(t.db, 'jp_ledger_entries', 'user_id = $1', [user.id])).toBe(1);
    });
  });

  describe('years in Asia/Jakarta', () => {
    it('[learner] a completion at 00:30 WIB on 1 January counts for the new year, 23:30 WIB on 31 December for the old one', async () => {
      const { user, agent } = await aLearner();
      await complete(user, 5, new Date('2025-12-31T16:30:00Z')); // 23:30 WIB, 31 Dec 2025
      await complete(user, 7, new Date('2025-12-31T17:30:00Z')); // 00:30 WIB, 1 Jan 2026
      await complete(user, 2, new Date('2026-12-31T16:59:59Z')); // 23:59:59 WIB, 31 Dec 2026
      const y2025 = await agent.get('/api/me/jp').query({ year: 2025 });
      const y2026 = await agent.get('/api/me/jp').query({ year: 2026 });
      expect(y2025.body).toMatchObject({ year: 2025, earned: 5, remaining: 15 });
      expect(y2025.body.entries.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(['2025-12-31']);
      expect(y2026.body).toMatchObject({ year: 2026, earned: 9, remaining: 11 });
      expect(y2026.body.entries.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(['2026-12-31', '2026-01-01']);
      expect((await agent.get('/api/me/jp').query({ year: 2027 })).body).toMatchObject({ earned: 0, total: 0, remaining: 20, entries: [] });
    });

    it('[learner] a year outside 2000–2100 or not a number is refused by field', async () => {
      const { agent } = await aLearner();
      expectApiError(await agent.get('/api/me/jp').query({ year: 1999 }), 400, 'VALIDATION_FAILED', 'year');
      expectApiError(await agent.get('/api/me/jp').query({ year: 'tahun ini' }), 400, 'VALIDATION_FAILED', 'year');
    });
  });

  describe('targets and caps', () => {
    it('[PPPK learner] what counts stops at the 24 JP cap and there is no minimum by default', async () => {
      const { user, agent } = await aLearner(world.semarang.agency, true);
      const at = new Date('2026-06-01T03:00:00Z');
      for (const jp of [12, 10, 8]) await complete(user, jp, at);
      const res = await agent.get('/api/me/jp').query({ year: 2026 });
      expect(res.body).toMatchObject({ employmentType: 'PPPK', earned: 30, total: 24, target: null, cap: 24, remaining: null, overCap: 6 });
      expect(res.body.entries).toHaveLength(3);
    });

    it('[PNS learner] JP beyond the 20 JP target keep counting (no cap); hundredths add up exactly', async () => {
      const { user, agent } = await aLearner();
      const at = new Date('2026-03-01T03:00:00Z');
      for (const jp of [10.1, 10.2, 0.33]) await complete(user, jp, at);
      expect((await agent.get('/api/me/jp').query({ year: 2026 })).body).toMatchObject({ earned: 20.63, total: 20.63, remaining: 0, overCap: 0 });
    });

    it('[agency admin] sets the agency\'s own target and cap; resetting returns to the platform default', async () => {
      const agency = await anAgency(t.db);
      const unit = await aUnit(t.db, agency);
      const agencyAdmin = await t.signIn((await aUser(t.db).in(agency).at(unit).withRoles('agency_admin').create()).email, PASSWORD);
      const pns = await aUser(t.db).in(agency).at(unit).create();
      const pppk = await aUser(t.db).in(agency).at(unit).pppk().create();
      expect((await agencyAdmin.get('/api/jp-targets')).body.items).toEqual([
        { employmentType: 'PNS', target: 20, cap: null, isDefault: true },
        { employmentType: 'PPPK', target: null, cap: 24, isDefault: true },
      ]);
      const set = await agencyAdmin.put('/api/jp-targets').send({ items: [{ employmentType: 'PNS', target: 90, cap: null }, { employmentType: 'PPPK', target: 12, cap: 30 }] });
      expect(set.body.items).toEqual([
        { employmentType: 'PNS', target: 90, cap: null, isDefault: false },
        { employmentType: 'PPPK', target: 12, cap: 30, isDefault: false },
      ]);
      const pnsAgent = await t.signIn(pns.email, PASSWORD);
      expect((await pnsAgent.get('/api/me/jp')).body).toMatchObject({ target: 90, remaining: 90 });
      expect((await (await t.signIn(pppk.email, PASSWORD)).get('/api/me/jp')).body).toMatchObject({ target: 12, cap: 30 });
      const reset = await agencyAdmin.put('/api/jp-targets').send({ items: [], reset: ['PNS'] });
      expect(reset.body.items[0]).toEqual({ employmentType: 'PNS', target: 20, cap: null, isDefault: true });
      expect((await pnsAgent.get('/api/me/jp')).body.target).toBe(20);
    });

    it('[agency admin] a cap below the target, a type twice, or another agency is refused with nothing changed', async () => {
      const before = await snapshot(t.db);
      expectApiError(await admin.put('/api/jp-targets').send({ items: [{ employmentType: 'PNS', target: 30, cap: 20 }] }), 400, 'VALIDATION_FAILED', 'items.0.cap');
      expectApiError(
        await admin.put('/api/jp-targets').send({ items: [{ employmentType: 'PNS', target: 30, cap: null }, { employmentType: 'PNS', target: 20, cap: null }] }),
        400,
        'VALIDATION_FAILED',
        'items',
      );
      expectApiError(await admin.put('/api/jp-targets').send({ agencyId: world.ambon.agency.id, items: [] }), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("[agency admin] reads one employee's year; Ambon's admin gets a 404", async () => {
      const { user } = await aLearner();
      await complete(user, 3, new Date('2026-02-02T03:00:00Z'));
      expect((await admin.get(`/api/users/${user.id}/jp`).query({ year: 2026 })).body).toMatchObject({ earned: 3, target: 20 });
      expectApiError(await ambonAdmin.get(`/api/users/${user.id}/jp`), 404, 'NOT_FOUND');
    });
  });

  describe('compliance report', () => {
    /** A fresh agency: Dinkes (PNS with 25 JP, PNS with 5), its sub-unit Yankes (PNS with 0, PPPK with 30), Disdik (PNS with 20). */
    const anAgencyWithLedgers = async () => {
      const agency = await anAgency(t.db, { name: 'Pemerintah Kabupaten Aceh Tenggara' });
      const dinkes = await aUnit(t.db, agency, { name: 'Dinas Kesehatan' });
      const yankes = await aUnit(t.db, agency, { name: 'Bidang Pelayanan Kesehatan', parent: dinkes });
      const disdik = await aUnit(t.db, agency, { name: 'Dinas Pendidikan' });
      const person = (name: string, unit: typeof dinkes, pppk = false) => {
        const b = aUser(t.db).in(agency).at(unit).named(name);
        return (pppk ? b.pppk() : b).create();
      };
      const people = {
        rajin: await person('Rajin', dinkes),
        kurang: await person('Kurang', dinkes),
        belum: await person('Belum', yankes),
        pppk: await person('Kontrak', yankes, true),
        pas: await person('Pas', disdik),
      };
      const credit = async (user: User, jp: number, at = new Date('2026-05-05T03:00:00Z')) => {
        const { course } = await aCourse(t.db).in(agency).jp(jp).published().create();
        await enrolments.creditCourseCompletion((await anEnrolment(t.db).of(user).in(course).create()).id, at);
      };
      await credit(people.rajin, 25);
      await credit(people.kurang, 5);
      await credit(people.kurang, 30, new Date('2025-05-05T03:00:00Z')); // another year: does not count for 2026
      await credit(people.pppk, 30);
      await credit(people.pas, 20);
      await aUser(t.db).in(agency).at(dinkes).inactive().named('Nonaktif').create();
      await aUser(t.db).in(agency).at(dinkes).withRoles('agency_admin').named('Admin Saja').create();
      const agencyAdmin = await t.signIn((await aUser(t.db).in(agency).at(disdik).withRoles('agency_admin').named('Admin BKPSDM').create()).email, PASSWORD);
      return { agency, dinkes, yankes, disdik, people, agencyAdmin };
    };

    it('[agency admin] sees who is below target per unit, with a summary over everyone matching', async () => {
      const { agencyAdmin } = await anAgencyWithLedgers();
      const res = await agencyAdmin.get('/api/reports/jp-compliance').query({ year: 2026 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ year: 2026, total: 2, summary: { employees: 5, below: 2, met: 2, noTarget: 1 } });
      expect(res.body.items.map((r: { name: string; unit: { name: string }; total: number; remaining: number }) => [r.unit.name, r.name, r.total, r.remaining])).toEqual([
        ['Bidang Pelayanan Kesehatan', 'Belum', 0, 20],
        ['Dinas Kesehatan', 'Kurang', 5, 15],
      ]);
      const all = await agencyAdmin.get('/api/reports/jp-compliance').query({ year: 2026, status: 'all', sort: 'name' });
      expect(all.body.items.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
        ['Belum', 'below'],
        ['Kontrak', 'no_target'],
        ['Kurang', 'below'],
        ['Pas', 'met'],
        ['Rajin', 'met'],
      ]);
      expect(all.body.items.find((r: { name: string }) => r.name === 'Kontrak')).toMatchObject({ employmentType: 'PPPK', earned: 30, total: 24, cap: 24, target: null, remaining: null });
    });

    it('[agency admin] narrows by unit with or without sub-units, by type, by name, and pages in SQL', async () => {
      const { agencyAdmin, dinkes } = await anAgencyWithLedgers();
      const names = async (query: Record<string, unknown>) =>
        (await agencyAdmin.get('/api/reports/jp-compliance').query({ year: 2026, status: 'all', sort: 'name', ...query })).body.items.map((r: { name: string }) => r.name);
      expect(await names({ unitId: dinkes.id })).toEqual(['Kurang', 'Rajin']);
      expect(await names({ unitId: dinkes.id, includeSubunits: 'true' })).toEqual(['Belum', 'Kontrak', 'Kurang', 'Rajin']);
      expect(await names({ employmentType: 'PPPK' })).toEqual(['Kontrak']);
      expect(await names({ q: 'kur' })).toEqual(['Kurang']);
      const page = await agencyAdmin.get('/api/reports/jp-compliance').query({ year: 2026, status: 'all', sort: 'total', pageSize: 2, page: 2 });
      expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page.body.items.map((r: { name: string }) => r.name)).toEqual(['Pas', 'Kontrak']);
    });

    it("[agency admin] the agency's own target changes who is below", async () => {
      const { agencyAdmin } = await anAgencyWithLedgers();
      await agencyAdmin.put('/api/jp-targets').send({ items: [{ employmentType: 'PNS', target: 24, cap: null }] });
      const res = await agencyAdmin.get('/api/reports/jp-compliance').query({ year: 2026 });
      expect(res.body.items.map((r: { name: string }) => r.name).sort()).toEqual(['Belum', 'Kurang', 'Pas']);
    });

    it('[agency admin] exports the report as CSV and as XLSX', async () => {
      const { agencyAdmin, people } = await anAgencyWithLedgers();
      const csv = await agencyAdmin.get('/api/reports/jp-compliance/export').query({ year: 2026, format: 'csv' });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="kepatuhan-jp-2026.csv"');
      const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('NIP,Nama,Jenis Pegawai,Unit Kerja,Jabatan,JP Diperoleh,JP Dihitung,Target JP,Batas JP,Kekurangan JP,Status');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toContain(`,Kurang,PNS,Dinas Kesehatan,,5,5,20,,15,Di bawah target`);
      expect(lines[2].startsWith(people.kurang.nip!.slice(0, 8) + ' ')).toBe(true);

      const xlsx = await agencyAdmin
        .get('/api/reports/jp-compliance/export')
        .query({ year: 2026, status: 'all' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
      const sheet = book.getWorksheet('JP 2026')!;
      expect(sheet.rowCount).toBe(6);
      expect(sheet.getRow(2).getCell(2).value).toBe('Belum');
    });

    it("[agency admin] Ambon's admin naming this agency gets a 404; platform admins must name one", async () => {
      const { agency } = await anAgencyWithLedgers();
      expectApiError(await ambonAdmin.get('/api/reports/jp-compliance').query({ agencyId: agency.id }), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get('/api/reports/jp-compliance/export').query({ agencyId: agency.id }), 404, 'NOT_FOUND');
      expectApiError(await platform.get('/api/reports/jp-compliance'), 400, 'VALIDATION_FAILED', 'agencyId');
      expect((await platform.get('/api/reports/jp-compliance').query({ agencyId: agency.id, year: 2026 })).body.summary.employees).toBe(5);
    });
  });

  describe('expiry', () => {
    it('[scheduler] enrolments under way past their deadline expire; completed and undated ones stay', async () => {
      const { user } = await aLearner();
      const course = async () => (await aCourse(t.db).in(world.semarang.agency).published().create()).course;
      const late = await anEnrolment(t.db).of(user).in(await course()).deadline(day(-1)).create();
      const waiting = await anEnrolment(t.db).of(user).in(await course()).status('waitlisted').deadline(day(-3)).create();
      const onTime = await anEnrolment(t.db).of(user).in(await course()).deadline(day(0)).create();
      const done = await anEnrolment(t.db).of(user).in(await course()).status('completed').deadline(day(-5)).create();
      const open = await anEnrolment(t.db).of(user).in(await course()).create();
      expect(await enrolments.expireOverdue()).toBeGreaterThanOrEqual(2);
      const statuses = await t.db.query('SELECT id, status FROM enrolments WHERE user_id = $1', [user.id]);
      const of = (id: string) => statuses.find((s: { id: string }) => s.id === id).status;
      expect([of(late.id), of(waiting.id), of(onTime.id), of(done.id), of(open.id)]).toEqual(['expired', 'expired', 'approved', 'completed', 'approved']);
      expect(await enrolments.expireOverdue()).toBe(0);
    });
  });
});
