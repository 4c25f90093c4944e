import type TestAgent from 'supertest/lib/agent';
import { ZCourseProgress } from '@asah/contracts/tracking';
import { LearningController } from '../src/modules/tracking/learning.controller';
import { PASSWORD, aCourse, aUser, aWorld, anEnrolment } from './factories/builders';
import { expectApiError, sessionTokens, withTokens } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * The fast lane (common/http/fast-lane.ts) answers the learner's course progress before Nest's
 * pipeline. A query string sends the same request through Nest instead, so each case is asked
 * both ways and must get the same answer; the controller spy shows which way each went.
 */
describe('fast lane: the learner course progress', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let nestCalls: jest.SpyInstance;

  beforeAll(async () => {
    // Before the app exists: Nest takes the handler, and its route metadata, from the prototype.
    const original = LearningController.prototype.course;
    nestCalls = jest.spyOn(LearningController.prototype, 'course');
    for (const key of Reflect.getMetadataKeys(original)) Reflect.defineMetadata(key, Reflect.getMetadata(key, original), LearningController.prototype.course);
    t = await createTestApp();
    world = await aWorld(t.db);
  });
  afterAll(() => t.close());
  beforeEach(() => nestCalls.mockClear());


  /** The fast answer and the Nest answer of one request, with the error request ids taken out. */
  async function bothWays(agent: Pick<TestAgent, 'get'>, path: string) {
    nestCalls.mockClear();
    const fast = await agent.get(path);
    expect(nestCalls).not.toHaveBeenCalled();
    const nest = await agent.get(`${path}?via=nest`);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: body.requestId ? 'id' : undefined });
    expect({ status: fast.status, body: strip(fast.body) }).toEqual({ status: nest.status, body: strip(nest.body) });
    return fast;
  }

  async function aLearnerIn(activities: number) {
    const builder = aCourse(t.db).in(world.semarang.agency).taughtBy(world.semarang.instructor).published();
    for (let i = 0; i < activities; i += 1) builder.withActivity('page');
    const built = await builder.create();
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    await anEnrolment(t.db).of(user).in(built.course).create();
    return { courseId: built.course.id, activityIds: built.activities.map((a) => a.id), user, agent: await t.signIn(user.email, PASSWORD) };
  }

  it('answers the same progress as the Nest route, for a course with activities and one with none', async () => {
    const { courseId, activityIds, agent } = await aLearnerIn(2);
    const res = await bothWays(agent, `/api/learning/courses/${courseId}/progress`);
    expect(res.status).toBe(200);
    const progress = ZCourseProgress.parse(res.body);
    expect(progress).toMatchObject({ courseId, percent: 0, resumeActivityId: activityIds[0] });
    expect(progress.activities.map((a) => a.activityId)).toEqual(activityIds);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const empty = await aLearnerIn(0);
    const none = await bothWays(empty.agent, `/api/learning/courses/${empty.courseId}/progress`);
    expect(ZCourseProgress.parse(none.body)).toMatchObject({ courseId: empty.courseId, percent: 0, activities: [], resumeActivityId: null });
  });

  it('refuses as the pipeline does: no session, ended session, wrong role, cross-site, bad id, no place', async () => {
    const { courseId, user } = await aLearnerIn(1);
    const path = `/api/learning/courses/${courseId}/progress`;

    expectApiError(await bothWays(withTokens(t.app, {}), path), 401, 'UNAUTHENTICATED');
    expectApiError(await bothWays(withTokens(t.app, { access: 'not-a-jwt' }), path), 401, 'SESSION_EXPIRED');

    const login = await t.anonymous().post('/api/auth/login').send({ identifier: user.email, password: PASSWORD });
    const tokens = sessionTokens(login);
    expect((await withTokens(t.app, tokens).get(path)).status).toBe(200);
    expect((await withTokens(t.app, tokens).post('/api/auth/logout')).status).toBe(204);
    expectApiError(await bothWays(withTokens(t.app, tokens), path), 401, 'UNAUTHENTICATED');
    // The session before the params, as in the pipeline: an ended session with a bad id is still 401.
    expectApiError(await bothWays(withTokens(t.app, tokens), '/api/learning/courses/not-a-uuid/progress'), 401, 'UNAUTHENTICATED');

    const platformAdmin = await t.signIn(world.platformAdmin.email, PASSWORD);
    expectApiError(await bothWays(platformAdmin, path), 403, 'FORBIDDEN');

    const learner = await t.signIn(user.email, PASSWORD);
    const crossSite = { get: (url: string) => learner.get(url).set('Sec-Fetch-Site', 'same-site') };
    expectApiError(await bothWays(crossSite, path), 403, 'ORIGIN_REJECTED');

    expectApiError(await bothWays(learner, '/api/learning/courses/not-a-uuid/progress'), 400, 'VALIDATION_FAILED', 'courseId');
    // A malformed escape: Express's router answers a bare 400; the fast lane names the field.
    expectApiError(await learner.get('/api/learning/courses/%E0%A4%A/progress'), 400, 'VALIDATION_FAILED', 'courseId');

    const other = await aLearnerIn(1);
    expectApiError(await bothWays(learner, `/api/learning/courses/${other.courseId}/progress`), 404, 'NOT_FOUND');
  });

  it('refuses an inactive account or agency at once, with the session read in the same statement', async () => {
    const { courseId, user, agent } = await aLearnerIn(1);
    const path = `/api/learning/courses/${courseId}/progress`;
    const pool = (t.db.driver as unknown as { master: { query: (...args: unknown[]) => unknown } }).master;
    const statements = jest.spyOn(pool, 'query');
    try {
      expect((await agent.get(path)).status).toBe(200);
      // One round trip: the session, the roles and the progress in one statement.
      expect(statements).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
    }

    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    expectApiError(await bothWays(agent, path), 403, 'ACCOUNT_INACTIVE');
    await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [user.id]);
    expect((await agent.get(path)).status).toBe(200);

    await t.db.query(`UPDATE agencies SET active = false WHERE id = $1`, [user.agencyId]);
    try {
      expectApiError(await bothWays(agent, path), 403, 'ACCOUNT_INACTIVE');
    } finally {
      await t.db.query(`UPDATE agencies SET active = true WHERE id = $1`, [user.agencyId]);
    }
  });

  it('leaves other methods and paths to Nest', async () => {
    const { courseId, agent } = await aLearnerIn(1);
    const res = await agent.get(`/api/learning/courses/${courseId}/progress?x=1`);
    expect(res.status).toBe(200);
    expect(nestCalls).toHaveBeenCalledTimes(1);
    expect((await agent.post(`/api/learning/courses/${courseId}/progress`).send({})).status).toBe(404);
  });
});
