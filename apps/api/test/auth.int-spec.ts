import { createHash } from 'node:crypto';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../src/common/auth/cookies';
import { PASSWORD, aUser, aWorld, anAgency } from './factories/builders';
import { expectApiError, sessionTokens, setCookies, withTokens } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const MAX_FAILURES = 3;
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-address limit is raised so that the per-identifier limit is what each test meets.
    t = await createTestApp({ LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_MAX_FAILURES_PER_IP: '1000' });
  });
  afterAll(() => t.close());

  const login = (identifier: string, password: string) => t.anonymous().post('/api/auth/login').send({ identifier, password });
  const withoutRequestId = ({ requestId: _ignored, ...body }: Record<string, unknown>) => body;

  describe('signing in', () => {
    it('[learner] signs in with a NIP typed with spaces and sees their profile', async () => {
      const agency = await anAgency(t.db);
      const user = await aUser(t.db).in(agency).withNip('198609262015051001').create();
      const agent = t.anonymous();
      const res = await agent.post('/api/auth/login').send({ identifier: '19860926 201505 1 001', password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: user.id, nip: '198609262015051001', agency: { id: agency.id } });
      const me = await agent.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(user.email);
    });

    it('[learner] signs in with the bare 18-digit NIP', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const res = await login(user.nip!, PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(user.id);
    });

    it('[learner] signs in with their email in any letter case', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).named('Sri Rahayu', 'sri.rahayu@semarangkota.go.id').create();
      const res = await login('  Sri.Rahayu@SemarangKota.GO.ID ', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(user.id);
    });

    it('[anyone] gets the same 401 for a wrong password as for an account that does not exist', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const wrongPassword = await login(user.email, 'not-the-password');
      const unknownAccount = await login('nobody@nowhere.go.id', 'not-the-password');
      expectApiError(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expectApiError(unknownAccount, 401, 'INVALID_CREDENTIALS');
      expect(withoutRequestId(wrongPassword.body)).toEqual(withoutRequestId(unknownAccount.body));
      expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    });

    it('[learner] gets session cookies that scripts cannot read and that stay on this site', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const cookies = setCookies(await login(user.email, PASSWORD));
      expect(cookies[ACCESS_COOKIE].attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api' });
      expect(cookies[REFRESH_COOKIE].attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/auth' });
    });
  });

  describe('too many failed attempts', () => {
    it(`[attacker] is stopped after ${MAX_FAILURES} wrong passwords, even when the next guess is right`, async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      for (let i = 0; i < MAX_FAILURES; i++) expectApiError(await login(user.nip!, `guess-${i}`), 401, 'INVALID_CREDENTIALS');
      // The spaced spelling of the same NIP counts against the same identifier.
      const res = await login(`${user.nip!.slice(0, 8)} ${user.nip!.slice(8)}`, PASSWORD);
      expectApiError(res, 429, 'TOO_MANY_ATTEMPTS');
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(res.body.details).toEqual({ retryAfterSeconds: retryAfter });
    });

    it('[attacker] is stopped the same way on an identifier no account has, so existence does not leak', async () => {
      const known = await aUser(t.db).in(await anAgency(t.db)).create();
      const ghost = 'hantu@nowhere.go.id';
      for (let i = 0; i < MAX_FAILURES; i++) {
        await login(ghost, `guess-${i}`);
        await login(known.email, `guess-${i}`);
      }
      const forGhost = await login(ghost, PASSWORD);
      const forKnown = await login(known.email, PASSWORD);
      expectApiError(forGhost, 429, 'TOO_MANY_ATTEMPTS');
      expectApiError(forKnown, 429, 'TOO_MANY_ATTEMPTS');
      expect(withoutRequestId(forGhost.body)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: forKnown.body.message });
      expect(forGhost.headers['retry-after']).toBeDefined();
    });

    it('[learner] who finally gets it right before the limit starts again from zero failures', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      for (let i = 0; i < MAX_FAILURES - 1; i++) await login(user.email, 'wrong-password');
      expect((await login(user.email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < MAX_FAILURES - 1; i++) await login(user.email, 'wrong-password');
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });
  });

  describe('inactive accounts', () => {
    it('[deactivated learner] learns the account is inactive only with the right password', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).inactive().create();
      expectApiError(await login(user.email, 'wrong-password'), 401, 'INVALID_CREDENTIALS');
      const res = await login(user.email, PASSWORD);
      expectApiError(res, 403, 'ACCOUNT_INACTIVE');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('[learner of a deactivated agency] cannot sign in', async () => {
      const agency = await anAgency(t.db, { active: false });
      const user = await aUser(t.db).in(agency).create();
      expectApiError(await login(user.email, PASSWORD), 403, 'ACCOUNT_INACTIVE');
    });
  });

  describe('sessions', () => {
    it('[learner] refreshes: both cookies are replaced and the new access token works', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = t.anonymous();
      const first = sessionTokens(await agent.post('/api/auth/login').send({ identifier: user.email, password: PASSWORD }));
      const refreshed = await agent.post('/api/auth/refresh');
      expect(refreshed.status).toBe(204);
      const second = sessionTokens(refreshed);
      expect(second.refresh).not.toBe(first.refresh);
      expect((await withTokens(t.app, { access: second.access }).get('/api/auth/me')).status).toBe(200);
      expect((await agent.get('/api/auth/me')).status).toBe(200);
    });

    it('[learner with two tabs] refreshes twice with the same token within the grace period and stays signed in', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const original = sessionTokens(await login(user.email, PASSWORD));
      const tabA = await withTokens(t.app, { refresh: original.refresh }).post('/api/auth/refresh');
      const tabB = await withTokens(t.app, { refresh: original.refresh }).post('/api/auth/refresh');
      expect([tabA.status, tabB.status]).toEqual([204, 204]);
      for (const tab of [tabA, tabB]) {
        expect((await withTokens(t.app, { access: sessionTokens(tab).access }).get('/api/auth/me')).status).toBe(200);
      }
    });

    it('[thief] replaying a used refresh token after the grace period ends the whole session', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = t.anonymous();
      const stolen = sessionTokens(await agent.post('/api/auth/login').send({ identifier: user.email, password: PASSWORD }));
      const current = sessionTokens(await agent.post('/api/auth/refresh'));
      // The owner used the stolen token a minute ago.
      await t.db.query(`UPDATE refresh_tokens SET used_at = now() - interval '60 seconds' WHERE token_hash = $1`, [sha256(stolen.refresh)]);

      expectApiError(await withTokens(t.app, { refresh: stolen.refresh }).post('/api/auth/refresh'), 401, 'SESSION_EXPIRED');

      expectApiError(await withTokens(t.app, { access: current.access }).get('/api/auth/me'), 401, 'UNAUTHENTICATED');
      expectApiError(await withTokens(t.app, { refresh: current.refresh }).post('/api/auth/refresh'), 401, 'SESSION_EXPIRED');
      const [session] = await t.db.query('SELECT revoked_at FROM sessions WHERE user_id = $1', [user.id]);
      expect(session.revoked_at).not.toBeNull();
    });

    it('[learner] logs out: the access token they held stops working at once', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = t.anonymous();
      const tokens = sessionTokens(await agent.post('/api/auth/login').send({ identifier: user.email, password: PASSWORD }));
      const out = await agent.post('/api/auth/logout');
      expect(out.status).toBe(204);
      expect(setCookies(out)[ACCESS_COOKIE].value).toBe('');
      expectApiError(await withTokens(t.app, tokens).get('/api/auth/me'), 401, 'UNAUTHENTICATED');
      expectApiError(await withTokens(t.app, tokens).post('/api/auth/refresh'), 401, 'SESSION_EXPIRED');
    });

    it('[anyone] refreshing without a refresh cookie is told to sign in again', async () => {
      expectApiError(await t.anonymous().post('/api/auth/refresh'), 401, 'SESSION_EXPIRED');
    });

    it('[anyone] with a forged access token is refused', async () => {
      expectApiError(await withTokens(t.app, { access: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' }).get('/api/auth/me'), 401, 'SESSION_EXPIRED');
    });
  });

  describe('changing the password', () => {
    it('[learner] giving a wrong current password is told which field is wrong', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = await t.signIn(user.email, PASSWORD);
      const res = await agent.post('/api/auth/password').send({ currentPassword: 'not-it', newPassword: 'Baru-Sekali-456' });
      expectApiError(res, 400, 'WRONG_PASSWORD', 'currentPassword');
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });

    it('[learner] changes the password: other sessions end, this one goes on', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const here = await t.signIn(user.email, PASSWORD);
      const elsewhere = await t.signIn(user.email, PASSWORD);
      const res = await here.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'Baru-Sekali-456' });
      expect(res.status).toBe(204);

      expect((await here.get('/api/auth/me')).status).toBe(200);
      expect((await here.post('/api/auth/refresh')).status).toBe(204);
      expectApiError(await elsewhere.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
      expectApiError(await elsewhere.post('/api/auth/refresh'), 401, 'SESSION_EXPIRED');
      expectApiError(await login(user.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect((await login(user.email, 'Baru-Sekali-456')).status).toBe(200);
    });

    it('[learner] must pick a new password different from the current one', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = await t.signIn(user.email, PASSWORD);
      expectApiError(await agent.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: PASSWORD }), 400, 'VALIDATION_FAILED', 'newPassword');
    });
  });

  describe('what admins do to a session', () => {
    it('[agency admin] resets a password: the temporary one works, must be changed, and old sessions end', async () => {
      const { semarang } = await aWorld(t.db);
      const learnerSession = await t.signIn(semarang.learner.email, PASSWORD);
      const admin = await t.signIn(semarang.admin.email, PASSWORD);

      const reset = await admin.post(`/api/users/${semarang.learner.id}/reset-password`);
      expect(reset.status).toBe(200);
      expect(reset.body.temporaryPassword).toEqual(expect.any(String));

      expectApiError(await learnerSession.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
      expectApiError(await login(semarang.learner.email, PASSWORD), 401, 'INVALID_CREDENTIALS');
      const signedIn = await login(semarang.learner.email, reset.body.temporaryPassword);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.mustChangePassword).toBe(true);
    });

    it('[agency admin] deactivates a learner: the learner\'s open session stops working at once', async () => {
      const { semarang } = await aWorld(t.db);
      const learnerSession = await t.signIn(semarang.learner.email, PASSWORD);
      const admin = await t.signIn(semarang.admin.email, PASSWORD);
      expect((await admin.patch(`/api/users/${semarang.learner.id}`).send({ active: false })).status).toBe(200);
      expectApiError(await learnerSession.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    });

    it('[learner] deactivated behind the API\'s back (directly in the database) is refused on the next request', async () => {
      const user = await aUser(t.db).in(await anAgency(t.db)).create();
      const agent = await t.signIn(user.email, PASSWORD);
      await t.db.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
      expectApiError(await agent.get('/api/auth/me'), 403, 'ACCOUNT_INACTIVE');
    });

    it('[platform admin] deactivates an agency: its people are refused on their next request', async () => {
      const { platformAdmin, semarang, ambon } = await aWorld(t.db);
      const semarangLearner = await t.signIn(semarang.learner.email, PASSWORD);
      const ambonLearner = await t.signIn(ambon.learner.email, PASSWORD);
      const platform = await t.signIn(platformAdmin.email, PASSWORD);
      expect((await platform.patch(`/api/agencies/${semarang.agency.id}`).send({ active: false })).status).toBe(200);
      expectApiError(await semarangLearner.get('/api/auth/me'), 403, 'ACCOUNT_INACTIVE');
      expect((await ambonLearner.get('/api/auth/me')).status).toBe(200);
    });
  });
});

describe('auth, limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_IP: '3' });
  });
  afterAll(() => t.close());

  it('[attacker] spraying guesses over many identifiers from one address is stopped', async () => {
    const user = await aUser(t.db).in(await anAgency(t.db)).create();
    for (let i = 0; i < 3; i++) {
      await t.anonymous().post('/api/auth/login').send({ identifier: `orang${i}@uji.go.id`, password: 'guess' });
    }
    const res = await t.anonymous().post('/api/auth/login').send({ identifier: user.email, password: PASSWORD });
    expectApiError(res, 429, 'TOO_MANY_ATTEMPTS');
  });
});
