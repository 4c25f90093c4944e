import request from 'supertest';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { PASSWORD, aUser, anAgency } from './factories/builders';
import { expectApiError, sessionTokens, withTokens } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * SCORM content runs on another port of the same host, and the browser sends the session
 * cookies there too. These tests play such a page: it has the cookies but not the portal's origin.
 */
describe('origin checks', () => {
  let t: TestApp;
  let tokens: { access: string; refresh: string };
  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t.db).in(await anAgency(t.db)).create();
    tokens = sessionTokens(await t.anonymous().post('/api/auth/login').send({ identifier: user.email, password: PASSWORD }));
  });
  afterAll(() => t.close());

  const cookie = () => `asah_at=${tokens.access}; asah_rt=${tokens.refresh}`;
  const raw = () => request(t.app.getHttpServer());

  it('[portal] sends the portal header from the configured origin and is served', async () => {
    const res = await withTokens(t.app, tokens).get('/api/auth/me').set('Origin', 'http://localhost:3000').set('Sec-Fetch-Site', 'same-origin');
    expect(res.status).toBe(200);
    const post = await withTokens(t.app, tokens).post('/api/auth/refresh').set('Origin', 'http://localhost:3000');
    expect(post.status).toBe(204);
    tokens = sessionTokens(post);
  });

  it('[foreign page] posting with the session cookie but without the portal header is refused', async () => {
    const res = await raw().post('/api/auth/logout').set('Cookie', cookie());
    expectApiError(res, 403, 'ORIGIN_REJECTED');
    // The session survived the attempt.
    expect((await withTokens(t.app, tokens).get('/api/auth/me')).status).toBe(200);
  });

  it('[foreign page] from an origin that is not a portal is refused, even with the portal header', async () => {
    const res = await raw().post('/api/auth/password').set('Cookie', cookie()).set(CLIENT_HEADER, '1').set('Origin', 'http://localhost:9999')
      .send({ currentPassword: PASSWORD, newPassword: 'Dicuri-Orang-789' });
    expectApiError(res, 403, 'ORIGIN_REJECTED');
    const read = await raw().get('/api/auth/me').set('Cookie', cookie()).set('Origin', 'http://localhost:9999');
    expectApiError(read, 403, 'ORIGIN_REJECTED');
  });

  it('[SCORM content on another port] is refused even for a GET, as the browser labels it same-site', async () => {
    const res = await raw().get('/api/auth/me').set('Cookie', cookie()).set('Sec-Fetch-Site', 'same-site');
    expectApiError(res, 403, 'ORIGIN_REJECTED');
    expectApiError(await raw().get('/api/auth/me').set('Cookie', cookie()).set('Sec-Fetch-Site', 'cross-site'), 403, 'ORIGIN_REJECTED');
  });

  it('[anyone] without a session may read public routes from anywhere', async () => {
    const res = await raw().get('/api/health').set('Origin', 'http://localhost:9999').set('Sec-Fetch-Site', 'cross-site');
    expect(res.status).toBe(200);
  });

  it('[foreign page] cannot even attempt a sign-in without the portal header', async () => {
    expectApiError(await raw().post('/api/auth/login').send({ identifier: 'x@uji.go.id', password: 'whatever' }), 403, 'ORIGIN_REJECTED');
  });
});

describe('origin checks with PUBLIC_URL set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://asah.semarangkota.go.id', COOKIE_SECURE: 'false' });
  });
  afterAll(() => t.close());

  it('[portal] on the public address is served and localhost is no longer a portal origin', async () => {
    const user = await aUser(t.db).in(await anAgency(t.db)).create();
    const ok = await t.anonymous().post('/api/auth/login').set('Origin', 'https://asah.semarangkota.go.id').send({ identifier: user.email, password: PASSWORD });
    expect(ok.status).toBe(200);
    const refused = await t.anonymous().post('/api/auth/login').set('Origin', 'http://localhost:3000').send({ identifier: user.email, password: PASSWORD });
    expectApiError(refused, 403, 'ORIGIN_REJECTED');
  });
});
