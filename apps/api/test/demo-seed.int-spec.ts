import { checkNip } from '@asah/contracts/nip';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from '../src/modules/seed/demo-data';
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
