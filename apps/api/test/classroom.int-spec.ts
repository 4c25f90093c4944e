import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aPureInstructor, aSession, aUser, aWorld, anEnrolment, day } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { ClassroomService } from '../src/modules/classroom/classroom.service';
import type { BuiltCourse } from './factories/builders';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** Classroom sessions: planning, the attendance checklist, QR check-in in its window, JP and the learner's schedule. */
describe('classroom sessions', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let instructor: TestAgent;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let outsider: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    outsider = await t.signIn((await aPureInstructor(t.db, world.semarang)).email, PASSWORD);
  });
  afterAll(() => t.close());

  /** A published classroom course taught by the Semarang instructor, with two cohorts and learners placed in the first. */
  const aClassroomCourse = async () => {
    const built = await aCourse(t.db).in(world.semarang.agency).delivery('klasikal').withActivity('classroom').withActivity('page').taughtBy(world.semarang.instructor).published().create();
    const first = await aCohort(t.db, built.course).named('Angkatan I').create();
    const second = await aCohort(t.db, built.course).named('Angkatan II').create();
    const person = (name: string) => aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).named(name).create();
    const people = { ani: await person('Ani'), budi: await person('Budi'), citra: await person('Citra'), dedi: await person('Dedi'), eka: await person('Eka') };
    await anEnrolment(t.db).of(people.ani).inCohort(first).create();
    await anEnrolment(t.db).of(people.budi).inCohort(first).status('active').create();
    await anEnrolment(t.db).of(people.citra).inCohort(first).status('waitlisted').create();
    await anEnrolment(t.db).of(people.dedi).inCohort(second).create();
    return { built, activity: built.activities[0], first, second, people };
  };
  type Setup = Awaited<ReturnType<typeof aClassroomCourse>>;
  const sessionsOf = (s: { built: BuiltCourse }) => `/api/courses/${s.built.course.id}/activities/${s.built.activities[0].id}/sessions`;
  const learnerAgent = (user: User) => t.signIn(user.email, PASSWORD);
  const jpOf = async (user: User) => (await t.db.query(`SELECT coalesce(sum(jp), 0)::float AS jp FROM jp_ledger_entries WHERE user_id = $1 AND source_type = 'classroom_session'`, [user.id]))[0].jp;

  describe('planning', () => {
    it('[instructor] plans a session of a cohort with a place, a link, capacity and JP', async () => {
      const s = await aClassroomCourse();
      const res = await instructor.post(sessionsOf(s)).send({
        cohortId: s.first.id,
        title: 'Hari 1: Pembukaan',
        startsAt: `${day(3)}T08:00:00+07:00`,
        endsAt: `${day(3)}T12:00:00+07:00`,
        location: 'Aula BKPSDM Lt. 2',
        onlineUrl: 'https://zoom.us/j/1234567890',
        capacity: 40,
        jp: 4,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cohortId: s.first.id,
        title: 'Hari 1: Pembukaan',
        startsAt: new Date(`${day(3)}T01:00:00Z`).toISOString(),
        location: 'Aula BKPSDM Lt. 2',
        capacity: 40,
        jp: 4,
        expectedCount: 2,
        presentCount: 0,
        can: { edit: true, takeAttendance: true },
      });
      expect((await instructor.get(sessionsOf(s)).query({ cohortId: s.first.id })).body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
    });

    it('[instructor] refuses sessions on other activity types, ending before they start, or with neither place nor link', async () => {
      const s = await aClassroomCourse();
      const foreign = await aCohort(t.db, (await aCourse(t.db).in(world.semarang.agency).published().create()).course).create();
      const before = await snapshot(t.db);
      const page = `/api/courses/${s.built.course.id}/activities/${s.built.activities[1].id}/sessions`;
      const body = { title: 'X', startsAt: `${day(3)}T08:00:00+07:00`, endsAt: `${day(3)}T12:00:00+07:00`, location: 'Aula' };
      expectApiError(await instructor.post(page).send(body), 409, 'ACTIVITY_TYPE_MISMATCH');
      expectApiError(await instructor.post(sessionsOf(s)).send({ ...body, endsAt: `${day(3)}T07:00:00+07:00` }), 400, 'VALIDATION_FAILED', 'endsAt');
      expectApiError(await instructor.post(sessionsOf(s)).send({ ...body, location: undefined }), 400, 'VALIDATION_FAILED', 'location');
      expect(detailFor(await instructor.post(sessionsOf(s)).send({ ...body, cohortId: foreign.id }), 'cohortId')?.code).toBe('COHORT_UNKNOWN');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("[instructor] not teaching the course gets a 404; Ambon's admin too", async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).create();
      expectApiError(await outsider.get(`/api/sessions/${session.id}`), 404, 'NOT_FOUND');
      expectApiError(await outsider.get(sessionsOf(s)), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get(`/api/sessions/${session.id}/attendance`), 404, 'NOT_FOUND');
    });

    it('[instructor] deletes a session nobody attended; one with attendance is kept', async () => {
      const s = await aClassroomCourse();
      const empty = await aSession(t.db, s.activity).create();
      expect((await instructor.delete(`/api/sessions/${empty.id}`)).status).toBe(204);
      const held = await aSession(t.db, s.activity).forCohort(s.first).create();
      await instructor.put(`/api/sessions/${held.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }] });
      expectApiError(await instructor.delete(`/api/sessions/${held.id}`), 409, 'SESSION_HAS_ATTENDANCE');
    });

    it("[agency admin] runs sessions for their own cohort of a platform-wide course", async () => {
      const built = await aCourse(t.db).withActivity('classroom').published().create();
      const cohort = await aCohort(t.db, built.course).runBy(world.semarang.agency).create();
      const res = await admin
        .post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/sessions`)
        .send({ cohortId: cohort.id, title: 'Sesi Semarang', startsAt: `${day(2)}T08:00:00+07:00`, endsAt: `${day(2)}T10:00:00+07:00`, location: 'Aula' });
      expect(res.status).toBe(201);
      expectApiError(
        await admin.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/sessions`).send({ title: 'Untuk semua', startsAt: `${day(2)}T08:00:00+07:00`, endsAt: `${day(2)}T10:00:00+07:00`, location: 'Aula' }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('attendance checklist', () => {
    it('[instructor] sees the learners with a place in the cohort, not the waitlist nor other cohorts', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).create();
      const res = await instructor.get(`/api/sessions/${session.id}/attendance`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: { name: string; present: boolean }) => [r.name, r.present])).toEqual([
        ['Ani', false],
        ['Budi', false],
      ]);
      const courseWide = await aSession(t.db, s.activity).create();
      expect((await instructor.get(`/api/sessions/${courseWide.id}/attendance`)).body.items.map((r: { name: string }) => r.name)).toEqual(['Ani', 'Budi', 'Dedi']);
    });

    it('[instructor] ticks learners present: JP credited once, enrolment started; unticking takes the JP back', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).jp(3).create();
      const res = await instructor.put(`/api/sessions/${session.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }, { userId: s.people.budi.id, present: true }] });
      expect(res.status).toBe(200);
      expect(res.body.session).toMatchObject({ presentCount: 2, expectedCount: 2 });
      expect(res.body.items.map((r: { present: boolean; method: string }) => [r.present, r.method])).toEqual([
        [true, 'instructor'],
        [true, 'instructor'],
      ]);
      expect(await jpOf(s.people.ani)).toBe(3);
      expect((await t.db.query('SELECT status FROM enrolments WHERE user_id = $1', [s.people.ani.id]))[0].status).toBe('active');
      await instructor.put(`/api/sessions/${session.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }] });
      expect(await jpOf(s.people.ani)).toBe(3);
      await instructor.put(`/api/sessions/${session.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: false }] });
      expect(await jpOf(s.people.ani)).toBe(0);
      expect((await instructor.get(`/api/sessions/${session.id}/attendance`).query({ absentOnly: 'true' })).body.items.map((r: { name: string }) => r.name)).toEqual(['Ani']);
    });

    it('[instructor] someone without a place in the session refuses the whole change, by field', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).jp(3).create();
      const before = await snapshot(t.db);
      const res = await instructor.put(`/api/sessions/${session.id}/attendance`).send({
        entries: [{ userId: s.people.ani.id, present: true }, { userId: s.people.citra.id, present: true }, { userId: s.people.dedi.id, present: true }],
      });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'entries.1.userId');
      expect(detailFor(res, 'entries.2.userId')?.code).toBe('NOT_EXPECTED');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it("[cohort instructor] not assigned to the course takes their cohort's attendance but does not edit the session", async () => {
      const s = await aClassroomCourse();
      const teacher = await aPureInstructor(t.db, world.semarang);
      await t.db.query('INSERT INTO cohort_instructors (cohort_id, user_id) VALUES ($1, $2)', [s.first.id, teacher.id]);
      const agent = await t.signIn(teacher.email, PASSWORD);
      const mine = await aSession(t.db, s.activity).forCohort(s.first).running().create();
      const theirs = await aSession(t.db, s.activity).forCohort(s.second).create();
      expect((await agent.put(`/api/sessions/${mine.id}/attendance`).send({ entries: [{ userId: s.people.budi.id, present: true }] })).status).toBe(200);
      expect((await agent.get(`/api/sessions/${mine.id}/check-in-code`)).status).toBe(200);
      expect((await agent.get(`/api/sessions/${mine.id}`)).body.can).toEqual({ edit: false, takeAttendance: true });
      expectApiError(await agent.patch(`/api/sessions/${mine.id}`).send({ title: 'Diubah' }), 403, 'FORBIDDEN');
      expectApiError(await agent.get(`/api/sessions/${theirs.id}/attendance`), 404, 'NOT_FOUND');
    });
  });

  describe('QR check-in', () => {
    const codeFor = async (sessionId: string) => {
      const res = await instructor.get(`/api/sessions/${sessionId}/check-in-code`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('[learner] scans the code on the screen during the session: present, JP credited, once', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).running().jp(2.5).create();
      const code = await codeFor(session.id);
      expect(code).toMatchObject({ sessionId: session.id, code: expect.stringMatching(/^[A-Z2-9]{8}$/), expiresAt: expect.any(String) });
      expect(code.url).toBe(`http://localhost:3000/hadir/${session.id}?kode=${code.code}`);
      const ani = await learnerAgent(s.people.ani);
      const res = await ani.post(`/api/sessions/${session.id}/check-in`).send({ code: code.code.toLowerCase() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sessionId: session.id, present: true, method: 'qr' });
      const again = await ani.post(`/api/sessions/${session.id}/check-in`).send({ code: code.code });
      expect(again.body.recordedAt).toBe(res.body.recordedAt);
      expect(await jpOf(s.people.ani)).toBe(2.5);
      expect((await instructor.get(`/api/sessions/${session.id}/attendance`)).body.items[0]).toMatchObject({ name: 'Ani', present: true, method: 'qr' });
    });

    it('[learner] a wrong code is refused with nothing recorded', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).running().create();
      const ani = await learnerAgent(s.people.ani);
      expectApiError(await ani.post(`/api/sessions/${session.id}/check-in`).send({ code: 'ABCDEFGH' }), 400, 'CHECK_IN_CODE_INVALID', 'code');
      expect(await countRows(t.db, 'session_attendance', 'session_id = $1', [session.id])).toBe(0);
    });

    it('[learner] outside the session the code is neither shown nor accepted', async () => {
      const s = await aClassroomCourse();
      const tomorrow = await aSession(t.db, s.activity).forCohort(s.first).create();
      expectApiError(await instructor.get(`/api/sessions/${tomorrow.id}/check-in-code`), 409, 'CHECK_IN_CLOSED');
      const ani = await learnerAgent(s.people.ani);
      const res = await ani.post(`/api/sessions/${tomorrow.id}/check-in`).send({ code: 'ABCDEFGH' });
      expectApiError(res, 409, 'CHECK_IN_CLOSED');
      expect(res.body.details).toMatchObject({ opensAt: expect.any(String), closesAt: tomorrow.endsAt.toISOString() });
    });

    it('[learner] without a place in the session (waitlisted, another cohort, not enrolled) gets a 404', async () => {
      const s = await aClassroomCourse();
      const session = await aSession(t.db, s.activity).forCohort(s.first).running().create();
      const code = (await codeFor(session.id)).code;
      for (const who of [s.people.citra, s.people.dedi, s.people.eka]) {
        expectApiError(await (await learnerAgent(who)).post(`/api/sessions/${session.id}/check-in`).send({ code }), 404, 'NOT_FOUND');
      }
      expect(await countRows(t.db, 'session_attendance', 'session_id = $1', [session.id])).toBe(0);
    });
  });

  describe('completion and schedule', () => {
    it('[runtime] a classroom activity is complete once every session meant for the learner was attended', async () => {
      const s: Setup = await aClassroomCourse();
      const classroom = t.app.get(ClassroomService);
      expect(await classroom.activityCompleted(s.activity.id, s.people.ani.id)).toBe(false);
      const day1 = await aSession(t.db, s.activity).forCohort(s.first).create();
      const day2 = await aSession(t.db, s.activity).create();
      await aSession(t.db, s.activity).forCohort(s.second).create();
      await instructor.put(`/api/sessions/${day1.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }] });
      expect(await classroom.activityCompleted(s.activity.id, s.people.ani.id)).toBe(false);
      await instructor.put(`/api/sessions/${day2.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }] });
      expect(await classroom.activityCompleted(s.activity.id, s.people.ani.id)).toBe(true);
      expect(await classroom.activityCompleted(s.activity.id, s.people.citra.id)).toBe(false);
    });

    it("[learner] sees the sessions of their cohort and the course's shared ones, from today, with attendance", async () => {
      const s = await aClassroomCourse();
      const past = await aSession(t.db, s.activity).forCohort(s.first).titled('Kemarin').at(new Date(`${day(-1)}T08:00:00+07:00`), new Date(`${day(-1)}T10:00:00+07:00`)).create();
      await aSession(t.db, s.activity).forCohort(s.first).titled('Besok').create();
      await aSession(t.db, s.activity).titled('Bersama').at(new Date(`${day(2)}T08:00:00+07:00`), new Date(`${day(2)}T10:00:00+07:00`)).create();
      await aSession(t.db, s.activity).forCohort(s.second).titled('Angkatan Lain').create();
      const ani = await learnerAgent(s.people.ani);
      const res = await ani.get('/api/me/sessions');
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Besok', 'Bersama']);
      expect(res.body.items[0]).toMatchObject({ course: { id: s.built.course.id }, cohort: { id: s.first.id }, present: false, location: 'Aula BKPSDM' });
      await instructor.put(`/api/sessions/${past.id}/attendance`).send({ entries: [{ userId: s.people.ani.id, present: true }] });
      const all = await ani.get('/api/me/sessions').query({ from: day(-7), to: day(1) });
      expect(all.body.items.map((i: { title: string; present: boolean }) => [i.title, i.present])).toEqual([
        ['Kemarin', true],
        ['Besok', false],
      ]);
    });
  });
});
