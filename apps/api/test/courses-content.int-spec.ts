import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCourse, aWorld } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError, fieldsOf } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Modules, activities, drag-and-drop structure and the learner's outline. */
describe('course content', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let instructor: TestAgent;
  let platform: TestAgent;
  let learner: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
    learner = await t.signIn(world.semarang.learner.email, PASSWORD);
  });
  afterAll(() => t.close());

  /** A course of Semarang taught by the Semarang instructor. */
  const taught = () => aCourse(t.db).in(world.semarang.agency).taughtBy(world.semarang.instructor);

  /** Sessions of this test's database waiting for a row lock. */
  const lockWaiters = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n as number;
  const waitUntil = async (condition: () => Promise<boolean>, timeoutMs = 5000) => {
    for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((r) => setTimeout(r, 20))) if (await condition()) return true;
    return false;
  };

  /** Section id → activity ids, in order, as the API returns them. */
  const structureOf = async (courseId: string) => {
    const res = await admin.get(`/api/courses/${courseId}`);
    return res.body.sections.map((s: { id: string; activities: { id: string }[] }) => ({ id: s.id, activityIds: s.activities.map((a) => a.id) }));
  };

  describe('modules', () => {
    it('[assigned instructor] adds modules at the end, renames one and deletes an empty one', async () => {
      const { course } = await taught().create();
      const first = await instructor.post(`/api/courses/${course.id}/sections`).send({ title: 'Pendahuluan', description: 'Gambaran umum' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ courseId: course.id, title: 'Pendahuluan', description: 'Gambaran umum', position: 0, activities: [] });
      const second = await instructor.post(`/api/courses/${course.id}/sections`).send({ title: 'Inti' });
      expect(second.body).toMatchObject({ position: 1, description: '' });

      const renamed = await instructor.patch(`/api/courses/${course.id}/sections/${second.body.id}`).send({ title: 'Materi Inti' });
      expect(renamed.body).toMatchObject({ id: second.body.id, title: 'Materi Inti', position: 1 });
      expect((await structureOf(course.id)).map((s: { id: string }) => s.id)).toEqual([first.body.id, second.body.id]);

      expect((await instructor.delete(`/api/courses/${course.id}/sections/${first.body.id}`)).status).toBe(204);
      expect((await structureOf(course.id)).map((s: { id: string }) => s.id)).toEqual([second.body.id]);
    });

    it('[agency admin] a module that still holds activities is not deleted', async () => {
      const { course, sections } = await taught().withActivity('page').withActivity('video').create();
      const res = await admin.delete(`/api/courses/${course.id}/sections/${sections[0].id}`);
      expectApiError(res, 409, 'SECTION_NOT_EMPTY');
      expect(res.body.details).toEqual({ activities: 2 });
      expect(await countRows(t.db, 'course_sections', 'id = $1', [sections[0].id])).toBe(1);
    });

    it('[agency admin] a module of another course is not found through this one', async () => {
      const { course } = await taught().withSections(1).create();
      const other = await taught().withSections(1).create();
      const before = await snapshot(t.db);
      expectApiError(await admin.patch(`/api/courses/${course.id}/sections/${other.sections[0].id}`).send({ title: 'x' }), 404, 'NOT_FOUND');
      expectApiError(await admin.delete(`/api/courses/${course.id}/sections/${other.sections[0].id}`), 404, 'NOT_FOUND');
      expectApiError(await admin.post(`/api/courses/${course.id}/sections/${other.sections[0].id}/activities`).send({ type: 'page', title: 'x' }), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] a module needs a title; a bad id is named', async () => {
      const { course } = await taught().create();
      expectApiError(await admin.post(`/api/courses/${course.id}/sections`).send({ title: '  ' }), 400, 'VALIDATION_FAILED', 'title');
      expectApiError(await admin.patch(`/api/courses/${course.id}/sections/bukan-uuid`).send({ title: 'x' }), 400, 'VALIDATION_FAILED', 'sectionId');
    });
  });

  describe('activities', () => {
    it('[assigned instructor] adds every available type at the end of a module, with its default settings', async () => {
      const { course, sections } = await taught().withSections(1).create();
      const url = `/api/courses/${course.id}/sections/${sections[0].id}/activities`;
      const added = [];
      for (const type of ['scorm', 'page', 'file', 'video', 'classroom']) {
        const res = await instructor.post(url).send({ type, title: `Aktivitas ${type}` });
        expect({ type, status: res.status }).toEqual({ type, status: 201 });
        added.push(res.body);
      }
      expect(added.map((a) => [a.type, a.position, a.required, a.settings])).toEqual([
        ['scorm', 0, true, { attemptPolicy: 'always' }],
        ['page', 1, true, { html: '' }],
        ['file', 2, true, {}],
        ['video', 3, true, {}],
        ['classroom', 4, true, {}],
      ]);
      const scorm = await instructor.post(url).send({ type: 'scorm', title: 'Paket Kedua', required: false, settings: { attemptPolicy: 'never' } });
      expect(scorm.body).toMatchObject({ sectionId: sections[0].id, courseId: course.id, required: false, position: 5, settings: { attemptPolicy: 'never' } });
    });

    it.each(['quiz', 'survey'])('[agency admin] a %s activity is not available yet and nothing is created', async (type) => {
      const { course, sections } = await taught().withSections(1).create();
      const before = await snapshot(t.db);
      const res = await admin.post(`/api/courses/${course.id}/sections/${sections[0].id}/activities`).send({ type, title: 'Nanti' });
      expectApiError(res, 400, 'ACTIVITY_TYPE_NOT_AVAILABLE', 'type');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] settings must fit the type; each bad field is named', async () => {
      const { course, sections, activities } = await taught().withActivity('scorm').withActivity('file').create();
      const url = `/api/courses/${course.id}/sections/${sections[0].id}/activities`;
      expectApiError(await admin.post(url).send({ type: 'scorm', title: 'x', settings: { attemptPolicy: 'sometimes' } }), 400, 'VALIDATION_FAILED', 'settings.attemptPolicy');
      expectApiError(await admin.post(url).send({ type: 'page', title: 'x', settings: { html: 5 } }), 400, 'VALIDATION_FAILED', 'settings.html');
      expectApiError(await admin.post(url).send({ type: 'file', title: 'x', settings: { storageKey: 'a/b' } }), 400, 'VALIDATION_FAILED', 'settings.storageKey');
      const unknown = await admin.post(url).send({ type: 'forum', title: 'x' });
      expectApiError(unknown, 400, 'VALIDATION_FAILED', 'type');

      const wrongShape = await admin.patch(`/api/courses/${course.id}/activities/${activities[0].id}`).send({ settings: { html: '<p>bukan paket</p>' } });
      expectApiError(wrongShape, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(wrongShape).sort()).toEqual(['settings.attemptPolicy', 'settings.html']);
      expect(detailFor(wrongShape, 'settings.html')?.code).toBe('unrecognized_keys');
      const fileWithKey = await admin.patch(`/api/courses/${course.id}/activities/${activities[1].id}`).send({ settings: { attemptPolicy: 'never' } });
      expectApiError(fileWithKey, 400, 'VALIDATION_FAILED', 'settings.attemptPolicy');
      const [row] = await t.db.query('SELECT settings FROM course_activities WHERE id = $1', [activities[0].id]);
      expect(row.settings).toEqual({ attemptPolicy: 'always' });
    });

    it('[assigned instructor] edits title, required flag and settings; keys the uploads stored survive', async () => {
      const { course, activities } = await taught().withActivity('scorm').withActivity('video', { settings: { storageKey: 'activities/v1/video.mp4', fileName: 'video.mp4' } }).create();
      const scorm = await instructor.patch(`/api/courses/${course.id}/activities/${activities[0].id}`).send({ title: 'Paket Baru', required: false, settings: { attemptPolicy: 'after_completion' } });
      expect(scorm.body).toMatchObject({ title: 'Paket Baru', required: false, settings: { attemptPolicy: 'after_completion' } });
      const video = await instructor.patch(`/api/courses/${course.id}/activities/${activities[1].id}`).send({ title: 'Video Baru', settings: {} });
      expect(video.status).toBe(200);
      const [row] = await t.db.query('SELECT title, settings FROM course_activities WHERE id = $1', [activities[1].id]);
      expect(row).toEqual({ title: 'Video Baru', settings: { storageKey: 'activities/v1/video.mp4', fileName: 'video.mp4' } });
    });

    it('[assigned instructor] page HTML is sanitised on create and on update: scripts, handlers and iframes are gone', async () => {
      const { course, sections } = await taught().withSections(1).create();
      const dirty =
        '<h2 onclick="x()">Integritas</h2><p>Jujur<script>fetch("/api/users")</script></p>' +
        '<img src="https://cdn.example/diagram.png" onerror="alert(1)"><iframe src="https://evil.example"></iframe>' +
        '<a href="javascript:alert(1)">klik</a><a href="https://jdih.go.id">JDIH</a><p style="display:none">tersembunyi</p>';
      const created = await instructor.post(`/api/courses/${course.id}/sections/${sections[0].id}/activities`).send({ type: 'page', title: 'Bacaan', settings: { html: dirty } });
      expect(created.status).toBe(201);
      const clean =
        '<h2>Integritas</h2><p>Jujur</p><img src="https://cdn.example/diagram.png" />' +
        '<a>klik</a><a href="https://jdih.go.id" rel="noopener noreferrer">JDIH</a><p>tersembunyi</p>';
      expect(created.body.settings.html).toBe(clean);
      const [stored] = await t.db.query('SELECT settings FROM course_activities WHERE id = $1', [created.body.id]);
      expect(stored.settings.html).toBe(clean);

      const updated = await instructor.patch(`/api/courses/${course.id}/activities/${created.body.id}`).send({ settings: { html: '<p>Baru</p><img src=x onerror="alert(document.cookie)"><svg onload="x()"></svg>' } });
      expect(updated.body.settings.html).toBe('<p>Baru</p>');
      expect(updated.body.settings.html).not.toMatch(/script|onerror|onload|iframe/i);
    });

    it('[agency admin] deletes an activity; one of another course is not found', async () => {
      const { course, activities } = await taught().withActivity('page').withActivity('page').create();
      const other = await taught().withActivity('page').create();
      expectApiError(await admin.delete(`/api/courses/${course.id}/activities/${other.activities[0].id}`), 404, 'NOT_FOUND');
      expectApiError(await admin.patch(`/api/courses/${course.id}/activities/${other.activities[0].id}`).send({ title: 'x' }), 404, 'NOT_FOUND');
      expect((await admin.delete(`/api/courses/${course.id}/activities/${activities[0].id}`)).status).toBe(204);
      expect((await structureOf(course.id))[0].activityIds).toEqual([activities[1].id]);
      expect(await countRows(t.db, 'course_activities', 'id = $1', [other.activities[0].id])).toBe(1);
    });
  });

  describe('structure (drag and drop)', () => {
    /** Three modules: [a0, a1, a2], [a3], []. */
    const threeModules = () =>
      taught()
        .withSections(3)
        .withActivity('page', { section: 0 })
        .withActivity('scorm', { section: 0 })
        .withActivity('file', { section: 0 })
        .withActivity('video', { section: 1 })
        .create();

    it('[assigned instructor] reorders modules and moves activities between them in one request', async () => {
      const { course, sections: [s0, s1, s2], activities: [a0, a1, a2, a3] } = await threeModules();
      const wanted = [
        { id: s2.id, activityIds: [a2.id, a3.id] },
        { id: s0.id, activityIds: [a1.id] },
        { id: s1.id, activityIds: [a0.id] },
      ];
      const res = await instructor.put(`/api/courses/${course.id}/structure`).send({ sections: wanted });
      expect(res.status).toBe(200);
      expect(res.body.sections.map((s: { id: string; position: number; activities: { id: string; sectionId: string; position: number }[] }) => ({
        id: s.id,
        position: s.position,
        activities: s.activities.map((a) => [a.id, a.sectionId, a.position]),
      }))).toEqual([
        { id: s2.id, position: 0, activities: [[a2.id, s2.id, 0], [a3.id, s2.id, 1]] },
        { id: s0.id, position: 1, activities: [[a1.id, s0.id, 0]] },
        { id: s1.id, position: 2, activities: [[a0.id, s1.id, 0]] },
      ]);
      expect(await structureOf(course.id)).toEqual(wanted);
    });

    it('[agency admin] a structure that omits, repeats or adds ids is refused, each naming its field, and nothing moves', async () => {
      const { course, sections: [s0, s1, s2], activities: [a0, a1, a2, a3] } = await threeModules();
      const foreign = await taught().withActivity('page').create();
      const before = await snapshot(t.db);
      const put = (sections: { id: string; activityIds: string[] }[]) => admin.put(`/api/courses/${course.id}/structure`).send({ sections });

      const omitted = await put([{ id: s0.id, activityIds: [a0.id, a1.id] }, { id: s1.id, activityIds: [a3.id] }]);
      expectApiError(omitted, 400, 'STRUCTURE_MISMATCH', 'sections');
      expect(omitted.body.details.map((d: { code: string }) => d.code).sort()).toEqual(['MISSING_ACTIVITY', 'MISSING_SECTION']);

      const repeated = await put([{ id: s0.id, activityIds: [a0.id, a1.id, a2.id] }, { id: s1.id, activityIds: [a3.id, a0.id] }, { id: s2.id, activityIds: [] }, { id: s0.id, activityIds: [] }]);
      expectApiError(repeated, 400, 'STRUCTURE_MISMATCH');
      expect(fieldsOf(repeated)).toEqual(['sections.1.activityIds.1', 'sections.3.id']);

      const added = await put([
        { id: s0.id, activityIds: [a0.id, a1.id, a2.id, foreign.activities[0].id] },
        { id: s1.id, activityIds: [a3.id] },
        { id: s2.id, activityIds: [] },
        { id: foreign.sections[0].id, activityIds: [] },
      ]);
      expectApiError(added, 400, 'STRUCTURE_MISMATCH');
      expect(fieldsOf(added)).toEqual(['sections.0.activityIds.3', 'sections.3.id']);
      expect(detailFor(added, 'sections.3.id')?.code).toBe('UNKNOWN_SECTION');

      const malformed = await admin.put(`/api/courses/${course.id}/structure`).send({ sections: [{ id: 'x', activityIds: ['y'] }] });
      expectApiError(malformed, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(malformed)).toEqual(['sections.0.id', 'sections.0.activityIds.0']);
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[two authors] saving at the same time applies one whole structure after the other, never a mix', async () => {
      const { course, sections, activities } = await aCourse(t.db)
        .in(world.semarang.agency)
        .taughtBy(world.semarang.instructor)
        .withSections(4)
        .withActivity('page', { section: 0 })
        .withActivity('page', { section: 0 })
        .withActivity('page', { section: 1 })
        .withActivity('page', { section: 1 })
        .withActivity('page', { section: 2 })
        .withActivity('page', { section: 3 })
        .create();
      const ids = activities.map((a) => a.id);
      /** Structure number k: sections rotated by k, activities spread over them in another rotation. */
      const variant = (k: number) =>
        sections.map((_, i) => ({
          id: sections[(i + k) % sections.length].id,
          activityIds: ids.filter((_, j) => (j + k) % sections.length === i),
        }));
      const variants = Array.from({ length: 8 }, (_, k) => variant(k % 4 === 0 ? 0 : k));
      const agents = [admin, instructor, platform];
      const results = await Promise.all(variants.map((v, k) => agents[k % agents.length].put(`/api/courses/${course.id}/structure`).send({ sections: v })));
      expect(results.map((r) => r.status)).toEqual(variants.map(() => 200));
      const final = await structureOf(course.id);
      expect(variants).toContainEqual(final);
      const positions = await t.db.query('SELECT section_id, array_agg(position ORDER BY position) AS p FROM course_activities WHERE course_id = $1 GROUP BY section_id', [course.id]);
      for (const row of positions) expect(row.p).toEqual(row.p.map((_: number, i: number) => i));
    });

    it('[two authors] a save waits for a change of the same course in progress, and is checked against its result', async () => {
      const { course, sections: [s0, s1], activities: [a0] } = await taught().withSections(2).withActivity('page', { section: 0 }).create();
      const stale = [{ id: s1.id, activityIds: [] }, { id: s0.id, activityIds: [a0.id] }];
      // Another author's change, still uncommitted, holding the course as every change does.
      const other = t.db.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      try {
        await other.query('SELECT id FROM courses WHERE id = $1 FOR UPDATE', [course.id]);
        const [added] = await other.query(
          `INSERT INTO course_activities (course_id, section_id, type, title, position, settings) VALUES ($1, $2, 'page', 'Tambahan', 0, '{"html": ""}') RETURNING id`,
          [course.id, s1.id],
        );
        let settled = false;
        const save = instructor.put(`/api/courses/${course.id}/structure`).send({ sections: stale }).then((res) => ((settled = true), res));
        expect(await waitUntil(async () => settled || (await lockWaiters()) > 0)).toBe(true);
        expect(settled).toBe(false);
        await other.commitTransaction();
        const res = await save;
        expectApiError(res, 400, 'STRUCTURE_MISMATCH', 'sections');
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'sections', code: 'MISSING_ACTIVITY', message: expect.stringContaining(added.id) })]);
        expect(await structureOf(course.id)).toEqual([{ id: s0.id, activityIds: [a0.id] }, { id: s1.id, activityIds: [added.id] }]);
      } finally {
        if (other.isTransactionActive) await other.rollbackTransaction();
        await other.release();
      }
    });

    it('[agency admin] an empty course has an empty structure', async () => {
      const { course } = await taught().create();
      const res = await admin.put(`/api/courses/${course.id}/structure`).send({ sections: [] });
      expect(res.status).toBe(200);
      expect(res.body.sections).toEqual([]);
    });
  });

  describe('learner outline (preview as learner)', () => {
    it('[assigned instructor] sees the course as a learner would: modules with activities, page text, what counts for completion', async () => {
      const { course, sections, activities } = await taught()
        .developing({ code: 'M.01', targetLevel: 2 })
        .withSections(3)
        .withActivity('page', { section: 0, settings: { html: '<p>Selamat datang</p>' } })
        .withActivity('scorm', { section: 0, required: false })
        .withActivity('video', { section: 2 })
        .create();
      const res = await instructor.get(`/api/courses/${course.id}/outline`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: course.id,
        code: course.code,
        title: course.title,
        description: course.description,
        coverImageKey: null,
        category: 'teknis',
        deliveryMode: 'e_learning',
        jp: 2,
        competencies: [{ code: 'M.01', targetLevel: 2 }],
        completionRule: 'all_required',
        certificateOnCompletion: false,
        status: 'draft',
        sections: [
          {
            id: sections[0].id,
            title: 'Modul 1',
            description: '',
            activities: [
              { id: activities[0].id, type: 'page', title: 'Aktivitas 1', required: true, countsForCompletion: true, html: '<p>Selamat datang</p>' },
              { id: activities[1].id, type: 'scorm', title: 'Aktivitas 2', required: false, countsForCompletion: false, html: null },
            ],
          },
          { id: sections[2].id, title: 'Modul 3', description: '', activities: [{ id: activities[2].id, type: 'video', title: 'Aktivitas 3', required: true, countsForCompletion: true, html: null }] },
        ],
      });
    });

    it('[agency admin] under "selected", exactly the chosen activities count', async () => {
      const { course, activities } = await taught().withActivity('page').withActivity('page', { required: false }).completedBy(1).published().create();
      const res = await admin.get(`/api/courses/${course.id}/outline`);
      expect(res.body.sections[0].activities.map((a: { id: string; countsForCompletion: boolean }) => [a.id, a.countsForCompletion])).toEqual([
        [activities[0].id, false],
        [activities[1].id, true],
      ]);
    });

    it('[learner] has no access to the authoring outline yet', async () => {
      const { course } = await taught().withActivity('page').published().create();
      expectApiError(await learner.get(`/api/courses/${course.id}/outline`), 403, 'FORBIDDEN');
      expectApiError(await learner.get(`/api/courses/${course.id}`), 403, 'FORBIDDEN');
    });
  });
});
