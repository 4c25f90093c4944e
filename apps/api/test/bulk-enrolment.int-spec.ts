import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aNip, aPosition, aUnit, aUser, aWorld, anEnrolment, day } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import type { Agency } from '../src/modules/agencies/agency.entity';
import type { Course } from '../src/modules/courses/course.entity';
import type { Position } from '../src/modules/positions/position.entity';
import type { Unit } from '../src/modules/units/unit.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/**
 * Admin enrolment in bulk: by unit (with or without sub-units), position, position type, user ids,
 * NIPs pasted or uploaded as CSV with a per-row report, and saved rules. Each org of its own agency,
 * so counts are exact.
 */
describe('bulk enrolment', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let platform: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
  });
  afterAll(() => t.close());

  interface Org {
    dinkes: Unit;
    yankes: Unit;
    disdik: Unit;
    kasi: Position;
    staf: Position;
    /** Kepala seksi (pengawas) in Dinkes and in Yankes, staf in Yankes, a PPPK kasi in Disdik. */
    people: { kasiDinkes: User; kasiYankes: User; stafYankes: User; kasiDisdik: User; inactive: User; adminOnly: User };
  }
  /** A fresh organisation inside Semarang: units, positions, people. */
  const anOrg = async (agency: Agency = world.semarang.agency): Promise<Org> => {
    const dinkes = await aUnit(t.db, agency, { name: 'Dinas Kesehatan' });
    const yankes = await aUnit(t.db, agency, { name: 'Bidang Pelayanan Kesehatan', parent: dinkes });
    const disdik = await aUnit(t.db, agency, { name: 'Dinas Pendidikan' });
    const kasi = await aPosition(t.db, agency, { type: 'pengawas', name: 'Kepala Seksi' });
    const staf = await aPosition(t.db, agency, { type: 'pelaksana', name: 'Pengadministrasi' });
    const person = () => aUser(t.db).in(agency);
    return {
      dinkes,
      yankes,
      disdik,
      kasi,
      staf,
      people: {
        kasiDinkes: await person().at(dinkes).holding(kasi).named('A Kasi Dinkes').create(),
        kasiYankes: await person().at(yankes).holding(kasi).named('B Kasi Yankes').create(),
        stafYankes: await person().at(yankes).holding(staf).named('C Staf Yankes').create(),
        kasiDisdik: await person().at(disdik).holding(kasi).pppk().named('D Kasi Disdik').create(),
        inactive: await person().at(yankes).holding(kasi).inactive().named('E Nonaktif').create(),
        adminOnly: await person().at(yankes).holding(kasi).withRoles('agency_admin').named('F Admin').create(),
      },
    };
  };
  const published = async (agency: Agency | null = world.semarang.agency): Promise<Course> => {
    const b = aCourse(t.db).withActivity('page').published();
    return (await (agency ? b.in(agency) : b.platformWide()).create()).course;
  };
  const enrolled = async (courseId: string) =>
    (await t.db.query(`SELECT u.name FROM enrolments e JOIN users u ON u.id = e.user_id WHERE e.course_id = $1 AND e.status <> 'withdrawn' ORDER BY u.name`, [courseId])).map(
      (r: { name: string }) => r.name,
    );
  const bulk = (agent: TestAgent, course: Course, body: Record<string, unknown>) => agent.post(`/api/courses/${course.id}/enrolments/bulk`).send(body);

  describe('by organisation', () => {
    it('[agency admin] enrols a unit with its sub-units: active learners only, reported one by one', async () => {
      const org = await anOrg();
      const course = await published();
      const res = await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id } });
      expect(res.status).toBe(200);
      expect(res.body.counts).toMatchObject({ enrolled: 3, already_enrolled: 0 });
      expect(res.body.rows.map((r: { name: string; outcome: string }) => [r.name, r.outcome])).toEqual([
        ['A Kasi Dinkes', 'enrolled'],
        ['B Kasi Yankes', 'enrolled'],
        ['C Staf Yankes', 'enrolled'],
      ]);
      expect(await enrolled(course.id)).toEqual(['A Kasi Dinkes', 'B Kasi Yankes', 'C Staf Yankes']);
      const row = (await t.db.query('SELECT status, method, requested_by FROM enrolments WHERE course_id = $1 LIMIT 1', [course.id]))[0];
      expect(row).toEqual({ status: 'approved', method: 'bulk', requested_by: world.semarang.admin.id });
    });

    it('[agency admin] enrols a unit without its sub-units', async () => {
      const org = await anOrg();
      const course = await published();
      await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id, includeSubunits: false } });
      expect(await enrolled(course.id)).toEqual(['A Kasi Dinkes']);
    });

    it('[agency admin] enrols by position, and by position type within a unit', async () => {
      const org = await anOrg();
      const byPosition = await published();
      await bulk(admin, byPosition, { by: 'criteria', criteria: { positionId: org.staf.id } });
      expect(await enrolled(byPosition.id)).toEqual(['C Staf Yankes']);
      const byType = await published();
      await bulk(admin, byType, { by: 'criteria', criteria: { unitId: org.dinkes.id, positionType: 'pengawas' } });
      expect(await enrolled(byType.id)).toEqual(['A Kasi Dinkes', 'B Kasi Yankes']);
      const pppk = await published();
      await bulk(admin, pppk, { by: 'criteria', criteria: { unitId: org.disdik.id, positionType: 'pengawas', employmentType: 'PPPK' } });
      expect(await enrolled(pppk.id)).toEqual(['D Kasi Disdik']);
    });

    it('[agency admin] enrolling the same people again is a no-op, reported as already enrolled', async () => {
      const org = await anOrg();
      const course = await published();
      await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.yankes.id } });
      const again = await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id } });
      expect(again.body.counts).toMatchObject({ enrolled: 1, already_enrolled: 2 });
      expect(await countRows(t.db, 'enrolments', 'course_id = $1', [course.id])).toBe(3);
    });

    it("[agency admin] a criteria unit of another agency is refused by field; the course of another agency is a 404", async () => {
      const course = await published();
      const before = await snapshot(t.db);
      const res = await bulk(admin, course, { by: 'criteria', criteria: { unitId: world.ambon.unit.id } });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'criteria.unitId');
      expectApiError(await bulk(ambonAdmin, course, { by: 'users', userIds: [world.semarang.learner.id] }), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] a selection needs at least one criterion', async () => {
      const res = await bulk(admin, await published(), { by: 'criteria', criteria: { includeSubunits: true } });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'criteria.unitId');
    });

    it('[agency admin] a dry run reports what would happen and writes nothing', async () => {
      const org = await anOrg();
      const course = await published();
      const before = await snapshot(t.db);
      const res = await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id }, dryRun: true });
      expect(res.body).toMatchObject({ dryRun: true, counts: { enrolled: 3 } });
      expect(res.body.rows.every((r: { enrolmentId: string | null }) => r.enrolmentId === null)).toBe(true);
      expect(await snapshot(t.db)).toEqual(before);
    });
  });

  describe('by people', () => {
    it('[agency admin] enrols picked users (method admin); inactive and non-learners are reported, not enrolled', async () => {
      const org = await anOrg();
      const course = await published();
      const { kasiDinkes, inactive, adminOnly } = org.people;
      const res = await bulk(admin, course, { by: 'users', userIds: [kasiDinkes.id, inactive.id, adminOnly.id] });
      expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['enrolled', 'inactive', 'not_learner']);
      expect((await t.db.query('SELECT method FROM enrolments WHERE course_id = $1', [course.id]))[0].method).toBe('admin');
    });

    it("[agency admin] an unknown or another agency's user id refuses the request by field, with nothing enrolled", async () => {
      const course = await published();
      const before = await snapshot(t.db);
      const res = await bulk(admin, course, { by: 'users', userIds: [world.semarang.learner.id, world.ambon.learner.id] });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'userIds.1');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("[agency admin] pastes NIPs: bad, unknown, another agency's (as unknown), repeated and already enrolled are each reported", async () => {
      const org = await anOrg();
      const course = await published();
      const { kasiDinkes, kasiYankes, stafYankes } = org.people;
      await anEnrolment(t.db).of(stafYankes).in(course).create();
      const spaced = `${kasiYankes.nip!.slice(0, 8)} ${kasiYankes.nip!.slice(8, 14)} ${kasiYankes.nip!.slice(14, 15)} ${kasiYankes.nip!.slice(15)}`;
      const res = await bulk(admin, course, { by: 'nips', nips: [kasiDinkes.nip, '12345', aNip(), world.ambon.learner.nip, spaced, kasiDinkes.nip, stafYankes.nip] });
      expect(res.status).toBe(200);
      expect(res.body.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([
        [1, 'enrolled'],
        [2, 'invalid_nip'],
        [3, 'unknown_nip'],
        [4, 'unknown_nip'],
        [5, 'enrolled'],
        [6, 'duplicate'],
        [7, 'already_enrolled'],
      ]);
      expect(res.body.rows[3]).toMatchObject({ userId: null, name: null });
      expect(res.body.counts).toMatchObject({ enrolled: 2, invalid_nip: 1, unknown_nip: 2, duplicate: 1, already_enrolled: 1, waitlisted: 0 });
      expect(await enrolled(course.id)).toEqual(['A Kasi Dinkes', 'B Kasi Yankes', 'C Staf Yankes']);
    });

    it('[agency admin] uploads a CSV of NIPs with one bad NIP and sees the per-line report', async () => {
      const org = await anOrg();
      const course = await published();
      const cohort = await aCohort(t.db, course).capacity(10).create();
      const { kasiDinkes, kasiYankes } = org.people;
      const file = `\uFEFFnama;nip\r\n${kasiDinkes.name};${kasiDinkes.nip}\r\nSalah Ketik;19860926201505100\r\n${kasiYankes.name};${kasiYankes.nip}\r\n`;
      const res = await admin.post(`/api/courses/${course.id}/enrolments/bulk/csv`).field('cohortId', cohort.id).attach('file', Buffer.from(file), 'peserta.csv');
      expect(res.status).toBe(200);
      expect(res.body.rows).toEqual([
        expect.objectContaining({ line: 2, nip: kasiDinkes.nip, name: kasiDinkes.name, outcome: 'enrolled', enrolmentId: expect.any(String) }),
        expect.objectContaining({ line: 3, nip: '19860926201505100', name: null, outcome: 'invalid_nip', message: 'Not a valid NIP' }),
        expect.objectContaining({ line: 4, nip: kasiYankes.nip, outcome: 'enrolled' }),
      ]);
      expect(await countRows(t.db, 'enrolments', "cohort_id = $1 AND status = 'approved'", [cohort.id])).toBe(2);
    });

    it('[agency admin] a CSV without a nip column, or no file, is refused and nothing is enrolled', async () => {
      const course = await published();
      const before = await snapshot(t.db);
      expectApiError(await admin.post(`/api/courses/${course.id}/enrolments/bulk/csv`).attach('file', Buffer.from('nama,email\nBudi,b@x.id\n'), 'x.csv'), 400, 'IMPORT_INVALID_FILE');
      expectApiError(await admin.post(`/api/courses/${course.id}/enrolments/bulk/csv`).field('dryRun', 'true'), 400, 'IMPORT_INVALID_FILE');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] a dry run of a CSV reports without enrolling', async () => {
      const org = await anOrg();
      const course = await published();
      const res = await admin.post(`/api/courses/${course.id}/enrolments/bulk/csv`).field('dryRun', 'true').attach('file', Buffer.from(`nip\n${org.people.kasiDinkes.nip}\n`), 'x.csv');
      expect(res.body).toMatchObject({ dryRun: true, counts: { enrolled: 1 } });
      expect(await countRows(t.db, 'enrolments', 'course_id = $1', [course.id])).toBe(0);
    });
  });

  describe('refusals with no partial effect', () => {
    it('[agency admin] a draft course takes no enrolments', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).create();
      expectApiError(await bulk(admin, course, { by: 'users', userIds: [world.semarang.learner.id] }), 409, 'COURSE_NOT_PUBLISHED');
    });

    it('[agency admin] a deadline in the past is refused by field', async () => {
      const course = await published();
      const before = await snapshot(t.db);
      const res = await bulk(admin, course, { by: 'users', userIds: [world.semarang.learner.id], deadline: day(-1) });
      expectApiError(res, 409, 'DEADLINE_PASSED', 'deadline');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] more people than seats in a cohort without waitlist refuses the whole request', async () => {
      const org = await anOrg();
      const course = await published();
      const cohort = await aCohort(t.db, course).capacity(2).noWaitlist().create();
      const before = await snapshot(t.db);
      const res = await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id }, cohortId: cohort.id });
      expectApiError(res, 409, 'COHORT_FULL');
      expect(res.body.details).toMatchObject({ capacity: 2, refused: 1, seatsLeft: 2 });
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] with a waitlist, the extra people wait in the order given; admins may enrol outside the window', async () => {
      const org = await anOrg();
      const course = await published();
      const cohort = await aCohort(t.db, course).capacity(2).closed().create();
      const res = await bulk(admin, course, { by: 'criteria', criteria: { unitId: org.dinkes.id }, cohortId: cohort.id });
      expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    });

    it('[agency admin] a course with cohorts needs one; a cohort of another course is a 404', async () => {
      const course = await published();
      await aCohort(t.db, course).create();
      expect(detailFor(await bulk(admin, course, { by: 'users', userIds: [world.semarang.learner.id] }), 'cohortId')?.code).toBe('COHORT_REQUIRED');
      const other = await aCohort(t.db, await published()).create();
      expectApiError(await bulk(admin, course, { by: 'users', userIds: [world.semarang.learner.id], cohortId: other.id }), 404, 'NOT_FOUND');
    });

    it('[agency admin] someone already in another cohort of the course is reported, not moved', async () => {
      const course = await published();
      const [a, b] = [await aCohort(t.db, course).create(), await aCohort(t.db, course).create()];
      const learner = await aUser(t.db).in(world.semarang.agency).create();
      await anEnrolment(t.db).of(learner).inCohort(a).create();
      const res = await bulk(admin, course, { by: 'users', userIds: [learner.id], cohortId: b.id });
      expect(res.body.rows[0].outcome).toBe('enrolled_elsewhere');
      expect(await countRows(t.db, 'enrolments', 'user_id = $1', [learner.id])).toBe(1);
    });
  });

  describe('platform-wide courses', () => {
    it("[agency admin] enrols their own people in a platform-wide course; another agency's NIP is unknown to them", async () => {
      const course = await published(null);
      const res = await bulk(admin, course, { by: 'nips', nips: [world.semarang.learner.nip, world.ambon.learner.nip] });
      expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['enrolled', 'unknown_nip']);
      const theirs = await bulk(ambonAdmin, course, { by: 'nips', nips: [world.ambon.learner.nip] });
      expect(theirs.body.rows[0].outcome).toBe('enrolled');
      // Each admin lists their own agency's people only.
      const list = await admin.get(`/api/courses/${course.id}/enrolments`);
      expect(list.body.items.map((i: { learner: { id: string } }) => i.learner.id)).toEqual([world.semarang.learner.id]);
      expect((await platform.get(`/api/courses/${course.id}/enrolments`)).body.total).toBe(2);
    });
  });

  describe('saved rules', () => {
    it('[agency admin] saves "all Pengawas in Dinas Kesehatan", applies it, and re-applies it when people join', async () => {
      const org = await anOrg();
      const course = await published();
      const cohort = await aCohort(t.db, course).create();
      const created = await admin.post('/api/enrolment-rules').send({
        name: 'Semua Pengawas Dinas Kesehatan',
        courseId: course.id,
        cohortId: cohort.id,
        criteria: { unitId: org.dinkes.id, positionType: 'pengawas' },
        deadline: day(60),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        agencyId: world.semarang.agency.id,
        course: { id: course.id },
        cohort: { id: cohort.id },
        criteria: { unitId: org.dinkes.id, includeSubunits: true, positionType: 'pengawas', positionId: null, employmentType: null },
        unitName: 'Dinas Kesehatan',
        deadline: day(60),
        lastAppliedAt: null,
      });
      const first = await admin.post(`/api/enrolment-rules/${created.body.id}/apply`).send({});
      expect(first.body.counts).toMatchObject({ enrolled: 2, already_enrolled: 0 });
      const rows = await t.db.query('SELECT method, rule_id, deadline::text AS deadline FROM enrolments WHERE cohort_id = $1', [cohort.id]);
      expect(rows).toEqual([
        { method: 'rule', rule_id: created.body.id, deadline: day(60) },
        { method: 'rule', rule_id: created.body.id, deadline: day(60) },
      ]);

      await aUser(t.db).in(world.semarang.agency).at(org.yankes).holding(org.kasi).named('G Kasi Baru').create();
      const preview = await admin.post(`/api/enrolment-rules/${created.body.id}/apply`).send({ dryRun: true });
      expect(preview.body.counts).toMatchObject({ enrolled: 1, already_enrolled: 2 });
      const second = await admin.post(`/api/enrolment-rules/${created.body.id}/apply`).send({});
      expect(second.body.rows.filter((r: { outcome: string }) => r.outcome === 'enrolled').map((r: { name: string }) => r.name)).toEqual(['G Kasi Baru']);
      const rule = await admin.get(`/api/enrolment-rules/${created.body.id}`);
      expect(rule.body).toMatchObject({ lastAppliedBy: world.semarang.admin.id, lastResult: { enrolled: 1, waitlisted: 0, alreadyEnrolled: 2 } });
      expect((await admin.get('/api/enrolment-rules').query({ courseId: course.id })).body.total).toBe(1);
    });

    it('[agency admin] deleting a rule keeps the enrolments it made', async () => {
      const org = await anOrg();
      const course = await published();
      const created = await admin.post('/api/enrolment-rules').send({ name: 'Staf Yankes', courseId: course.id, criteria: { unitId: org.yankes.id, positionId: org.staf.id } });
      await admin.post(`/api/enrolment-rules/${created.body.id}/apply`).send({});
      expect((await admin.delete(`/api/enrolment-rules/${created.body.id}`)).status).toBe(204);
      expect(await t.db.query('SELECT rule_id FROM enrolments WHERE course_id = $1', [course.id])).toEqual([{ rule_id: null }]);
    });

    it("[agency admin] a rule naming another agency's unit or a past deadline is refused; Ambon cannot see or apply Semarang's rules", async () => {
      const org = await anOrg();
      const course = await published();
      const before = await snapshot(t.db);
      expectApiError(await admin.post('/api/enrolment-rules').send({ name: 'X', courseId: course.id, criteria: { unitId: world.ambon.unit.id } }), 400, 'VALIDATION_FAILED', 'criteria.unitId');
      expectApiError(await admin.post('/api/enrolment-rules').send({ name: 'X', courseId: course.id, criteria: { unitId: org.dinkes.id }, deadline: day(-1) }), 409, 'DEADLINE_PASSED', 'deadline');
      expect(await snapshot(t.db)).toEqual(before);
      const rule = (await admin.post('/api/enrolment-rules').send({ name: 'Y', courseId: course.id, criteria: { unitId: org.dinkes.id } })).body;
      expectApiError(await ambonAdmin.get(`/api/enrolment-rules/${rule.id}`), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.post(`/api/enrolment-rules/${rule.id}/apply`).send({}), 404, 'NOT_FOUND');
      expect((await ambonAdmin.get('/api/enrolment-rules')).body.items.map((r: { id: string }) => r.id)).not.toContain(rule.id);
    });

    it('[agency admin] edits a rule: another cohort of the course, narrower criteria', async () => {
      const org = await anOrg();
      const course = await published();
      const cohort = await aCohort(t.db, course).create();
      const rule = (await admin.post('/api/enrolment-rules').send({ name: 'Z', courseId: course.id, criteria: { unitId: org.dinkes.id } })).body;
      const res = await admin.patch(`/api/enrolment-rules/${rule.id}`).send({ cohortId: cohort.id, criteria: { unitId: org.dinkes.id, includeSubunits: false } });
      expect(res.body).toMatchObject({ cohort: { id: cohort.id }, criteria: { includeSubunits: false } });
      const foreign = await aCohort(t.db, await published()).create();
      expectApiError(await admin.patch(`/api/enrolment-rules/${rule.id}`).send({ cohortId: foreign.id }), 400, 'VALIDATION_FAILED', 'cohortId');
    });
  });
});
