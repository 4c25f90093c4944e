import { PASSWORD, aUser, anAgency } from './factories/builders';
import { createTestApp, TestApp } from './support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('[learner] signs in with a NIP typed with spaces and sees their profile', async () => {
    const agency = await anAgency(t.db);
    const user = await aUser(t.db).in(agency).withNip('198609262015051001').create();
    const agent = t.anonymous();
    const login = await agent.post('/api/auth/login').send({ identifier: '19860926 201505 1 001', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ id: user.id, nip: '198609262015051001', agency: { id: agency.id } });
    const cookies = login.headers['set-cookie'] as unknown as string[];
    expect(cookies.join(';')).toMatch(/asah_at=.*HttpOnly/);
    expect(cookies.join(';')).toMatch(/SameSite=Strict/);
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(user.email);
  });
});
