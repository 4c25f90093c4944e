import { checkNip } from '@asah/contracts/nip';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from '../src/modules/seed/demo-data';
import { DEMO_COURSE, DEMO_UNIT_HEADS } from '../src/modules/seed/demo-learning';
import { DemoSeeder } from '../src/modules/seed/demo-seeder';
import { anAgency } from './factories/builders';
import { snapshot } from './support/db-snapshot';
import { createTestApp, TestApp } from './support/test-app';

describe('demo seed', () => {
  let t: TestApp;
  let seeded: boolean;
  beforeAll(async () => {
    t = await createTestApp();
    seeded = await t.app.get(DemoSeeder).seedIfEmpty();
  });
  afterAll(() => t.close());

  const login = (identifier: string) => t.anonymous().post('/api/auth/login').send({ identifier, password: DEMO_PASSWORD });

  it('[newcomer] starting on an empty database gets both demo agencies with their structure and people', async () => {
    expect(seeded).toBe(true);

    const agencies = await t.db.query('SELECT code, id FROM agencies ORDER BY code');
    expect(agencies.map((a: { code: string }) => a.code)).toEqual(DEMO_AGENCIES.map((a) => a.code).sort());
    for (const demo of DEMO_AGENCIES) {
      const { id } = agencies.find((a: { code: string }) => a.code === demo.code);
      const [{ units, positions, users }] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM units WHERE agency_id = $1) AS units,
                (SELECT count(*)::int FROM positions WHERE agency_id = $1) AS positions,
                (SELECT count(*)::int FROM users WHERE agency_id = $1) AS users`,
        [id],
      );
      expect({ agency: demo.code, units, positions, users }).toEqual({ agency: demo.code, units: demo.units.length, positions: demo.positions.length, users: demo.users.length });
    }
    const platformAdmins = await t.db.query(`SELECT email, agency_id FROM users WHERE 'platform_admin' = ANY(roles)`);
    expect(platformAdmins).toEqual([{ email: DEMO_PLATFORM_ADMIN.email, agency_id: null }]);
    const [child] = await t.db.query(`SELECT p.code AS parent FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'DINKES-YANKES'`);
    expect(child.parent).toBe('DINKES');
  });

  it('[newcomer] signs in with every demo account printed at start', async () => {
    expect((await login(DEMO_PLATFORM_ADMIN.email)).status).toBe(200);
    for (const user of DEMO_AGENCIES.flatMap((a) => a.users)) {
      const res = await login(user.email);
      expect({ email: user.email, status: res.status }).toEqual({ email: user.email, status: 200 });
      expect(res.body.roles).toEqual(user.roles);
    }
    const byNip = await login(DEMO_AGENCIES[0].users[2].nip!);
    expect(byNip.status).toBe(200);
    expect(byNip.body.unit.path).toEqual(['Dinas Kesehatan', 'Bidang Pelayanan Kesehatan']);
  });

  it('[newcomer] finds unit heads and a classroom course with a cohort, its instructor, a session next week and participants', async () => {
    for (const h of DEMO_UNIT_HEADS) {
      const [row] = await t.db.query(
        `SELECT h.email FROM units u JOIN agencies a ON a.id = u.agency_id JOIN users h ON h.id = u.head_user_id WHERE a.code = $1 AND u.code = $2`,
        [h.agency, h.unit],
      );
      expect({ unit: h.unit, head: row?.email }).toEqual({ unit: h.unit, head: h.head });
    }

    const admin = await t.signIn(DEMO_AGENCIES[0].users[0].email, DEMO_PASSWORD);
    const courses = await admin.get('/api/courses').query({ q: DEMO_COURSE.code });
    expect(courses.status).toBe(200);
    const [course] = courses.body.items;
    expect(course).toMatchObject({ code: DEMO_COURSE.code, title: DEMO_COURSE.title, status: 'published', deliveryMode: 'klasikal', jp: DEMO_COURSE.jp });

    const cohorts = await admin.get(`/api/courses/${course.id}/cohorts`);
    expect(cohorts.body.items).toHaveLength(1);
    const [cohort] = cohorts.body.items;
    expect(cohort).toMatchObject({ name: DEMO_COURSE.cohort.name, capacity: DEMO_COURSE.cohort.capacity, seatsTaken: DEMO_COURSE.participants.length, state: 'open' });
    expect(cohort.instructors.map((i: { name: string }) => i.name)).toEqual(['Dr. Hendra Kusuma, M.Pd.']);
    expect(cohort.startsOn > new Date().toISOString().slice(0, 10)).toBe(true);

    const detail = await admin.get(`/api/courses/${course.id}`);
    const activity = detail.body.sections[0].activities[0];
    const sessions = await admin.get(`/api/courses/${course.id}/activities/${activity.id}/sessions`);
    expect(sessions.body.items).toEqual([expect.objectContaining({ title: DEMO_COURSE.session.title, cohortId: cohort.id, expectedCount: DEMO_COURSE.participants.length, presentCount: 0 })]);

    // Signed in as the demo instructor, the course is in his list (he teaches it, not only its cohort).
    const instructor = await t.signIn(DEMO_COURSE.instructor, DEMO_PASSWORD);
    const taught = await instructor.get('/api/courses');
    expect(taught.body.items.map((c: { code: string }) => c.code)).toEqual([DEMO_COURSE.code]);
  });

  it('[newcomer] finds position standards, a demo learner with competency gaps and the demo course recommended for one', async () => {
    const budi = await t.signIn('budi.santoso@semarangkota.go.id', DEMO_PASSWORD);
    const profile = (await budi.get('/api/me/competency-profile')).body;
    const item = (code: string) => profile.items.find((i: { competency: { code: string } }) => i.competency.code === code);
    expect(item('M.05')).toMatchObject({ currentLevel: 1, current: { requiredLevel: 2, severity: 'minor' } });
    expect(item('M.05').recommendations).toEqual([expect.objectContaining({ code: DEMO_COURSE.code, closesGap: true })]);
    expect(profile.summary.needsDevelopment).toBeGreaterThanOrEqual(2);
    // The competency e2e journey imports Budi's M.01 and M.02 itself.
    expect(item('M.01').currentLevel).toBeNull();

    const admin = await t.signIn(DEMO_AGENCIES[0].users[0].email, DEMO_PASSWORD);
    const grid = (await admin.get('/api/competency/standards')).body;
    const dokter = grid.rows.find((r: { position: { code: string } }) => r.position.code === 'DOKTER-PERTAMA');
    expect(dokter.cells.filter((c: { origin: string }) => c.origin === 'position')).toHaveLength(10);
  });

  it('[newcomer] issues a certificate with the default template of a demo agency', async () => {
    const admin = DEMO_AGENCIES[0].users.find((u) => u.roles.includes('agency_admin'))!;
    const agent = t.anonymous();
    await agent.post('/api/auth/login').send({ identifier: admin.email, password: DEMO_PASSWORD }).expect(200);
    const templates = await agent.get('/api/certificate-templates');
    expect(templates.body.items.map((i: { name: string }) => i.name)).toEqual(['Sertifikat Standar']);
    const [{ id: courseId }] = await t.db.query(`SELECT c.id FROM courses c JOIN agencies a ON a.id = c.agency_id WHERE a.code = $1 LIMIT 1`, [DEMO_AGENCIES[0].code]);
    const [{ id: userId }] = await t.db.query(`SELECT u.id FROM users u JOIN agencies a ON a.id = u.agency_id WHERE a.code = $1 AND NOT ('agency_admin' = ANY(u.roles)) LIMIT 1`, [DEMO_AGENCIES[0].code]);
    const issued = await agent.post('/api/certificates').send({ courseId, userId, templateId: templates.body.items[0].id });
    expect(issued.status).toBe(201);
    expect((await t.anonymous().get(`/api/verify/${issued.body.verificationCode}`)).body.status).toBe('valid');
  });

  it('[operator] restarting seeds nothing a second time', async () => {
    const before = await snapshot(t.db);
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBe(false);
    const { sessions: _s, refresh_tokens: _r, ...after } = await snapshot(t.db);
    const { sessions: _s2, refresh_tokens: _r2, ...expected } = before;
    expect(after).toEqual(expected);
  });

  it('[domain] every demo NIP is a valid NIP of the right employment type', () => {
    for (const user of DEMO_AGENCIES.flatMap((a) => a.users)) {
      const checked = checkNip(user.nip!);
      expect({ nip: user.nip, ok: checked.ok }).toEqual({ nip: user.nip, ok: true });
      if (checked.ok) expect({ nip: user.nip, pppk: checked.nip.pppk }).toEqual({ nip: user.nip, pppk: user.type === 'PPPK' });
    }
  });
});

describe('demo seed on a database in use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[operator] a database that already has an agency is left alone', async () => {
    await anAgency(t.db);
    const before = await snapshot(t.db);
    expect(await t.app.get(DemoSeeder).seedIfEmpty()).toBe(false);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('[operator] two processes starting together seed once', async () => {
    await t.db.query('DELETE FROM agencies');
    const results = await Promise.all([t.app.get(DemoSeeder).seedIfEmpty(), t.app.get(DemoSeeder).seedIfEmpty()]);
    expect(results.sort()).toEqual([false, true]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM agencies'))[0].n).toBe(DEMO_AGENCIES.length);
  });
});
