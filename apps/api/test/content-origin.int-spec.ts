import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { BuiltCourse, PASSWORD, aCourse, aPureInstructor, aWorld } from './factories/builders';
import { A_PNG, configOf, contentOrigin, pathOf, sample, signFor, treeOf, uploadPackage } from './support/content';
import { expectApiError, sessionTokens } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const LAUNCH_PAGE = 'shared/launchpage.html';

/**
 * The content origin: what a browser gets for package files, files, videos and covers, and what
 * it does not get (API sessions, other versions, expired links, cross-site framing).
 */
describe('content origin', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let instructor: TestAgent;
  let built: BuiltCourse;
  let version: { id: string };
  /** `asah_content=...` for `version`, as the browser keeps it after the launch redirect. */
  let cookie: string;
  const origin = () => contentOrigin(t.app);
  const activityPath = (b: BuiltCourse, i = 0) => `/api/courses/${b.course.id}/activities/${b.activities[i]!.id}`;
  const launchCookie = async (b: BuiltCourse, body: object = {}) => {
    const launch = await instructor.post(`${activityPath(b)}/launch`).send(body);
    const redirect = await origin().get(pathOf(launch.body.url));
    return { redirect, cookie: redirect.headers['set-cookie']![0]!.split(';')[0]! };
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    built = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').withActivity('file').withActivity('video').taughtBy(world.semarang.instructor).create();
    version = (await uploadPackage(instructor, built.course.id, built.activities[0]!.id, sample('golf-scorm2004-3rd-runtime-basic-calls.zip'))).body;
    ({ cookie } = await launchCookie(built));
  });
  afterAll(() => t.close());

  describe('launch', () => {
    it('[instructor] the launch link sets an httpOnly cookie for this version only and redirects to the launch page', async () => {
      const launch = await instructor.post(`${activityPath(built)}/launch`).send({});
      expect(launch.body.url.startsWith(`${configOf(t.app).content.publicUrl}/launch?t=`)).toBe(true);
      expect(new Date(launch.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(120_000);
      const res = await origin().get(pathOf(launch.body.url));
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`/v/${version.id}/${LAUNCH_PAGE}`);
      expect(res.headers['cache-control']).toBe('no-store');
      const set = res.headers['set-cookie']![0]!;
      expect(set).toMatch(/^asah_content=[\w-]+\.[\w-]+; /);
      expect(set).toContain(`Path=/v/${version.id}/;`);
      expect(set).toMatch(/HttpOnly/);
      expect(set).toMatch(/SameSite=Lax/);
      expect(set).toContain('Max-Age=28800');
    });

    it('[anyone] a forged, expired or wrong-kind launch token is refused', async () => {
      const expired = signFor(t.app, { kind: 'launch', versionId: version.id, userId: world.semarang.instructor.id, path: LAUNCH_PAGE, exp: Math.floor(Date.now() / 1000) - 1 });
      for (const token of [expired, 'abc.def', signFor(t.app, { kind: 'package', versionId: version.id, userId: 'u', exp: 2e9 })]) {
        const res = await origin().get(`/launch?t=${token}`);
        expect(res.status).toBe(403);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('[hostile manifest] a launch path cannot leave the version folder', async () => {
      const token = signFor(t.app, { kind: 'launch', versionId: version.id, userId: 'u', path: '../../../f/x/y?t=1', exp: 2e9 });
      const res = await origin().get(`/launch?t=${token}`);
      expect(res.headers.location).toBe(`/v/${version.id}/`);
    });
  });

  describe('package files', () => {
    it('[learner\'s browser] gets the page with its type, a strong ETag, a year of private caching and nosniff', async () => {
      const res = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html');
      expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.text).toContain('<html');
    });

    it('[learner\'s browser] gets scripts, styles and XML with their MIME types', async () => {
      const types: Record<string, RegExp> = { 'shared/scormfunctions.js': /^text\/javascript/, 'shared/style.css': /^text\/css/, 'imsmanifest.xml': /^application\/xml/ };
      for (const [path, type] of Object.entries(types)) {
        const res = await origin().get(`/v/${version.id}/${path}`).set('Cookie', cookie);
        expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({ path, status: 200, type: expect.stringMatching(type) });
      }
    });

    it('[learner\'s browser] revalidates with If-None-Match and gets 304', async () => {
      const first = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      const again = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie).set('If-None-Match', first.headers.etag!);
      expect(again.status).toBe(304);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.text ?? '').toBe('');
    });

    it('[learner\'s browser] asks for a byte range and gets 206; an impossible one gets 416', async () => {
      const whole = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      const size = Number(whole.headers['content-length']);
      const part = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie).set('Range', 'bytes=0-9');
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 0-9/${size}`);
      expect(part.text).toBe(whole.text.slice(0, 10));
      const tail = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie).set('Range', 'bytes=-5');
      expect(tail.text).toBe(whole.text.slice(-5));
      const beyond = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie).set('Range', `bytes=${size}-`);
      expect(beyond.status).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${size}`);
    });

    it('[learner\'s browser] HEAD answers the headers without a body', async () => {
      const res = await origin().head(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
      expect(res.text ?? '').toBe('');
    });

    it('[portal] may frame the content; other sites may not', async () => {
      const res = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'self' http://localhost:3000 http://127.0.0.1:3000");
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('[anyone] without the cookie is refused with 403, even for a file that exists', async () => {
      const res = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`);
      expect(res.status).toBe(403);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    });

    it('[signed-in viewer] the API session cookies open nothing here', async () => {
      const login = await t.anonymous().post('/api/auth/login').send({ identifier: world.semarang.instructor.email, password: PASSWORD });
      const { access, refresh } = sessionTokens(login);
      const res = await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', `asah_at=${access}; asah_rt=${refresh}`);
      expect(res.status).toBe(403);
    });

    it('[viewer] an expired content cookie is refused', async () => {
      const expired = signFor(t.app, { kind: 'package', versionId: version.id, userId: world.semarang.instructor.id, exp: Math.floor(Date.now() / 1000) - 1 });
      expect((await origin().get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', `asah_content=${expired}`)).status).toBe(403);
    });

    it('[viewer] the cookie of one version does not open another', async () => {
      const other = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).create();
      const v2 = (await uploadPackage(instructor, other.course.id, other.activities[0]!.id, sample('golf-scorm12-runtime-basic-calls.zip'))).body;
      expect((await origin().get(`/v/${v2.id}/${LAUNCH_PAGE}`).set('Cookie', cookie)).status).toBe(403);
      // Holding both (two launches, two paths), each version still gets only its own.
      const { cookie: second } = await launchCookie(other);
      expect((await origin().get(`/v/${v2.id}/${LAUNCH_PAGE}`).set('Cookie', `${cookie}; ${second}`)).status).toBe(200);
    });

    it('[viewer] paths that try to leave the version are not served', async () => {
      for (const path of [`/v/${version.id}/..%2F..%2Fjwt-secret`, `/v/${version.id}/%2e%2e/%2e%2e/jwt-secret`, `/v/${version.id}/shared%5C..%5Cimsmanifest.xml`, `/v/${version.id}/`]) {
        const res = await origin().get(path).set('Cookie', cookie);
        expect({ path, refused: [400, 403, 404].includes(res.status) }).toEqual({ path, refused: true });
      }
    });

    it('[anyone] writing is not possible: only GET and HEAD', async () => {
      for (const method of ['post', 'put', 'delete'] as const) {
        const res = await origin()[method](`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
      }
    });

    it('[anyone] unknown places are 404', async () => {
      expect((await origin().get('/')).status).toBe(404);
      expect((await origin().get('/api/auth/me')).status).toBe(404);
    });
  });

  describe('separation from the API', () => {
    it('[package script] calling the API from the content origin with the viewer\'s cookies is refused', async () => {
      const login = await t.anonymous().post('/api/auth/login').send({ identifier: world.semarang.instructor.email, password: PASSWORD });
      const { access, refresh } = sessionTokens(login);
      const contentOrigin = configOf(t.app).content.origin;
      const api = () => request(t.app.getHttpServer());
      // What a browser sends for fetch('http://localhost:3000/api/...', { credentials: 'include' }) from a package.
      const read = await api().get('/api/auth/me').set('Cookie', `asah_at=${access}; asah_rt=${refresh}`).set('Origin', contentOrigin).set('Sec-Fetch-Site', 'same-site');
      expectApiError(read, 403, 'ORIGIN_REJECTED');
      const write = await api()
        .post(`${activityPath(built)}/launch`)
        .set('Cookie', `asah_at=${access}`)
        .set(CLIENT_HEADER, '1')
        .set('Origin', contentOrigin)
        .send({});
      expectApiError(write, 403, 'ORIGIN_REJECTED');
      // A navigation or no-cors request carries no Origin, but the browser still says same-site.
      expectApiError(await api().get('/api/courses').set('Cookie', `asah_at=${access}`).set('Sec-Fetch-Site', 'same-site'), 403, 'ORIGIN_REJECTED');
    });

    it('[anyone] the API origin never serves package files', async () => {
      const res = await request(t.app.getHttpServer()).get(`/v/${version.id}/${LAUNCH_PAGE}`).set('Cookie', cookie);
      expect(res.text ?? '').not.toContain('scormfunctions');
      expect(res.status).not.toBe(206);
      const api = await request(t.app.getHttpServer()).get(`/api/v/${version.id}/${LAUNCH_PAGE}`);
      expect(api.status).toBe(404);
    });

    it('[portal] the portal pages allow framing, images and video from the content origin only', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/health');
      const csp = res.headers['content-security-policy'] as string;
      const contentOrigin = configOf(t.app).content.origin;
      expect(csp).toContain(`frame-src 'self' ${contentOrigin}`);
      expect(csp).toContain(`media-src 'self' ${contentOrigin}`);
      expect(csp).toContain(`img-src 'self' data: ${contentOrigin}`);
    });
  });

  describe('files and videos', () => {
    it('[instructor] uploads a PDF to a file activity; the signed link serves it inline', async () => {
      const up = await instructor.post(`${activityPath(built, 1)}/file`).attach('file', Buffer.from('%PDF-1.7 materi pelatihan'), 'Materi Pelatihan.pdf');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ kind: 'file', fileName: 'Materi Pelatihan.pdf', contentType: 'application/pdf', sizeBytes: 25 });
      expect((await instructor.get(`${activityPath(built, 1)}/file`)).body.file.id).toBe(up.body.id);
      const launch = await instructor.post(`${activityPath(built, 1)}/launch`).send({});
      expect(launch.body).toMatchObject({ kind: 'file', versionId: null });
      const res = await origin().get(pathOf(launch.body.url));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe("inline; filename*=UTF-8''Materi%20Pelatihan.pdf");
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      // Without the token, or with another file's, nothing.
      const bare = pathOf(launch.body.url).split('?')[0]!;
      expect((await origin().get(bare)).status).toBe(403);
      const otherToken = signFor(t.app, { kind: 'file', fileId: '00000000-0000-4000-8000-000000000000', userId: 'u', exp: 2e9 });
      expect((await origin().get(`${bare}?t=${otherToken}`)).status).toBe(403);
    });

    it('[instructor] an HTML file is served as a download, never rendered', async () => {
      await instructor.post(`${activityPath(built, 1)}/file`).attach('file', Buffer.from('<script>alert(1)</script>'), 'halaman.html');
      const launch = await instructor.post(`${activityPath(built, 1)}/launch`).send({});
      const res = await origin().get(pathOf(launch.body.url));
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('[learner\'s browser] seeks in a video with range requests', async () => {
      const video = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(100_000, 7)]);
      const up = await instructor.post(`${activityPath(built, 2)}/file`).attach('file', video, 'rekaman');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ kind: 'video', fileName: 'rekaman.mp4', contentType: 'video/mp4' });
      const launch = await instructor.post(`${activityPath(built, 2)}/launch`).send({});
      expect(launch.body.kind).toBe('video');
      const res = await origin().get(pathOf(launch.body.url)).set('Range', 'bytes=50000-50099');
      expect(res.status).toBe(206);
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.headers['content-range']).toBe(`bytes 50000-50099/${video.length}`);
      expect(Number(res.headers['content-length'])).toBe(100);
    });

    it('[instructor] a file that is not a playable video is refused for a video activity, and nothing is kept', async () => {
      const tree = treeOf(configOf(t.app).dataDir);
      const res = await instructor.post(`${activityPath(built, 2)}/file`).attach('file', Buffer.from('bukan video'), 'video.mp4');
      expectApiError(res, 400, 'UPLOAD_INVALID', 'file');
      expect(treeOf(configOf(t.app).dataDir)).toEqual(tree);
    });

    it('[instructor] a file goes to a file or video activity only', async () => {
      expectApiError(await instructor.post(`${activityPath(built, 0)}/file`).attach('file', Buffer.from('x'), 'x.txt'), 409, 'ACTIVITY_TYPE_MISMATCH');
    });
  });

  describe('cover images', () => {
    it('[instructor] uploads a PNG cover; it is public and immutable on the content origin', async () => {
      const res = await instructor.post(`/api/courses/${built.course.id}/cover`).attach('file', A_PNG, 'sampul.png');
      expect(res.status).toBe(201);
      expect(res.body.key).toMatch(/^covers\/[0-9a-f-]{36}\/sampul\.png$/);
      const [{ cover_image_key }] = await t.db.query('SELECT cover_image_key FROM courses WHERE id = $1', [built.course.id]);
      expect(cover_image_key).toBe(res.body.key);
      const image = await origin().get(pathOf(res.body.url));
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('[instructor] a new cover replaces the old one, whose file is removed', async () => {
      const first = (await instructor.post(`/api/courses/${built.course.id}/cover`).attach('file', A_PNG, 'satu.png')).body;
      const second = (await instructor.post(`/api/courses/${built.course.id}/cover`).attach('file', A_PNG, 'dua.png')).body;
      expect((await origin().get(pathOf(first.url))).status).toBe(404);
      expect((await origin().get(pathOf(second.url))).status).toBe(200);
      expect((await instructor.delete(`/api/courses/${built.course.id}/cover`)).status).toBe(204);
      expect((await origin().get(pathOf(second.url))).status).toBe(404);
    });

    it('[instructor] an SVG, or anything that only claims to be an image, is refused', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      expectApiError(await instructor.post(`/api/courses/${built.course.id}/cover`).attach('file', svg, { filename: 'sampul.png', contentType: 'image/png' }), 400, 'UPLOAD_INVALID');
    });

    it('[instructor] a cover over 5 MiB is refused with 413', async () => {
      const big = Buffer.concat([A_PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const res = await instructor.post(`/api/courses/${built.course.id}/cover`).attach('file', big, 'besar.png');
      expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('who may upload and launch', () => {
    it('[another agency\'s instructor] cannot upload to or launch the course: 404', async () => {
      const ambon = await t.signIn(world.ambon.instructor.email, PASSWORD);
      expectApiError(await uploadPackage(ambon, built.course.id, built.activities[0]!.id, sample('golf-scorm12-runtime-basic-calls.zip')), 404, 'NOT_FOUND');
      expectApiError(await ambon.post(`${activityPath(built)}/launch`).send({}), 404, 'NOT_FOUND');
      expectApiError(await ambon.get(`${activityPath(built)}/package/versions`), 404, 'NOT_FOUND');
    });

    it('[instructor of the same agency not assigned to the course] cannot either: 404', async () => {
      const other = await t.signIn((await aPureInstructor(t.db, world.semarang)).email, PASSWORD);
      expectApiError(await uploadPackage(other, built.course.id, built.activities[0]!.id, sample('golf-scorm12-runtime-basic-calls.zip')), 404, 'NOT_FOUND');
      expectApiError(await other.post(`${activityPath(built)}/launch`).send({}), 404, 'NOT_FOUND');
    });

    it('[agency admin and platform admin] may preview the package', async () => {
      for (const email of [world.semarang.admin.email, world.platformAdmin.email]) {
        const agent = await t.signIn(email, PASSWORD);
        const res = await agent.post(`${activityPath(built)}/launch`).send({});
        expect({ email, status: res.status }).toEqual({ email, status: 200 });
      }
    });

    it('[learner] without a place in the course cannot launch: 404 (enrolled learners: enrolments.int-spec.ts)', async () => {
      const learner = await t.signIn(world.semarang.learner.email, PASSWORD);
      expectApiError(await learner.post(`${activityPath(built)}/launch`).send({}), 404, 'NOT_FOUND');
    });
  });
});
