import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aPureInstructor, aUser, aWorld, anEnrolment, day } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import type { Course } from '../src/modules/courses/course.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** Cohorts (angkatan): planning, reach, capacity, waitlist promotion, and capacity under concurrent requests. */
describe('cohorts', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let secondAdmin: TestAgent;
  let ambonAdmin: TestAgent;
  let platform: TestAgent;
  let instructor: TestAgent;
  let outsiderInstructor: TestAgent;

  beforeAll(async () => {
    // Enough connections that concurrent requests really run side by side.
    t = await createTestApp({ DATABASE_POOL_SIZE: '16' });
    world = await aWorld(t.db);
    const other = await aUser(t.db).in(world.semarang.agency).withRoles('agency_admin').create();
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    secondAdmin = await t.signIn(other.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    outsiderInstructor = await t.signIn((await aPureInstructor(t.db, world.semarang)).email, PASSWORD);
  });
  afterAll(() => t.close());

  const course = async (): Promise<Course> => (await aCourse(t.db).in(world.semarang.agency).withActivity('page').taughtBy(world.semarang.instructor).published().create()).course;
  const learners = (n: number) => Promise.all(Array.from({ length: n }, () => aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create()));
  const statusOf = async (id: string) => (await t.db.query('SELECT status FROM enrolments WHERE id = $1', [id]))[0].status;

  describe('planning', () => {
    it('[agency admin] creates a cohort with capacity, window, deadline and instructors', async () => {
      const c = await course();
      const res = await admin.post(`/api/courses/${c.id}/cohorts`).send({
        name: 'Angkatan I 2026',
        startsOn: day(14),
        endsOn: day(18),
        capacity: 30,
        enrolmentOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        enrolmentClosesAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
        deadline: day(30),
        enrolmentPolicy: 'approval',
        instructorIds: [world.semarang.instructor.id],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        courseId: c.id,
        agencyId: world.semarang.agency.id,
        name: 'Angkatan I 2026',
        startsOn: day(14),
        endsOn: day(18),
        capacity: 30,
        waitlistEnabled: true,
        deadline: day(30),
        enrolmentPolicy: 'approval',
        effectivePolicy: 'approval',
        instructors: [{ id: world.semarang.instructor.id, name: world.semarang.instructor.name, nip: world.semarang.instructor.nip }],
        seatsTaken: 0,
        seatsLeft: 30,
        waitlistCount: 0,
        state: 'open',
        can: { edit: true, delete: true },
      });
    });

    it('[agency admin] dates out of order, a past deadline, or a non-instructor are refused by field', async () => {
      const c = await course();
      const before = await snapshot(t.db);
      const order = await admin.post(`/api/courses/${c.id}/cohorts`).send({ name: 'X', startsOn: day(10), endsOn: day(9) });
      expectApiError(order, 400, 'VALIDATION_FAILED', 'endsOn');
      const late = await admin.post(`/api/courses/${c.id}/cohorts`).send({ name: 'X', startsOn: day(-10), endsOn: day(9), deadline: day(-1) });
      expectApiError(late, 409, 'DEADLINE_PASSED', 'deadline');
      const window = await admin
        .post(`/api/courses/${c.id}/cohorts`)
        .send({ name: 'X', startsOn: day(1), endsOn: day(9), enrolmentOpensAt: '2026-05-02T00:00:00+07:00', enrolmentClosesAt: '2026-05-01T00:00:00+07:00' });
      expectApiError(window, 400, 'VALIDATION_FAILED', 'enrolmentClosesAt');
      const teacher = await admin.post(`/api/courses/${c.id}/cohorts`).send({ name: 'X', startsOn: day(1), endsOn: day(9), instructorIds: [world.semarang.learner.id] });
      expect(detailFor(teacher, 'instructorIds.0')?.code).toBe('INSTRUCTOR_INVALID');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[instructor] of the course reads its cohorts but cannot plan them; an unassigned one gets a 404', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).create();
      expect((await instructor.get(`/api/courses/${c.id}/cohorts`)).body.items.map((i: { id: string }) => i.id)).toEqual([cohort.id]);
      expect((await instructor.get(`/api/cohorts/${cohort.id}`)).body.can).toEqual({ edit: false, delete: false });
      expectApiError(await instructor.post(`/api/courses/${c.id}/cohorts`).send({ name: 'X', startsOn: day(1), endsOn: day(2) }), 403, 'FORBIDDEN');
      expectApiError(await outsiderInstructor.get(`/api/cohorts/${cohort.id}`), 404, 'NOT_FOUND');
    });

    it("[agency admin] runs their own cohort of a platform-wide course, which Ambon never sees", async () => {
      const { course: national } = await aCourse(t.db).withActivity('page').published().create();
      const res = await admin.post(`/api/courses/${national.id}/cohorts`).send({ name: 'Angkatan Semarang', startsOn: day(5), endsOn: day(6) });
      expect(res.status).toBe(201);
      expect(res.body.agencyId).toBe(world.semarang.agency.id);
      expect((await ambonAdmin.get(`/api/courses/${national.id}/cohorts`)).body.items).toEqual([]);
      expectApiError(await ambonAdmin.get(`/api/cohorts/${res.body.id}`), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.patch(`/api/cohorts/${res.body.id}`).send({ name: 'Diambil' }), 404, 'NOT_FOUND');
      const theirs = await platform.post(`/api/courses/${national.id}/cohorts`).send({ name: 'Angkatan Nasional', startsOn: day(5), endsOn: day(6) });
      expect(theirs.body.agencyId).toBeNull();
      expectApiError(await admin.patch(`/api/cohorts/${theirs.body.id}`).send({ name: 'Diubah' }), 403, 'FORBIDDEN');
    });

    it('[agency admin] an archived course takes no new cohorts', async () => {
      const { course: old } = await aCourse(t.db).in(world.semarang.agency).archived().create();
      expectApiError(await admin.post(`/api/courses/${old.id}/cohorts`).send({ name: 'X', startsOn: day(1), endsOn: day(2) }), 409, 'COURSE_ARCHIVED');
    });

    it('[agency admin] deletes an empty cohort; one with enrolment records is kept (COHORT_NOT_EMPTY)', async () => {
      const c = await course();
      const empty = await aCohort(t.db, c).create();
      expect((await admin.delete(`/api/cohorts/${empty.id}`)).status).toBe(204);
      const used = await aCohort(t.db, c).create();
      await anEnrolment(t.db).of(world.semarang.learner).inCohort(used).status('withdrawn').create();
      expect((await admin.get(`/api/cohorts/${used.id}`)).body.can.delete).toBe(false);
      expectApiError(await admin.delete(`/api/cohorts/${used.id}`), 409, 'COHORT_NOT_EMPTY');
      expect(await countRows(t.db, 'cohorts', 'id = $1', [used.id])).toBe(1);
    });
  });

  describe('capacity and waitlist', () => {
    it('[learner] withdrawing frees a seat: the first on the waitlist gets it in the same request, the rest move up', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(2).create();
      const [a, b, w1, w2] = await learners(4);
      const seated = [await anEnrolment(t.db).of(a).inCohort(cohort).create(), await anEnrolment(t.db).of(b).inCohort(cohort).create()];
      const first = await anEnrolment(t.db).of(w1).inCohort(cohort).status('waitlisted').requestedAt(new Date(Date.now() - 2000)).create();
      const second = await anEnrolment(t.db).of(w2).inCohort(cohort).status('waitlisted').requestedAt(new Date(Date.now() - 1000)).create();
      const agent = await t.signIn(a.email, PASSWORD);
      expect((await agent.post(`/api/enrolments/${seated[0].id}/withdraw`).send({})).status).toBe(200);
      expect(await statusOf(first.id)).toBe('approved');
      expect(await statusOf(second.id)).toBe('waitlisted');
      const w2agent = await t.signIn(w2.email, PASSWORD);
      expect((await w2agent.get('/api/me/enrolments')).body.items[0].waitlistPosition).toBe(1);
      expect((await admin.get(`/api/cohorts/${cohort.id}`)).body).toMatchObject({ seatsTaken: 2, seatsLeft: 0, waitlistCount: 1, state: 'waitlist' });
    });

    it('[agency admin] unenrolling frees the seat the same way', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(1).create();
      const [a, w] = await learners(2);
      const seat = await anEnrolment(t.db).of(a).inCohort(cohort).status('active').create();
      const waiting = await anEnrolment(t.db).of(w).inCohort(cohort).status('waitlisted').create();
      await admin.post(`/api/enrolments/${seat.id}/withdraw`).send({ reason: 'Pensiun' });
      expect(await statusOf(waiting.id)).toBe('approved');
    });

    it('[agency admin] raising the capacity promotes the waitlist at once; lowering it below the seats taken is refused', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(1).create();
      const people = await learners(4);
      await anEnrolment(t.db).of(people[0]).inCohort(cohort).create();
      const waiting = [];
      for (const [i, p] of people.slice(1).entries()) waiting.push(await anEnrolment(t.db).of(p).inCohort(cohort).status('waitlisted').requestedAt(new Date(Date.now() - 10_000 + i * 1000)).create());
      const res = await admin.patch(`/api/cohorts/${cohort.id}`).send({ capacity: 3 });
      expect(res.body).toMatchObject({ capacity: 3, seatsTaken: 3, waitlistCount: 1 });
      expect(await Promise.all(waiting.map((e) => statusOf(e.id)))).toEqual(['approved', 'approved', 'waitlisted']);
      const lower = await admin.patch(`/api/cohorts/${cohort.id}`).send({ capacity: 2 });
      expectApiError(lower, 400, 'VALIDATION_FAILED', 'capacity');
      expect(detailFor(lower, 'capacity')?.code).toBe('CAPACITY_BELOW_SEATS');
      const unlimited = await admin.patch(`/api/cohorts/${cohort.id}`).send({ capacity: null });
      expect(unlimited.body).toMatchObject({ capacity: null, seatsLeft: null, seatsTaken: 4, waitlistCount: 0 });
    });

    it('[platform] an ended cohort promotes nobody', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).ended().capacity(1).create();
      const [a, w] = await learners(2);
      const seat = await anEnrolment(t.db).of(a).inCohort(cohort).create();
      const waiting = await anEnrolment(t.db).of(w).inCohort(cohort).status('waitlisted').create();
      await admin.post(`/api/enrolments/${seat.id}/withdraw`).send({});
      expect(await statusOf(waiting.id)).toBe('waitlisted');
    });
  });

  describe('capacity under concurrent requests', () => {
    it('[two agency admins] enrolling different people into the last seat at once: one gets it, the other is refused, never overbooked', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(3).noWaitlist().create();
      const seated = await learners(2);
      for (const p of seated) await anEnrolment(t.db).of(p).inCohort(cohort).create();
      const [x, y] = await learners(2);
      const results = await Promise.all([
        admin.post(`/api/courses/${c.id}/enrolments/bulk`).send({ by: 'users', userIds: [x.id], cohortId: cohort.id }),
        secondAdmin.post(`/api/courses/${c.id}/enrolments/bulk`).send({ by: 'users', userIds: [y.id], cohortId: cohort.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('COHORT_FULL');
      expect(await countRows(t.db, 'enrolments', "cohort_id = $1 AND status IN ('requested', 'approved', 'active', 'completed')", [cohort.id])).toBe(3);
      expect(await countRows(t.db, 'enrolments', 'cohort_id = $1', [cohort.id])).toBe(3);
    });

    it('[many learners] self-enrolling at once into 5 seats: exactly 5 places, the rest waitlisted in a strict order', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(5).create();
      const people: User[] = await learners(14);
      const agents = await Promise.all(people.map((p) => t.signIn(p.email, PASSWORD)));
      const results = await Promise.all(agents.map((a) => a.post('/api/enrolments').send({ courseId: c.id, cohortId: cohort.id })));
      expect(results.map((r) => r.status)).toEqual(Array(14).fill(201));
      const statuses = results.map((r) => r.body.status);
      expect(statuses.filter((s) => s === 'approved')).toHaveLength(5);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(9);
      const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition).sort((a, b) => a - b);
      expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('[admins and learners] mixing bulk enrolment, self-enrolment and withdrawals at once never exceeds the capacity', async () => {
      const c = await course();
      const cohort = await aCohort(t.db, c).capacity(4).create();
      const seated = await learners(3);
      const seats = [];
      for (const p of seated) seats.push(await anEnrolment(t.db).of(p).inCohort(cohort).create());
      const incoming = await learners(8);
      const selfAgents = await Promise.all(incoming.slice(0, 4).map((p) => t.signIn(p.email, PASSWORD)));
      await Promise.all([
        admin.post(`/api/courses/${c.id}/enrolments/bulk`).send({ by: 'users', userIds: incoming.slice(4, 6).map((p) => p.id), cohortId: cohort.id }),
        secondAdmin.post(`/api/courses/${c.id}/enrolments/bulk`).send({ by: 'users', userIds: incoming.slice(6).map((p) => p.id), cohortId: cohort.id }),
        ...selfAgents.map((a) => a.post('/api/enrolments').send({ courseId: c.id, cohortId: cohort.id })),
        admin.post(`/api/enrolments/${seats[0].id}/withdraw`).send({}),
        admin.post(`/api/enrolments/${seats[1].id}/withdraw`).send({}),
      ]);
      const seatsTaken = await countRows(t.db, 'enrolments', "cohort_id = $1 AND status IN ('requested', 'approved', 'active', 'completed')", [cohort.id]);
      const waiting = await countRows(t.db, 'enrolments', "cohort_id = $1 AND status = 'waitlisted'", [cohort.id]);
      // 9 people are left wanting a seat: whatever the order, the 4 seats are taken and 5 wait (no seat stays free while someone waits).
      expect({ seatsTaken, waiting }).toEqual({ seatsTaken: 4, waiting: 3 - 2 + 8 - 4 });
    });
  });
});
