import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type TestAgent from 'supertest/lib/agent';
import { ZActivityContent, ZAttemptDetail, ZCourseProgress, ZCourseProgressPage, ZLaunch, ZRuntimeState, type TLaunch, type TRuntimeState } from '@asah/contracts/tracking';
import { ACCESS_COOKIE } from '../src/common/auth/cookies';
import { LAUNCHER_DIST } from '../src/modules/tracking/runtime-routes';
import { PASSWORD, aCourse, aUser, aWorld, anEnrolment, type BuiltCourse } from './factories/builders';
import { aScormManifest, buildZip, contentOrigin, sample, signFor, uploadPackage } from './support/content';
import { expectApiError, setCookies } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

type Cmi = Record<string, unknown>;

/** The SCORM runtime end to end without a browser: launch, state, commits, rollup, views, and who may do what. */
describe('SCORM runtime and tracking', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let instructor: TestAgent;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;
  let zip12: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    zip12 = await buildZip([{ name: 'imsmanifest.xml', content: aScormManifest() }, { name: 'index.html', content: '<html><body>SCO</body></html>' }]);
  });
  afterAll(() => t.close());

  const rt = () => contentOrigin(t.app);
  const tokenOf = (launch: TLaunch) => new URL(launch.launcherUrl).searchParams.get('t')!;
  const rtPath = (launch: TLaunch, path: string, extra = '') => `/rt/${launch.attemptId}/${path}?t=${encodeURIComponent(tokenOf(launch))}${extra}`;

  /** A published Semarang course with one SCORM activity holding `zip`, and a learner with a place in it. */
  async function aScormCourse(zip: Buffer | string = zip12, options: { policy?: string; jp?: number } = {}) {
    const built: BuiltCourse = await aCourse(t.db)
      .in(world.semarang.agency)
      .jp(options.jp ?? 4)
      .withActivity('scorm', { settings: { attemptPolicy: options.policy ?? 'always' } })
      .taughtBy(world.semarang.instructor)
      .published()
      .create();
    const upload = await uploadPackage(instructor, built.course.id, built.activities[0]!.id, zip);
    expect(upload.status).toBe(201);
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    const enrolment = await anEnrolment(t.db).of(user).in(built.course).create();
    const agent = await t.signIn(user.email, PASSWORD);
    return { built, activityId: built.activities[0]!.id, courseId: built.course.id, user, enrolment, agent };
  }

  async function launch(agent: TestAgent, activityId: string, body: object = {}): Promise<TLaunch> {
    const res = await agent.post(`/api/learning/activities/${activityId}/launch`).send(body);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return ZLaunch.parse(res.body);
  }

  async function state(l: TLaunch): Promise<TRuntimeState> {
    const res = await rt().get(rtPath(l, 'state'));
    expect(res.status).toBe(200);
    return ZRuntimeState.parse(res.body);
  }

  const commit = (l: TLaunch, sco: string, body: object, terminate = false) =>
    rt()
      .post(rtPath(l, `sco/${encodeURIComponent(sco)}/commit`, terminate ? '&terminate=true' : ''))
      .set('Content-Type', terminate ? 'text/plain;charset=UTF-8' : 'application/json')
      .send(JSON.stringify(body));

  const cmi12 = (core: Cmi, rest: Cmi = {}): Cmi => ({
    core: { student_id: 'x', student_name: 'x', lesson_location: '', credit: 'credit', lesson_status: 'incomplete', entry: 'ab-initio', lesson_mode: 'normal', exit: '', session_time: '00:00:00', score: { raw: '', min: '', max: '' }, ...core },
    suspend_data: '',
    launch_data: '',
    comments: '',
    objectives: {},
    interactions: {},
    ...rest,
  });
  const scoRow = async (attemptId: string, sco = 'I1') => (await t.db.query(`SELECT * FROM tracking_sco_states WHERE attempt_id = $1 AND sco_identifier = $2`, [attemptId, sco]))[0];

  describe('launch and attempt policy', () => {
    it('[learner] launches: attempt 1 on the content origin, the enrolment becomes active, launching again resumes the same attempt', async () => {
      const c = await aScormCourse();
      const first = await launch(c.agent, c.activityId);
      expect(first).toMatchObject({ attemptNumber: 1, standard: 'scorm12', preview: false, canStartNewAttempt: true });
      expect(first.launcherUrl.startsWith(`${new URL(first.launcherUrl).origin}/rt/${first.attemptId}/?t=`)).toBe(true);
      const [enrolment] = await t.db.query(`SELECT status, started_at FROM enrolments WHERE id = $1`, [c.enrolment.id]);
      expect(enrolment.status).toBe('active');
      const again = await launch(c.agent, c.activityId);
      expect(again.attemptId).toBe(first.attemptId);
      const second = await launch(c.agent, c.activityId, { newAttempt: true });
      expect(second.attemptNumber).toBe(2);
    });

    it('[learner] may not start a new attempt before finishing under after_completion, and never under never', async () => {
      const c = await aScormCourse(zip12, { policy: 'after_completion' });
      const first = await launch(c.agent, c.activityId);
      expect(first.canStartNewAttempt).toBe(false);
      expectApiError(await c.agent.post(`/api/learning/activities/${c.activityId}/launch`).send({ newAttempt: true }), 409, 'ATTEMPT_NOT_ALLOWED');
      const s = await state(first);
      expect((await commit(first, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'failed', score: { raw: '20', min: '0', max: '100' } }) })).body).toEqual({ result: true, errorCode: 0 });
      expect((await launch(c.agent, c.activityId, { newAttempt: true })).attemptNumber).toBe(2);

      const never = await aScormCourse(zip12, { policy: 'never' });
      await launch(never.agent, never.activityId);
      expectApiError(await never.agent.post(`/api/learning/activities/${never.activityId}/launch`).send({ newAttempt: true }), 409, 'ATTEMPT_NOT_ALLOWED');
    });

    it('[learner] without a place in the course cannot launch; [instructor] launches a preview that never rolls up', async () => {
      const c = await aScormCourse();
      const stranger = await aUser(t.db).in(world.semarang.agency).create();
      const strangerAgent = await t.signIn(stranger.email, PASSWORD);
      expectApiError(await strangerAgent.post(`/api/learning/activities/${c.activityId}/launch`).send({}), 404, 'NOT_FOUND');

      const preview = await launch(instructor, c.activityId);
      expect(preview.preview).toBe(true);
      const s = await state(preview);
      expect((s.scos.I1!.cmi.core as Cmi).credit).toBe('no-credit');
      expect((await commit(preview, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'passed' }) })).body.result).toBe(true);
      expect(await t.db.query(`SELECT * FROM activity_results WHERE activity_id = $1`, [c.activityId])).toEqual([]);
      const [attempt] = await t.db.query(`SELECT status FROM tracking_attempts WHERE id = $1`, [preview.attemptId]);
      expect(attempt.status).toBe('passed');
    });
  });

  describe('runtime state and commits', () => {
    it('[launcher] gets a new session per page load, the LMS values, and resume data after exit=suspend (suspend_data over 4096 kept)', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s1 = await state(l);
      expect(s1).toMatchObject({ attemptId: l.attemptId, standard: 'scorm12', session: 1, currentItem: 'I1', suspendDataMax: 65536 });
      expect(s1.items).toEqual([expect.objectContaining({ identifier: 'I1', scormType: 'sco', launchUrl: expect.stringContaining('/v/') })]);
      expect(s1.scos.I1!.cmi.core).toMatchObject({ entry: 'ab-initio', student_name: c.user.name, credit: 'credit', total_time: '00:00:00' });

      const suspend = 'S'.repeat(10_000);
      const ack = await commit(l, 'I1', { session: s1.session, commitSequence: 1, cmi: cmi12({ lesson_location: 'page-7', exit: 'suspend', session_time: '00:01:30' }, { suspend_data: suspend }) });
      expect(ack.body).toEqual({ result: true, errorCode: 0 });

      const s2 = await state(l);
      expect(s2.session).toBe(2);
      expect(s2.scos.I1!.cmi.core).toMatchObject({ entry: 'resume', lesson_location: 'page-7', lesson_status: 'incomplete', total_time: '00:01:30' });
      expect(s2.scos.I1!.cmi.suspend_data).toBe(suspend);
      expect((s2.scos.I1!.cmi.core as Cmi).session_time).toBeUndefined();

      // Time accumulates across sessions; exit '' then means the next launch is not a resume.
      await commit(l, 'I1', { session: s2.session, commitSequence: 1, cmi: cmi12({ exit: '', session_time: '00:02:00' }) });
      const s3 = await state(l);
      expect(s3.scos.I1!.cmi.core).toMatchObject({ entry: '', total_time: '00:03:30' });
      expect((await scoRow(l.attemptId)).total_time_seconds).toBe(210);
    });

    it('[launcher] a replayed commit is acknowledged once with no second effect; a late older commit never overwrites newer data', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      const newer = { session: s.session, commitSequence: 5, cmi: cmi12({ lesson_location: 'newer' }) };
      expect((await commit(l, 'I1', newer)).body).toEqual({ result: true, errorCode: 0 });
      expect((await commit(l, 'I1', newer)).body).toEqual({ result: true, errorCode: 0, duplicate: true });
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 3, cmi: cmi12({ lesson_location: 'older' }) })).body).toEqual({ result: true, errorCode: 0, duplicate: true });
      expect((await scoRow(l.attemptId)).location).toBe('newer');
      const history = await t.db.query(`SELECT sequence, applied FROM tracking_commits WHERE attempt_id = $1 ORDER BY id`, [l.attemptId]);
      expect(history).toEqual([
        { sequence: 5, applied: true },
        { sequence: 3, applied: false },
      ]);
      // A commit of an earlier session (an offline replay arriving late) is older too.
      const s2 = await state(l);
      await commit(l, 'I1', { session: s2.session, commitSequence: 1, cmi: cmi12({ lesson_location: 'session-2' }) });
      await commit(l, 'I1', { session: s.session, commitSequence: 9, cmi: cmi12({ lesson_location: 'late-from-session-1' }) });
      expect((await scoRow(l.attemptId)).location).toBe('session-2');
    });

    it('[launcher] a commit stored by another API process (behind this one’s cached state) is neither lost nor overwritten', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_location: 'p1' }) });
      await commit(l, 'I1', { session: s.session, commitSequence: 2, cmi: cmi12({ lesson_location: 'p2' }) });
      // Another process applied commit 3 meanwhile: this process still holds the state after 2.
      await t.db.query(`UPDATE tracking_sco_states SET location = 'p3-elsewhere', last_sequence = 3 WHERE attempt_id = $1`, [l.attemptId]);
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 3, cmi: cmi12({ lesson_location: 'p3-again' }) })).body).toEqual({ result: true, errorCode: 0, duplicate: true });
      expect((await scoRow(l.attemptId)).location).toBe('p3-elsewhere');
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 4, cmi: cmi12({ lesson_location: 'p4' }) })).body).toEqual({ result: true, errorCode: 0 });
      expect(await scoRow(l.attemptId)).toMatchObject({ location: 'p4', last_sequence: 4 });
    });

    it('[launcher] many learners committing at the same moment each get their own state (commits written together)', async () => {
      const learners = await Promise.all([...Array(6).keys()].map(() => aScormCourse()));
      const launches = await Promise.all(learners.map((c) => launch(c.agent, c.activityId)));
      const states = await Promise.all(launches.map((l) => state(l)));
      for (const round of [1, 2, 3]) {
        const acks = await Promise.all(
          launches.map((l, i) => commit(l, 'I1', { session: states[i]!.session, commitSequence: round, cmi: cmi12({ lesson_location: `learner-${i}-round-${round}`, session_time: `00:00:1${round}` }) })),
        );
        expect(acks.map((a) => a.body)).toEqual(launches.map(() => ({ result: true, errorCode: 0 })));
      }
      for (const [i, l] of launches.entries()) {
        expect(await scoRow(l.attemptId)).toMatchObject({ location: `learner-${i}-round-3`, last_sequence: 3 });
        const history = await t.db.query(`SELECT sequence FROM tracking_commits WHERE attempt_id = $1 AND applied ORDER BY sequence`, [l.attemptId]);
        expect(history.map((h: { sequence: number }) => h.sequence)).toEqual([1, 2, 3]);
      }
    });

    it('[launcher] commits racing each other end with the newest one stored, each recorded once', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_location: 'p1' }) });
      const acks = await Promise.all(
        [...Array(12).keys()].reverse().map((i) => commit(l, 'I1', { session: s.session, commitSequence: i + 2, cmi: cmi12({ lesson_location: `p${i + 2}` }) })),
      );
      expect(acks.every((a) => a.status === 200 && a.body.result === true)).toBe(true);
      expect(await scoRow(l.attemptId)).toMatchObject({ location: 'p13', last_sequence: 13 });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM tracking_commits WHERE attempt_id = $1`, [l.attemptId]);
      expect(n).toBe(13);
    });

    it('[launcher] LMSFinish without LMSCommit: the terminate commit (text/plain, as a beacon sends it) persists everything', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      const res = await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'completed', lesson_location: 'end', session_time: '00:00:42', total_time: '00:00:42' }) }, true);
      expect(res.body).toEqual({ result: true, errorCode: 0 });
      expect(await scoRow(l.attemptId)).toMatchObject({ completion_status: 'completed', location: 'end', total_time_seconds: 42 });
      const [row] = await t.db.query(`SELECT terminate FROM tracking_commits WHERE attempt_id = $1`, [l.attemptId]);
      expect(row.terminate).toBe(true);
    });

    it('[launcher] a bad value gets the SCORM error code naming the element, and nothing is written', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      const bad = await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'finished', lesson_location: 'x' }) });
      expect(bad.status).toBe(200);
      expect(bad.body).toMatchObject({ result: false, errorCode: 405, element: 'cmi.core.lesson_status' });
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 2, cmi: cmi12({ score: { raw: 'lots' } }) })).body).toMatchObject({ result: false, errorCode: 405, element: 'cmi.core.score.raw' });
      expect(await t.db.query(`SELECT * FROM tracking_commits WHERE attempt_id = $1`, [l.attemptId])).toEqual([]);
      expect(await scoRow(l.attemptId)).toBeUndefined();

      // Malformed bodies and unknown SCOs are refused by HTTP status, never a 500.
      const notJson = await rt().post(rtPath(l, 'sco/I1/commit')).set('Content-Type', 'application/json').send('{oops');
      expect({ status: notJson.status, code: notJson.body.errorCode }).toEqual({ status: 400, code: 101 });
      expect((await commit(l, 'NOPE', { session: 1, commitSequence: 1, cmi: {} })).status).toBe(404);
      expect((await commit(l, 'I1', { session: 'x', commitSequence: 1, cmi: {} })).body).toMatchObject({ result: false, errorCode: 101 });
    });

    it('[launcher] SCORM 1.2 suspend_data is accepted up to SCORM12_SUSPEND_DATA_MAX_CHARS (64 KiB), refused with 405 beyond', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({}, { suspend_data: 'x'.repeat(65536) }) })).body).toEqual({ result: true, errorCode: 0 });
      expect((await commit(l, 'I1', { session: s.session, commitSequence: 2, cmi: cmi12({}, { suspend_data: 'x'.repeat(65537) }) })).body).toMatchObject({ result: false, errorCode: 405, element: 'cmi.suspend_data' });
      expect((await scoRow(l.attemptId)).suspend_data).toHaveLength(65536);
    });

    it('[launcher] SCORM 2004: vocabulary errors answer 406, out-of-range 407; interactions and objectives become rows', async () => {
      const c = await aScormCourse(await readSample('golf-scorm2004-3rd-runtime-basic-calls.zip'));
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      expect(s.standard).toBe('scorm2004');
      const sco = s.items[0]!.identifier;
      expect(s.scos[sco]!.cmi).toMatchObject({ entry: 'ab-initio', total_time: 'PT0S', learner_name: c.user.name });
      expect((await commit(l, sco, { session: s.session, commitSequence: 1, cmi: { completion_status: 'passed' } })).body).toMatchObject({ result: false, errorCode: 406, element: 'cmi.completion_status' });
      expect((await commit(l, sco, { session: s.session, commitSequence: 2, cmi: { score: { scaled: '2' } } })).body).toMatchObject({ result: false, errorCode: 407, element: 'cmi.score.scaled' });
      const ok = await commit(l, sco, {
        session: s.session,
        commitSequence: 3,
        cmi: {
          completion_status: 'completed',
          success_status: 'passed',
          score: { scaled: '0.9', raw: '90', min: '0', max: '100' },
          session_time: 'PT5M',
          interactions: { '0': { id: 'q1', type: 'choice', learner_response: 'b', result: 'correct', correct_responses: { '0': { pattern: 'b' } }, objectives: { '0': { id: 'obj1' } } } },
          objectives: { '0': { id: 'obj1', success_status: 'passed', score: { scaled: '1' } } },
        },
      });
      expect(ok.body).toEqual({ result: true, errorCode: 0 });
      const detail = ZAttemptDetail.parse((await c.agent.get(`/api/attempts/${l.attemptId}`).expect(200)).body);
      expect(detail).toMatchObject({ status: 'passed', scoreScaled: 0.9, totalTimeSeconds: 300 });
      expect(detail.scos[0]!.interactions).toEqual([expect.objectContaining({ id: 'q1', type: 'choice', learnerResponse: 'b', result: 'correct', correctResponses: ['b'], objectiveIds: ['obj1'] })]);
      expect(detail.scos[0]!.objectives).toEqual([expect.objectContaining({ id: 'obj1', successStatus: 'passed', scoreScaled: 1 })]);
      expect(detail.commits[0]!.changedKeys).toContain('cmi.completion_status');
    });

    it('[developer] a commit rewrites a SCO state row on its own page (HOT), so the table does not grow with every commit', async () => {
      // Four learners' rows of ~1.9 KB: suspend_data that does not compress (like the packed state
      // many authoring tools write) and is short enough to stay in the row. A full page holds all
      // four, and their next versions must then move to another page and add index entries.
      const c = await aScormCourse();
      const others = await Promise.all(
        [1, 2, 3].map(async () => {
          const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
          await anEnrolment(t.db).of(user).in(c.built.course).create();
          return t.signIn(user.email, PASSWORD);
        }),
      );
      const launches = await Promise.all([c.agent, ...others].map((agent) => launch(agent, c.activityId)));
      const sessions = await Promise.all(launches.map((l) => state(l)));
      const pageOf = async (l: TLaunch) => String((await t.db.query(`SELECT ctid::text AS ctid FROM tracking_sco_states WHERE attempt_id = $1`, [l.attemptId]))[0].ctid).split(',')[0];
      const commitAll = async (sequence: number) => {
        for (const [i, l] of launches.entries()) {
          const suspend = randomBytes(1_100).toString('base64');
          const ack = await commit(l, 'I1', { session: sessions[i]!.session, commitSequence: sequence, cmi: cmi12({ lesson_location: `p${sequence}`, exit: 'suspend' }, { suspend_data: suspend }) });
          expect(ack.body).toEqual({ result: true, errorCode: 0 });
        }
        return Promise.all(launches.map(pageOf));
      };
      await commitAll(1);
      const pages = await commitAll(2);
      expect(await commitAll(3)).toEqual(pages);
      expect(await commitAll(4)).toEqual(pages);
    });
  });

  describe('rollup', () => {
    it('[learner] passing the only required SCORM activity completes the enrolment at once and credits the JP ledger once', async () => {
      const c = await aScormCourse(zip12, { jp: 6 });
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'passed', score: { raw: '85', min: '0', max: '100' } }) });
      const [enrolment] = await t.db.query(`SELECT status, completed_at FROM enrolments WHERE id = $1`, [c.enrolment.id]);
      expect(enrolment.status).toBe('completed');
      const ledger = await t.db.query(`SELECT jp, source_type FROM jp_ledger_entries WHERE user_id = $1`, [c.user.id]);
      expect(ledger).toEqual([{ jp: '6.00', source_type: 'course_completion' }]);
      // A replay and a later commit change nothing in the ledger.
      const passed = cmi12({ lesson_status: 'passed', score: { raw: '85', min: '0', max: '100' } });
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: passed });
      await commit(l, 'I1', { session: s.session, commitSequence: 2, cmi: passed });
      expect(await t.db.query(`SELECT count(*)::int AS n FROM jp_ledger_entries WHERE user_id = $1`, [c.user.id])).toEqual([{ n: 1 }]);

      const progress = ZCourseProgress.parse((await c.agent.get(`/api/learning/courses/${c.courseId}/progress`).expect(200)).body);
      expect(progress).toMatchObject({ status: 'completed', percent: 100, resumeActivityId: null });
      expect(progress.activities).toEqual([expect.objectContaining({ activityId: c.activityId, status: 'passed', scoreScaled: 0.85, scoreRaw: 85, attempts: 1, required: true })]);
    });

    it('[learner] a course with two required activities completes only when both are done (SCORM passed, page viewed)', async () => {
      const built = await aCourse(t.db).in(world.semarang.agency).jp(2).withActivity('scorm').withActivity('page').taughtBy(world.semarang.instructor).published().create();
      await uploadPackage(instructor, built.course.id, built.activities[0]!.id, zip12).expect(201);
      const user = await aUser(t.db).in(world.semarang.agency).create();
      const enrolment = await anEnrolment(t.db).of(user).in(built.course).create();
      const agent = await t.signIn(user.email, PASSWORD);
      const l = await launch(agent, built.activities[0]!.id);
      const s = await state(l);
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'completed' }) });
      let progress = ZCourseProgress.parse((await agent.get(`/api/learning/courses/${built.course.id}/progress`).expect(200)).body);
      expect(progress).toMatchObject({ status: 'active', percent: 50, resumeActivityId: built.activities[1]!.id });
      await agent.post(`/api/learning/activities/${built.activities[1]!.id}/viewed`).expect(200);
      progress = ZCourseProgress.parse((await agent.get(`/api/learning/courses/${built.course.id}/progress`).expect(200)).body);
      expect(progress).toMatchObject({ status: 'completed', percent: 100 });
      expect((await t.db.query(`SELECT status FROM enrolments WHERE id = $1`, [enrolment.id]))[0].status).toBe('completed');
    });

    it('[learner] reads the content of a page and a file activity (text, name, size), not of SCORM; outsiders get 404', async () => {
      const html = '<h2>Asas</h2><p>Pelayanan <strong>tepat waktu</strong>.</p>';
      const built = await aCourse(t.db).in(world.semarang.agency).withActivity('page', { title: 'Prinsip', settings: { html } }).withActivity('file', { title: 'Pedoman' }).withActivity('scorm').taughtBy(world.semarang.instructor).published().create();
      const [pageActivity, fileActivity, scormActivity] = built.activities;
      const user = await aUser(t.db).in(world.semarang.agency).create();
      await anEnrolment(t.db).of(user).in(built.course).create();
      const agent = await t.signIn(user.email, PASSWORD);
      const contentOf = (who: TestAgent, id: string) => who.get(`/api/learning/activities/${id}/content`);

      expect(ZActivityContent.parse((await contentOf(agent, pageActivity!.id).expect(200)).body)).toEqual({
        activityId: pageActivity!.id, courseId: built.course.id, type: 'page', title: 'Prinsip', html, file: null,
      });
      // Before the upload the file activity has nothing to show, and says so instead of failing.
      expect((await contentOf(agent, fileActivity!.id).expect(200)).body).toMatchObject({ type: 'file', html: null, file: null });
      await instructor.post(`/api/courses/${built.course.id}/activities/${fileActivity!.id}/file`).attach('file', Buffer.from('%PDF-1.7 pedoman'), 'Pedoman Pelayanan.pdf').expect(201);
      expect((await contentOf(agent, fileActivity!.id).expect(200)).body).toMatchObject({
        type: 'file', title: 'Pedoman', html: null, file: { fileName: 'Pedoman Pelayanan.pdf', contentType: 'application/pdf', sizeBytes: 16 },
      });
      // Reading is not viewing: nothing is done until the player says it was opened.
      expect(await t.db.query(`SELECT count(*)::int AS n FROM activity_results WHERE user_id = $1`, [user.id])).toEqual([{ n: 0 }]);

      expectApiError(await contentOf(agent, scormActivity!.id), 409, 'ACTIVITY_TYPE_MISMATCH');
      const outsider = await t.signIn((await aUser(t.db).in(world.semarang.agency).create()).email, PASSWORD);
      expectApiError(await contentOf(outsider, pageActivity!.id), 404, 'NOT_FOUND');
      expectApiError(await contentOf(await t.signIn(world.ambon.learner.email, PASSWORD), pageActivity!.id), 404, 'NOT_FOUND');
    });

    it('[learner] an asset-only package completes when its items are launched', async () => {
      const c = await aScormCourse(await readSample('golf-scorm12-content-packaging-one-file-per-sco.zip'));
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      const launchable = flatten(s.items).filter((i) => i.launchUrl);
      expect(launchable.every((i) => i.scormType === 'asset')).toBe(true);
      for (const item of launchable) expect((await rt().post(rtPath(l, `sco/${encodeURIComponent(item.identifier)}/launched`))).body).toEqual({ result: true, errorCode: 0 });
      expect((await t.db.query(`SELECT status FROM activity_results WHERE activity_id = $1 AND user_id = $2`, [c.activityId, c.user.id]))[0].status).toBe('completed');
      expect((await t.db.query(`SELECT status FROM enrolments WHERE id = $1`, [c.enrolment.id]))[0].status).toBe('completed');
    });

    it('[launcher] a sequenced package takes the rollup the launcher sends with its sequencing state; an older session cannot replace it', async () => {
      const c = await aScormCourse(await readSample('golf-scorm2004-3rd-sequencing-forced-sequential.zip'));
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      expect(s.sequencing).not.toBeNull();
      const put = (body: object) => rt().put(rtPath(l, 'sequencing')).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect((await put({ session: s.session, state: '{"tree":1}', currentItem: s.items[0]?.children[0]?.identifier ?? null, rollup: { completion: 'completed', success: 'passed', scoreScaled: 0.75 } })).body).toEqual({ result: true, errorCode: 0 });
      expect((await t.db.query(`SELECT status, score_scaled FROM activity_results WHERE activity_id = $1`, [c.activityId]))[0]).toEqual({ status: 'passed', score_scaled: 0.75 });
      const s2 = await state(l);
      expect(s2.sequencingState).toBe('{"tree":1}');
      expect((await put({ session: s2.session, state: '{"tree":2}' })).body).toEqual({ result: true, errorCode: 0 });
      expect((await put({ session: s.session, state: '{"tree":"old"}' })).body).toEqual({ result: true, errorCode: 0, duplicate: true });
      const s3 = await state(l);
      expect(s3.sequencingState).toBe('{"tree":2}');
    });

    it('[launcher] a sequencing state over 64 KiB arrives gzip-compressed and is stored whole; saves of one session keep their order; a bad gzip body is a clear 400', async () => {
      const c = await aScormCourse(await readSample('golf-scorm2004-3rd-sequencing-forced-sequential.zip'));
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      // Shaped like scorm-again's state: per activity, the same keys again and again (some 10 KB each).
      const activities = Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`item_${i}`, { id: `item_${i}`, title: `Kegiatan ${i}`, isActive: false, isSuspended: false, completionStatus: 'incomplete', objectives: Array.from({ length: 40 }, (_, j) => ({ id: `obj_${i}_${j}`, satisfiedStatus: false, measureStatus: false, normalizedMeasure: 0 })) }]),
      );
      const big = JSON.stringify({ version: '1.0', sequencing: { activityStates: activities } });
      expect(big.length).toBeGreaterThan(64 * 1024);
      const putGzip = (body: object | Buffer) =>
        rt()
          .put(rtPath(l, 'sequencing'))
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          // Raw bytes: superagent would otherwise JSON-serialise a Buffer sent as application/json
          // (its types want a string back; at run time it writes a Buffer as is).
          .serialize(((bytes: Buffer) => bytes) as unknown as (body: unknown) => string)
          .send(Buffer.isBuffer(body) ? body : gzipSync(JSON.stringify(body)));
      const packed = gzipSync(JSON.stringify({ session: s.session, seq: 2, state: big }));
      // What lets the launcher send it with keepalive while the page closes (browsers cap those at 64 KiB).
      expect(packed.length).toBeLessThan(60_000);
      expect((await putGzip(packed)).body).toEqual({ result: true, errorCode: 0 });
      // An earlier save of the same session arriving late changes nothing.
      expect((await putGzip({ session: s.session, seq: 1, state: '{"tree":"earlier"}' })).body).toEqual({ result: true, errorCode: 0, duplicate: true });
      const s2 = await state(l);
      expect(s2.sequencingState).toBe(big);

      const bad = await putGzip(Buffer.from('this is not gzip'));
      expect(bad.status).toBe(400);
      expect(bad.body.errorMessage).toMatch(/not valid gzip/);
      const truncated = await putGzip(packed.subarray(0, 40));
      expect(truncated.status).toBe(400);
      const bomb = await putGzip(gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20)));
      expect(bomb.status).toBe(413);
      const other = await rt().put(rtPath(l, 'sequencing')).set('Content-Type', 'application/json').set('Content-Encoding', 'br').send('{}');
      expect(other.status).toBe(415);
      // None of the refused bodies replaced the stored state.
      expect((await state(l)).sequencingState).toBe(big);
    });
  });

  describe('who may touch what', () => {
    it("[anyone] a token for attempt A cannot touch attempt B; no token, a forged or expired one, or the portal cookie alone is refused on /rt", async () => {
      const a = await aScormCourse();
      const b = await aScormCourse();
      const la = await launch(a.agent, a.activityId);
      const lb = await launch(b.agent, b.activityId);
      const crossed = await rt().get(`/rt/${lb.attemptId}/state?t=${encodeURIComponent(tokenOf(la))}`);
      expect(crossed.status).toBe(403);
      const crossedCommit = await rt().post(`/rt/${lb.attemptId}/sco/I1/commit?t=${encodeURIComponent(tokenOf(la))}`).send({ session: 1, commitSequence: 1, cmi: cmi12({ lesson_status: 'passed' }) });
      expect(crossedCommit.status).toBe(403);
      expect((await rt().get(`/rt/${la.attemptId}/state`)).status).toBe(403);
      expect((await rt().get(`/rt/${la.attemptId}/state?t=${encodeURIComponent(tokenOf(la).slice(0, -3))}xyz`)).status).toBe(403);
      const expired = signFor(t.app, { kind: 'attempt', attemptId: la.attemptId, userId: a.user.id, exp: Math.floor(Date.now() / 1000) - 1 });
      expect((await rt().get(`/rt/${la.attemptId}/state?t=${encodeURIComponent(expired)}`)).status).toBe(403);
      const otherUser = signFor(t.app, { kind: 'attempt', attemptId: la.attemptId, userId: b.user.id, exp: Math.floor(Date.now() / 1000) + 60 });
      expect((await rt().get(`/rt/${la.attemptId}/state?t=${encodeURIComponent(otherUser)}`)).status).toBe(403);

      // The learner's own portal session cookie, sent to the content origin, grants nothing there.
      const login = await t.anonymous().post('/api/auth/login').send({ identifier: a.user.email, password: PASSWORD });
      const access = setCookies(login)[ACCESS_COOKIE]!.value;
      const withCookie = await rt().post(`/rt/${la.attemptId}/sco/I1/commit`).set('Cookie', `${ACCESS_COOKIE}=${access}`).send({ session: 1, commitSequence: 1, cmi: cmi12({ lesson_status: 'passed' }) });
      expect(withCookie.status).toBe(403);
      expect(await t.db.query(`SELECT * FROM tracking_commits WHERE attempt_id IN ($1, $2)`, [la.attemptId, lb.attemptId])).toEqual([]);
      // Answers carry no CORS header: no other origin may read them.
      expect(crossed.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('[launcher page] is served with the attempt token only, framable by the portals only, and sets the package cookie for the SCO frames', async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      expect((await rt().get(`/rt/${l.attemptId}/`)).status).toBe(403);
      const page = await rt().get(`/rt/${l.attemptId}/?t=${encodeURIComponent(tokenOf(l))}`);
      if (existsSync(LAUNCHER_DIST)) {
        expect(page.status).toBe(200);
        const csp = page.headers['content-security-policy'] as string;
        expect(csp).toMatch(/^frame-ancestors /);
        expect(csp).not.toContain("'self'");
        const s = await state(l);
        const versionPath = new URL(s.items[0]!.launchUrl!).pathname.split('/').slice(0, 3).join('/') + '/';
        expect(setCookies(page).asah_content!.attributes.path).toBe(versionPath);
        const sco = await rt().get(new URL(s.items[0]!.launchUrl!).pathname).set('Cookie', `asah_content=${setCookies(page).asah_content!.value}`);
        expect(sco.status).toBe(200);
      } else {
        expect(page.status).toBe(503);
      }
    });

    it("[agency admin] sees the course progress table, a learner's attempts and the CSV; another agency's admin gets 404 everywhere", async () => {
      const c = await aScormCourse();
      const l = await launch(c.agent, c.activityId);
      const s = await state(l);
      await commit(l, 'I1', { session: s.session, commitSequence: 1, cmi: cmi12({ lesson_status: 'incomplete', session_time: '00:10:00' }) });

      const table = ZCourseProgressPage.parse((await admin.get(`/api/courses/${c.courseId}/progress`).expect(200)).body);
      expect(table.total).toBe(1);
      expect(table.items[0]).toMatchObject({ enrolmentStatus: 'active', percent: 0, totalTimeSeconds: 600, countedActivities: 1, doneActivities: 0, user: { id: c.user.id } });
      expect((await admin.get(`/api/courses/${c.courseId}/progress`).query({ progress: 'not_started' }).expect(200)).body.total).toBe(0);
      expect((await admin.get(`/api/courses/${c.courseId}/progress`).query({ progress: 'in_progress', q: c.user.name }).expect(200)).body.total).toBe(1);
      const learner = (await instructor.get(`/api/courses/${c.courseId}/progress/${c.user.id}`).expect(200)).body;
      expect(learner.activities[0].attempts).toEqual([expect.objectContaining({ id: l.attemptId, attemptNumber: 1, status: 'incomplete' })]);
      const csv = await admin.get(`/api/courses/${c.courseId}/progress.csv`).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain(c.user.name);
      expect((await admin.get(`/api/attempts/${l.attemptId}`).expect(200)).body.user.id).toBe(c.user.id);

      expectApiError(await ambonAdmin.get(`/api/courses/${c.courseId}/progress`), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get(`/api/courses/${c.courseId}/progress.csv`), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get(`/api/courses/${c.courseId}/progress/${c.user.id}`), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get(`/api/attempts/${l.attemptId}`), 404, 'NOT_FOUND');
      const other = await aScormCourse();
      expectApiError(await other.agent.get(`/api/attempts/${l.attemptId}`), 404, 'NOT_FOUND');
    });

    it('[platform admin] on a platform-wide course sees every agency, an agency admin only their own learners', async () => {
      const built = await aCourse(t.db).platformWide().withActivity('page').published().create();
      const sem = await aUser(t.db).in(world.semarang.agency).create();
      const amb = await aUser(t.db).in(world.ambon.agency).create();
      await anEnrolment(t.db).of(sem).in(built.course).create();
      await anEnrolment(t.db).of(amb).in(built.course).create();
      const platform = await t.signIn(world.platformAdmin.email, PASSWORD);
      expect((await platform.get(`/api/courses/${built.course.id}/progress`).expect(200)).body.total).toBe(2);
      const mine = (await admin.get(`/api/courses/${built.course.id}/progress`).expect(200)).body;
      expect(mine.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([sem.id]);
    });
  });
});

function readSample(name: string): Promise<Buffer> {
  return readFile(sample(name));
}

function flatten<T extends { children: T[] }>(items: T[]): T[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}
