import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aUnit, aUser, aWorld, anEnrolment, day, enrolmentPolicy } from './factories/builders';
import { snapshot } from './support/db-snapshot';
import { expectApiError, fieldsOf } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { Unit } from '../src/modules/units/unit.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/**
 * Self-enrolment with approval: the learner asks, the head of their unit (or of a unit above it) or an
 * agency admin decides; queues are scoped; nobody decides their own request.
 *
 * Semarang: Dinas Kesehatan (head: kadinkes) → Bidang Pelayanan Kesehatan (head: kabid) → the learner;
 * Dinas Pendidikan (head: kadisdik), unrelated.
 */
describe('approvals', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let kadinkes: User;
  let kabid: User;
  let kadisdik: User;
  let as: Record<'kadinkes' | 'kabid' | 'kadisdik' | 'admin' | 'ambonAdmin' | 'platform', TestAgent>;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    const s = world.semarang;
    kadinkes = await aUser(t.db).in(s.agency).at(s.unit).named('Kepala Dinas Kesehatan').create();
    kabid = await aUser(t.db).in(s.agency).at(s.subUnit).named('Kepala Bidang Yankes').create();
    const disdik = await aUnit(t.db, s.agency, { name: 'Dinas Pendidikan' });
    kadisdik = await aUser(t.db).in(s.agency).at(disdik).named('Kepala Dinas Pendidikan').create();
    await t.db.getRepository(Unit).update({ id: s.unit.id }, { headUserId: kadinkes.id });
    await t.db.getRepository(Unit).update({ id: s.subUnit.id }, { headUserId: kabid.id });
    await t.db.getRepository(Unit).update({ id: disdik.id }, { headUserId: kadisdik.id });
    as = {
      kadinkes: await t.signIn(kadinkes.email, PASSWORD),
      kabid: await t.signIn(kabid.email, PASSWORD),
      kadisdik: await t.signIn(kadisdik.email, PASSWORD),
      admin: await t.signIn(s.admin.email, PASSWORD),
      ambonAdmin: await t.signIn(world.ambon.admin.email, PASSWORD),
      platform: await t.signIn(world.platformAdmin.email, PASSWORD),
    };
  });
  afterAll(() => t.close());

  const approvalCourse = async () => {
    const built = await aCourse(t.db).in(world.semarang.agency).withActivity('page').published().create();
    await enrolmentPolicy(t.db, built.course, 'approval');
    return built.course;
  };
  /** A fresh employee of Bidang Pelayanan Kesehatan (under both heads) with a session. */
  const anEmployee = async () => {
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    return { user, agent: await t.signIn(user.email, PASSWORD) };
  };
  const queueIds = async (agent: TestAgent, query: Record<string, unknown> = {}) => {
    const res = await agent.get('/api/approvals').query({ pageSize: 200, ...query });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { id: string }) => i.id);
  };

  it('[learner] asks to enrol: the request reserves a seat and carries their note', async () => {
    const { user, agent } = await anEmployee();
    const course = await approvalCourse();
    const cohort = await aCohort(t.db, course).capacity(2).create();
    const res = await agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id, reason: 'Dibutuhkan untuk tugas pelayanan' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'requested', method: 'approval', requestReason: 'Dibutuhkan untuk tugas pelayanan', requestedBy: user.id });
    expect((await as.admin.get(`/api/cohorts/${cohort.id}`)).body).toMatchObject({ seatsTaken: 1, seatsLeft: 1 });
  });

  it('[unit head] sees the requests of their unit and the units below it; the head of another unit does not', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    expect(await queueIds(as.kabid)).toContain(request.id);
    expect(await queueIds(as.kadinkes)).toContain(request.id);
    expect(await queueIds(as.kadisdik)).not.toContain(request.id);
    const row = (await as.kadinkes.get('/api/approvals').query({ courseId: course.id })).body.items[0];
    expect(row).toMatchObject({ id: request.id, learner: { unit: { id: world.semarang.subUnit.id } }, course: { id: course.id } });
  });

  it('[unit head] approves a request from a sub-unit: the learner has their place', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    const res = await as.kadinkes.post(`/api/enrolments/${request.id}/approve`).send({ reason: 'Sesuai rencana pengembangan' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decision: 'approved', decidedBy: kadinkes.id, decisionReason: 'Sesuai rencana pengembangan' });
    expect(await queueIds(as.kabid)).not.toContain(request.id);
    expect(await queueIds(as.kabid, { state: 'decided' })).toContain(request.id);
  });

  it("[head of another unit] deciding someone else's request is a 404 and changes nothing", async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    const before = await snapshot(t.db);
    expectApiError(await as.kadisdik.post(`/api/enrolments/${request.id}/approve`).send({}), 404, 'NOT_FOUND');
    expectApiError(await as.kadisdik.post(`/api/enrolments/${request.id}/reject`).send({ reason: 'x' }), 404, 'NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('[agency admin] sees every request of the agency and approves one', async () => {
    const { agent } = await anEmployee();
    const outsider = await aUser(t.db).in(world.semarang.agency).create();
    const course = await approvalCourse();
    const a = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    const b = await anEnrolment(t.db).of(outsider).in(course).requested().create();
    expect(await queueIds(as.admin, { courseId: course.id })).toEqual([a.id, b.id]);
    expect((await as.admin.post(`/api/enrolments/${b.id}/approve`).send({})).body).toMatchObject({ status: 'approved', decidedBy: world.semarang.admin.id });
  });

  it('[unit head] asking for themself cannot decide their own request, even as the head of their unit', async () => {
    const course = await approvalCourse();
    const res = await as.kabid.post('/api/enrolments').send({ courseId: course.id });
    expect(res.body.status).toBe('requested');
    expect(await queueIds(as.kabid)).not.toContain(res.body.id);
    expect(await queueIds(as.kadinkes)).toContain(res.body.id);
    const before = await snapshot(t.db);
    expectApiError(await as.kabid.post(`/api/enrolments/${res.body.id}/approve`).send({}), 403, 'NOT_APPROVER');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('[agency admin] cannot decide their own request either; another admin or their head does', async () => {
    const course = await approvalCourse();
    const own = await anEnrolment(t.db).of(world.semarang.admin).in(course).requested().create();
    expectApiError(await as.admin.post(`/api/enrolments/${own.id}/approve`).send({}), 403, 'NOT_APPROVER');
    expect(await queueIds(as.admin)).not.toContain(own.id);
    expect((await as.kadinkes.post(`/api/enrolments/${own.id}/approve`).send({})).status).toBe(200);
  });

  it('[unit head] deciding twice is refused: the request is no longer waiting', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    await as.kabid.post(`/api/enrolments/${request.id}/approve`).send({});
    expectApiError(await as.kadinkes.post(`/api/enrolments/${request.id}/approve`).send({}), 409, 'ALREADY_DECIDED');
    expectApiError(await as.kadinkes.post(`/api/enrolments/${request.id}/reject`).send({ reason: 'Terlambat' }), 409, 'ALREADY_DECIDED');
    const withdrawn = (await agent.post('/api/enrolments').send({ courseId: (await approvalCourse()).id })).body;
    await agent.post(`/api/enrolments/${withdrawn.id}/withdraw`).send({});
    expectApiError(await as.kabid.post(`/api/enrolments/${withdrawn.id}/approve`).send({}), 409, 'ALREADY_DECIDED');
  });

  it('[unit head] two heads deciding the same request at once: one decision stands', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    const [approve, reject] = await Promise.all([
      as.kabid.post(`/api/enrolments/${request.id}/approve`).send({}),
      as.kadinkes.post(`/api/enrolments/${request.id}/reject`).send({ reason: 'Anggaran habis' }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
  });

  it('[unit head] rejecting needs a reason; the learner sees the rejection with it', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    const missing = await as.kabid.post(`/api/enrolments/${request.id}/reject`).send({});
    expectApiError(missing, 400, 'VALIDATION_FAILED', 'reason');
    expect(fieldsOf(await as.kabid.post(`/api/enrolments/${request.id}/reject`).send({ reason: '   ' }))).toContain('reason');
    const res = await as.kabid.post(`/api/enrolments/${request.id}/reject`).send({ reason: 'Belum sesuai rencana tahun ini' });
    expect(res.body).toMatchObject({ status: 'withdrawn', decision: 'rejected', decisionReason: 'Belum sesuai rencana tahun ini', decidedBy: kabid.id });
    const past = await agent.get('/api/me/enrolments').query({ show: 'past' });
    expect(past.body.items[0]).toMatchObject({ id: request.id, decision: 'rejected', decisionReason: 'Belum sesuai rencana tahun ini' });
  });

  it('[unit head] rejecting a request frees its seat for the first on the waitlist, who then waits for approval', async () => {
    const course = await approvalCourse();
    const cohort = await aCohort(t.db, course).capacity(1).create();
    const [first, second, third] = [await anEmployee(), await anEmployee(), await anEmployee()];
    const a = (await first.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body;
    const b = (await second.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body;
    const c = (await third.agent.post('/api/enrolments').send({ courseId: course.id, cohortId: cohort.id })).body;
    expect([a.status, b.status, c.status]).toEqual(['requested', 'waitlisted', 'waitlisted']);
    await as.kabid.post(`/api/enrolments/${a.id}/reject`).send({ reason: 'Prioritas pegawai lain' });
    const statuses = await t.db.query('SELECT id, status FROM enrolments WHERE cohort_id = $1', [cohort.id]);
    expect(Object.fromEntries(statuses.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({ [a.id]: 'withdrawn', [b.id]: 'requested', [c.id]: 'waitlisted' });
    expect(await queueIds(as.kabid)).toContain(b.id);
    expect((await third.agent.get('/api/me/enrolments')).body.items[0].waitlistPosition).toBe(1);
  });

  it('[unit head] a request whose deadline has passed cannot be approved', async () => {
    const { user } = await anEmployee();
    const course = await approvalCourse();
    const late = await anEnrolment(t.db).of(user).in(course).requested().deadline(day(-1)).create();
    expectApiError(await as.kabid.post(`/api/enrolments/${late.id}/approve`).send({}), 409, 'DEADLINE_PASSED');
  });

  it("[Ambon agency admin] never sees Semarang's requests and cannot decide them", async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    expect(await queueIds(as.ambonAdmin)).not.toContain(request.id);
    expectApiError(await as.ambonAdmin.get('/api/approvals').query({ agencyId: world.semarang.agency.id }), 404, 'NOT_FOUND');
    const before = await snapshot(t.db);
    expectApiError(await as.ambonAdmin.post(`/api/enrolments/${request.id}/approve`).send({}), 404, 'NOT_FOUND');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('[platform admin] sees requests of every agency, or of the one named', async () => {
    const { agent } = await anEmployee();
    const course = await approvalCourse();
    const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
    expect(await queueIds(as.platform)).toContain(request.id);
    expect(await queueIds(as.platform, { agencyId: world.ambon.agency.id })).not.toContain(request.id);
    expect((await as.platform.post(`/api/enrolments/${request.id}/approve`).send({})).status).toBe(200);
  });

  it('[learner] without a unit to head sees an empty queue', async () => {
    const { agent } = await anEmployee();
    expect((await agent.get('/api/approvals')).body).toMatchObject({ items: [], total: 0 });
  });
});
