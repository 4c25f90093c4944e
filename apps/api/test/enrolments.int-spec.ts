import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aUser, aWorld, anEnrolment, day, enrolmentPolicy } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { randomUUID } from 'node:crypto';
import { ContentFile } from '../src/modules/content/content-file.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** The learner's side: catalogue, self-enrolment, requests, windows, deadlines, withdrawing; and agency isolation. */
describe('catalogue and enrolment', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let learner: TestAgent;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let ambonLearner: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    learner = await t.signIn(world.semarang.learner.email, PASSWORD);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    ambonLearner = await t.signIn(world.ambon.learner.email, PASSWORD);
  });
  afterAll(() => t.close());

  /** A learner of Semarang with a session of their own, so one test's enrolments do not meet another's. */
  const aSemarangLearner = async (): Promise<{ user: User; agent: TestAgent }> => {
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    return { user, agent: await t.signIn(user.email, PASSWORD) };
  };
  const published = () => aCourse(t.db).in(world.semarang.agency).withActivity('page').published();
  const rowsOf = (userId: string) => t.db.query('SELECT id, status, cohort_id FROM enrolments WHERE user_id = $1 ORDER BY created_at', [userId]);

  describe('catalogue', () => {
    let tag: string;
    beforeAll(async () => {
      tag = `KAT${Date.now() % 100000}`;
      const sem = world.semarang.agency;
      await aCourse(t.db).in(sem).code(`${tag}-A`).titled(`${tag} Pelayanan Publik`).category('manajerial').delivery('e_learning').jp(4).developing({ code: 'M.05', targetLevel: 2 }).withActivity('page').published().create();
      await aCourse(t.db).in(sem).code(`${tag}-B`).titled(`${tag} Klasikal Kepemimpinan`).category('manajerial').delivery('klasikal').jp(24).withActivity('page').published().create();
      await aCourse(t.db).platformWide().code(`${tag}-P`).titled(`${tag} Wawasan Kebangsaan`).category('sosial_kultural').delivery('e_learning').jp(8).withActivity('page').published().create();
      await aCourse(t.db).in(sem).code(`${tag}-D`).titled(`${tag} Draf`).withActivity('page').create();
      await aCourse(t.db).in(sem).code(`${tag}-X`).titled(`${tag} Arsip`).withActivity('page').archived().create();
      await aCourse(t.db).in(world.ambon.agency).code(`${tag}-AMB`).titled(`${tag} Kursus Ambon`).withActivity('page').published().create();
    });
    const titles = async (query: Record<string, unknown>) => {
      const res = await learner.get('/api/catalogue').query({ q: tag, ...query });
      expect(res.status).toBe(200);
      return res.body.items.map((i: { title: string }) => i.title.replace(`${tag} `, '')).sort();
    };

    it("[learner] sees the published courses of their agency and the platform-wide ones, never drafts, archived or another agency's", async () => {
      expect(await titles({})).toEqual(['Klasikal Kepemimpinan', 'Pelayanan Publik', 'Wawasan Kebangsaan']);
    });

    it('[learner] filters by category, competency (any case), delivery mode, JP range and scope', async () => {
      expect(await titles({ category: 'sosial_kultural' })).toEqual(['Wawasan Kebangsaan']);
      expect(await titles({ competency: 'm.05' })).toEqual(['Pelayanan Publik']);
      expect(await titles({ deliveryMode: 'klasikal' })).toEqual(['Klasikal Kepemimpinan']);
      expect(await titles({ jpMin: 5, jpMax: 10 })).toEqual(['Wawasan Kebangsaan']);
      expect(await titles({ scope: 'platform' })).toEqual(['Wawasan Kebangsaan']);
      expect(await titles({ scope: 'agency' })).toEqual(['Klasikal Kepemimpinan', 'Pelayanan Publik']);
    });

    it('[learner] pages the catalogue in SQL: a total and one page at a time', async () => {
      const first = await learner.get('/api/catalogue').query({ q: tag, pageSize: 2, sort: 'jp' });
      const second = await learner.get('/api/catalogue').query({ q: tag, pageSize: 2, page: 2, sort: 'jp' });
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.body.items.map((i: { jp: number }) => i.jp)).toEqual([24, 8]);
      expect(second.body.items.map((i: { jp: number }) => i.jp)).toEqual([4]);
    });

    it('[learner] filters by upcoming cohorts they could join, and sees the next one', async () => {
      const [course] = await t.db.query('SELECT * FROM courses WHERE code = $1', [`${tag}-B`]);
      await aCohort(t.db, course).named('Angkatan II 2026').startingIn(40).create();
      await aCohort(t.db, course).named('Angkatan I 2026').startingIn(10).capacity(30).create();
      await aCohort(t.db, course).named('Angkatan Lalu').ended().create();
      expect(await titles({ upcomingCohorts: 'true' })).toEqual(['Klasikal Kepemimpinan']);
      const res = await learner.get('/api/catalogue').query({ q: tag, upcomingCohorts: 'true' });
      expect(res.body.items[0]).toMatchObject({ hasCohorts: true, upcomingCohortCount: 2, nextCohort: { name: 'Angkatan I 2026', startsOn: day(10), state: 'open' }, myEnrolment: null });
    });

    it('[learner] opens a course page: modules, JP, competencies, and the cohorts open to them with seats', async () => {
      const [course] = await t.db.query('SELECT * FROM courses WHERE code = $1', [`${tag}-B`]);
      const res = await learner.get(`/api/catalogue/${course.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: `${tag}-B`, jp: 24, enrolmentPolicy: 'self', platformWide: false, deadlineDays: null });
      expect(res.body.sections).toEqual([{ id: expect.any(String), title: 'Modul 1', description: '', activities: [{ id: expect.any(String), type: 'page', title: 'Aktivitas 1', required: true }] }]);
      expect(res.body.cohorts.map((c: { name: string }) => c.name)).toEqual(['Angkatan I 2026', 'Angkatan II 2026']);
      expect(res.body.cohorts[0]).toMatchObject({ capacity: 30, seatsLeft: 30, waitlistCount: 0, state: 'open', enrolmentPolicy: 'self' });
    });

    it("[learner] a draft, another agency's course or an unknown id is a 404", async () => {
      for (const code of [`${tag}-D`, `${tag}-AMB`]) {
        const [course] = await t.db.query('SELECT id FROM courses WHERE code = $1', [code]);
        expectApiError(await learner.get(`/api/catalogue/${course.id}`), 404, 'NOT_FOUND');
      }
      expectApiError(await learner.get('/api/catalogue/7b0d4b4e-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    });

    it("[learner] does not see another agency's cohort of a platform-wide course", async () => {
      const [course] = await t.db.query('SELECT * FROM courses WHERE code = $1', [`${tag}-P`]);
      await aCohort(t.db, course).named('Angkatan Ambon').runBy(world.ambon.agency).create();
      await aCohort(t.db, course).named('Angkatan Nasional').runBy(null).create();
      const mine = await learner.get(`/api/catalogue/${course.id}`);
      expect(mine.body.cohorts.map((c: { name: string }) => c.name)).toEqual(['Angkatan Nasional']);
      const theirs = await ambonLearner.get(`/api/catalogue/${course.id}`);
      expect(theirs.body.cohorts.map((c: { name: string }) => c.name).sort()).toEqual(['Angkatan Ambon', 'Angkatan Nasional']);
    });
  });

  describe('self-enrolment', () => {
    it('[learner] enrols in a course without cohorts: a place at once, with the deadline the course sets', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().jp(6).create();
      await enrolmentPolicy(t.db, course, 'self', 30);
      const res = await agent.post('/api/enrolments').send({ courseId: course.id });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        courseId: course.id,
        cohortId: null,
        userId: user.id,
        status: 'approved',
        method: 'self',
        deadline: day(30),
        requestedBy: user.id,
        decision: null,
        waitlistPosition: null,
        course: { id: course.id, jp: 6 },
        cohort: null,
        can: { withdraw: true },
      });
      const mine = await agent.get('/api/me/enrolments');
      expect(mine.body).toMatchObject({ total: 1, items: [{ id: res.body.id, status: 'approved' }] });
    });

    it('[learner] enrolling twice is a no-op answering the same enrolment', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const cohort = await aCohort(t.db, course).capacity(10).create();
      const first = await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id });
      const again = await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id });
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.status).toBe('approved');
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('[learner] a course that runs in cohorts needs one, named in the error', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      await aCohort(t.db, course).create();
      const res = await agent.post('/api/enrolments').send({ courseId: course.id });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'cohortId');
      expect(detailFor(res, 'cohortId')?.code).toBe('COHORT_REQUIRED');
      expect(await rowsOf(user.id)).toEqual([]);
    });

    it('[learner] an admin-only course or cohort refuses them; a cohort may open what the course closes', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      await enrolmentPolicy(t.db, course, 'admin_only');
      const closed = await aCohort(t.db, course).create();
      const open = await aCohort(t.db, course).policy('self').create();
      const before = await snapshot(t.db);
      expectApiError(await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: closed.id }), 403, 'ENROLMENT_ADMIN_ONLY');
      expect(await snapshot(t.db)).toEqual(before);
      expect((await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: open.id })).body.status).toBe('approved');

      const { course: other } = await published().create();
      const adminsOnly = await aCohort(t.db, other).policy('admin_only').create();
      expectApiError(await agent.post('/api/enrolments').send({ courseId: other.id, cohortId: adminsOnly.id }), 403, 'ENROLMENT_ADMIN_ONLY');
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('[learner] outside the enrolment window, or after the cohort ended, is told enrolment is closed and nothing is written', async () => {
      const { agent } = await aSemarangLearner();
      const { course } = await published().create();
      for (const cohort of [await aCohort(t.db, course).closed().create(), await aCohort(t.db, course).notYetOpen().create(), await aCohort(t.db, course).ended().create()]) {
        const before = await snapshot(t.db);
        const res = await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id });
        expectApiError(res, 409, 'ENROLMENT_CLOSED');
        expect(await snapshot(t.db)).toEqual(before);
      }
    });

    it("[learner] a cohort whose deadline has passed refuses them with DEADLINE_PASSED", async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const cohort = await aCohort(t.db, course).startingIn(-20, 40).deadline(day(-1)).create();
      expectApiError(await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id }), 409, 'DEADLINE_PASSED');
      expect(await rowsOf(user.id)).toEqual([]);
    });

    it('[learner] a full cohort puts them on the waitlist in order; without a waitlist it refuses them', async () => {
      const { course } = await published().create();
      const cohort = await aCohort(t.db, course).capacity(1).create();
      const [a, b, c] = [await aSemarangLearner(), await aSemarangLearner(), await aSemarangLearner()];
      expect((await a.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body).toMatchObject({ status: 'approved' });
      expect((await b.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect((await c.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

      const strict = await aCohort(t.db, course).capacity(1).noWaitlist().create();
      const d = await aSemarangLearner();
      const e = await aSemarangLearner();
      expect((await d.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: strict.id })).status).toBe(201);
      expectApiError(await e.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: strict.id }), 409, 'COHORT_FULL');
      expect(await rowsOf(e.user.id)).toEqual([]);
    });

    it('[learner] enrolled in one cohort cannot take another cohort of the same course', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const first = await aCohort(t.db, course).create();
      const second = await aCohort(t.db, course).create();
      await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: first.id });
      expectApiError(await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: second.id }), 409, 'ALREADY_ENROLLED');
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('[learner] two tabs enrolling in two cohorts at the same moment end with one enrolment', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const [one, two] = [await aCohort(t.db, course).create(), await aCohort(t.db, course).create()];
      const results = await Promise.all([one, two].map((c) => agent.post('/api/enrolments').send({ courseId: course.id, cohortId: c.id })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it("[learner] another agency's course, or another agency's cohort of a platform-wide course, is a 404", async () => {
      const { user, agent } = await aSemarangLearner();
      const { course: ambonCourse } = await aCourse(t.db).in(world.ambon.agency).withActivity('page').published().create();
      expectApiError(await agent.post('/api/enrolments').send({ courseId: ambonCourse.id }), 404, 'NOT_FOUND');
      const { course: platformCourse } = await aCourse(t.db).withActivity('page').published().create();
      const ambonCohort = await aCohort(t.db, platformCourse).runBy(world.ambon.agency).create();
      expectApiError(await agent.post('/api/enrolments').send({ courseId: platformCourse.id, cohortId: ambonCohort.id }), 404, 'NOT_FOUND');
      // With only another agency's cohorts, the course is taken without a cohort.
      expect((await agent.post('/api/enrolments').send({ courseId: platformCourse.id })).body).toMatchObject({ status: 'approved', cohortId: null });
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('[learner] a draft course cannot be enrolled in', async () => {
      const { agent } = await aSemarangLearner();
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').create();
      expectApiError(await agent.post('/api/enrolments').send({ courseId: course.id }), 404, 'NOT_FOUND');
    });

    it('[learner] sees their enrolment in the catalogue', async () => {
      const { agent } = await aSemarangLearner();
      const { course } = await published().create();
      const cohort = await aCohort(t.db, course).capacity(1).create();
      await anEnrolment(t.db).of(world.semarang.instructor).inCohort(cohort).create();
      const enrolled = await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id });
      const page = await agent.get(`/api/catalogue/${course.id}`);
      expect(page.body.myEnrolment).toEqual({ id: enrolled.body.id, cohortId: cohort.id, status: 'waitlisted', waitlistPosition: 1 });
      expect(page.body.cohorts[0]).toMatchObject({ seatsLeft: 0, waitlistCount: 1, state: 'waitlist' });
    });
  });

  describe('withdrawing', () => {
    it('[learner] withdraws: the record stays, a second withdrawal changes nothing, enrolling again reuses it', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const enrolled = await agent.post('/api/enrolments').send({ courseId: course.id });
      const res = await agent.post(`/api/enrolments/${enrolled.body.id}/withdraw`).send({ reason: 'Bentrok jadwal' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnBy: user.id, withdrawalReason: 'Bentrok jadwal', withdrawnAt: expect.any(String) });
      expect((await agent.post(`/api/enrolments/${enrolled.body.id}/withdraw`).send({})).body.withdrawnAt).toBe(res.body.withdrawnAt);
      expect((await agent.get('/api/me/enrolments').query({ show: 'past' })).body.items.map((i: { id: string }) => i.id)).toEqual([enrolled.body.id]);
      const again = await agent.post('/api/enrolments').send({ courseId: course.id });
      expect(again.body).toMatchObject({ id: enrolled.body.id, status: 'approved', withdrawnAt: null, withdrawalReason: null });
      expect(await rowsOf(user.id)).toHaveLength(1);
    });

    it('[learner] a completed enrolment cannot be withdrawn', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course } = await published().create();
      const done = await anEnrolment(t.db).of(user).in(course).status('completed').create();
      expectApiError(await agent.post(`/api/enrolments/${done.id}/withdraw`).send({}), 409, 'ENROLMENT_NOT_WITHDRAWABLE');
    });

    it("[learner] someone else's enrolment is a 404", async () => {
      const { course } = await published().create();
      const theirs = await anEnrolment(t.db).of(world.semarang.instructor).in(course).create();
      expectApiError(await learner.post(`/api/enrolments/${theirs.id}/withdraw`).send({}), 404, 'NOT_FOUND');
    });

    it("[agency admin] unenrols one of their people (kept as withdrawn); Ambon's admin gets a 404", async () => {
      const { user } = await aSemarangLearner();
      const { course } = await published().create();
      const e = await anEnrolment(t.db).of(user).in(course).create();
      const before = await snapshot(t.db);
      expectApiError(await ambonAdmin.post(`/api/enrolments/${e.id}/withdraw`).send({}), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
      const res = await admin.post(`/api/enrolments/${e.id}/withdraw`).send({ reason: 'Mutasi' });
      expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnBy: world.semarang.admin.id, learner: { id: user.id } });
      expect(await countRows(t.db, 'enrolments', 'id = $1', [e.id])).toBe(1);
    });
  });

  describe('opening content', () => {
    /** A published course with one file activity whose file is recorded. */
    const aCourseWithFile = async () => {
      const built = await aCourse(t.db).in(world.semarang.agency).withActivity('file').published().create();
      await t.db.getRepository(ContentFile).insert({
        id: randomUUID(),
        activityId: built.activities[0].id,
        kind: 'file',
        current: true,
        storageKey: 'files/x/modul.pdf',
        fileName: 'modul.pdf',
        contentType: 'application/pdf',
        sizeBytes: '3',
      });
      return built;
    };
    const launch = (agent: TestAgent, built: Awaited<ReturnType<typeof aCourseWithFile>>) =>
      agent.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/launch`).send({});

    it('[learner] with a place opens the content, which starts their enrolment', async () => {
      const { user, agent } = await aSemarangLearner();
      const built = await aCourseWithFile();
      const e = await anEnrolment(t.db).of(user).in(built.course).create();
      const res = await launch(agent, built);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'file', url: expect.stringContaining('/f/') });
      expect((await t.db.query('SELECT status, started_at FROM enrolments WHERE id = $1', [e.id]))[0]).toMatchObject({ status: 'active', started_at: expect.any(Date) });
    });

    it('[learner] without a place (not enrolled, requested, waitlisted, withdrawn) cannot open it', async () => {
      const { user, agent } = await aSemarangLearner();
      const built = await aCourseWithFile();
      expectApiError(await launch(agent, built), 404, 'NOT_FOUND');
      for (const status of ['requested', 'waitlisted', 'withdrawn'] as const) {
        await t.db.query('DELETE FROM enrolments WHERE user_id = $1', [user.id]);
        await anEnrolment(t.db).of(user).in(built.course).status(status).create();
        expectApiError(await launch(agent, built), 404, 'NOT_FOUND');
      }
    });
  });

  describe('records outlive the course', () => {
    it('[agency admin] a draft course with enrolment records (published once, then un-archived) cannot be deleted', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').create();
      await anEnrolment(t.db).of(world.semarang.learner).in(course).status('withdrawn').create();
      const res = await admin.delete(`/api/courses/${course.id}`);
      expectApiError(res, 409, 'COURSE_NOT_DELETABLE');
      expect(res.body.details).toEqual({ enrolments: 1 });
      expect(await countRows(t.db, 'courses', 'id = $1', [course.id])).toBe(1);
    });
  });

  describe('Pembelajaran Saya', () => {
    it('[learner] lists current, completed and past enrolments separately, with course and cohort', async () => {
      const { user, agent } = await aSemarangLearner();
      const { course: a } = await published().titled('Kursus Berjalan').create();
      const { course: b } = await published().titled('Kursus Selesai').create();
      const { course: c } = await published().titled('Kursus Ditarik').create();
      const cohort = await aCohort(t.db, a).named('Angkatan I 2026').create();
      await anEnrolment(t.db).of(user).inCohort(cohort).status('active').create();
      await anEnrolment(t.db).of(user).in(b).status('completed').create();
      await anEnrolment(t.db).of(user).in(c).status('withdrawn').create();
      const current = await agent.get('/api/me/enrolments');
      expect(current.body.items).toEqual([expect.objectContaining({ status: 'active', course: expect.objectContaining({ title: 'Kursus Berjalan' }), cohort: expect.objectContaining({ name: 'Angkatan I 2026' }) })]);
      expect((await agent.get('/api/me/enrolments').query({ show: 'completed' })).body.items.map((i: { course: { title: string } }) => i.course.title)).toEqual(['Kursus Selesai']);
      expect((await agent.get('/api/me/enrolments').query({ show: 'all' })).body.total).toBe(3);
      expect((await agent.get('/api/me/enrolments').query({ show: 'completed' })).body.items[0].can).toEqual({ withdraw: false });
    });
  });

  describe('unit heads', () => {
    it('[agency admin] names the head of a unit through the units API; another agency\'s person is refused by field', async () => {
      const res = await admin.patch(`/api/units/${world.semarang.unit.id}`).send({ headUserId: world.semarang.instructor.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ headUserId: world.semarang.instructor.id, head: { id: world.semarang.instructor.id, name: world.semarang.instructor.name } });
      const list = await admin.get('/api/units');
      expect(list.body.items.find((u: { id: string }) => u.id === world.semarang.unit.id).headUserId).toBe(world.semarang.instructor.id);
      const bad = await admin.patch(`/api/units/${world.semarang.unit.id}`).send({ headUserId: world.ambon.learner.id });
      expectApiError(bad, 400, 'VALIDATION_FAILED', 'headUserId');
      expect(detailFor(bad, 'headUserId')?.code).toBe('HEAD_UNKNOWN');
      const cleared = await admin.patch(`/api/units/${world.semarang.unit.id}`).send({ headUserId: null });
      expect(cleared.body).toMatchObject({ headUserId: null, head: null });
      const created = await admin.post('/api/units').send({ code: 'BAG-UMUM', name: 'Bagian Umum', headUserId: world.semarang.learner.id });
      expect(created.body.head).toMatchObject({ id: world.semarang.learner.id });
    });
  });
});
