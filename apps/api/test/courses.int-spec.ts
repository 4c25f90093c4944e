import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCourse, aCourseRequest, aUser, aWorld, anAgency } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError, fieldsOf } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Courses: creation, reach (agencies, assignment, platform-wide), list, editing, lifecycle, instructors. */
describe('courses', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let instructor: TestAgent;
  let ambonAdmin: TestAgent;
  let ambonInstructor: TestAgent;
  let platform: TestAgent;
  let learner: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
    ambonInstructor = await t.signIn(world.ambon.instructor.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
    learner = await t.signIn(world.semarang.learner.email, PASSWORD);
  });
  afterAll(() => t.close());

  const statusOf = async (id: string) => (await t.db.query('SELECT status FROM courses WHERE id = $1', [id]))[0]?.status;

  describe('creating', () => {
    it('[instructor] creates a draft course in their agency and is assigned to it', async () => {
      const res = await instructor.post('/api/courses').send(
        aCourseRequest({
          code: 'PKP-2026',
          title: 'Pelayanan Publik Prima',
          description: 'Kursus dasar pelayanan publik.',
          category: 'manajerial',
          deliveryMode: 'blended',
          jp: 12.5,
          competencies: [{ code: 'M.05', targetLevel: 3 }],
          certificateOnCompletion: true,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        agencyId: world.semarang.agency.id,
        code: 'PKP-2026',
        title: 'Pelayanan Publik Prima',
        category: 'manajerial',
        deliveryMode: 'blended',
        jp: 12.5,
        competencies: [{ code: 'M.05', targetLevel: 3 }],
        completionRule: 'all_required',
        completionActivityIds: [],
        certificateOnCompletion: true,
        coverImageKey: null,
        status: 'draft',
        createdBy: world.semarang.instructor.id,
        sections: [],
        can: { edit: true, publish: true, archive: false, unarchive: false, delete: false, assignInstructors: false },
      });
      expect(res.body.instructors.map((i: { id: string }) => i.id)).toEqual([world.semarang.instructor.id]);
      expect((await instructor.get(`/api/courses/${res.body.id}`)).status).toBe(200);
    });

    it('[agency admin] creates a course of their agency without being assigned, with defaults filled in', async () => {
      const res = await admin.post('/api/courses').send({ code: 'ADM-1', title: 'Orientasi ASN', category: 'sosial_kultural', deliveryMode: 'klasikal' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ agencyId: world.semarang.agency.id, description: '', jp: 0, competencies: [], certificateOnCompletion: false, instructors: [] });
      expect(res.body.can).toMatchObject({ edit: true, delete: true, assignInstructors: true });
    });

    it('[agency admin] naming another agency is told it does not exist and nothing is created', async () => {
      const before = await snapshot(t.db);
      expectApiError(await admin.post('/api/courses').send(aCourseRequest({ agencyId: world.ambon.agency.id })), 404, 'NOT_FOUND');
      expectApiError(await instructor.post('/api/courses').send(aCourseRequest({ agencyId: world.ambon.agency.id })), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[platform admin] creates a platform-wide course by naming no agency, and an agency course by naming one', async () => {
      const shared = await platform.post('/api/courses').send(aCourseRequest());
      expect(shared.status).toBe(201);
      expect(shared.body).toMatchObject({ agencyId: null, can: { edit: true, assignInstructors: false } });
      const ambon = await platform.post('/api/courses').send(aCourseRequest({ agencyId: world.ambon.agency.id }));
      expect(ambon.body.agencyId).toBe(world.ambon.agency.id);
      expectApiError(await platform.post('/api/courses').send(aCourseRequest({ agencyId: '7b0d4b4e-0000-4000-8000-000000000000' })), 404, 'NOT_FOUND');
    });

    it('[agency admin] a code is unique in the agency; other agencies and platform-wide courses may reuse it', async () => {
      expect((await admin.post('/api/courses').send(aCourseRequest({ code: 'SAMA-1' }))).status).toBe(201);
      const again = await instructor.post('/api/courses').send(aCourseRequest({ code: 'SAMA-1' }));
      expectApiError(again, 409, 'CODE_TAKEN', 'code');
      expect((await ambonAdmin.post('/api/courses').send(aCourseRequest({ code: 'SAMA-1' }))).status).toBe(201);
      expect((await platform.post('/api/courses').send(aCourseRequest({ code: 'SAMA-1' }))).status).toBe(201);
      expectApiError(await platform.post('/api/courses').send(aCourseRequest({ code: 'SAMA-1' })), 409, 'CODE_TAKEN', 'code');
      expect(await countRows(t.db, 'courses', 'code = $1', ['SAMA-1'])).toBe(3);
    });

    it('[agency admin] invalid fields are each named, down to the competency level', async () => {
      const res = await admin.post('/api/courses').send({
        code: 'bad code!',
        title: '',
        category: 'olahraga',
        deliveryMode: 'e_learning',
        jp: -1,
        competencies: [{ code: 'M.01', targetLevel: 6 }, { code: 'M.01', targetLevel: 2 }],
        status: 'published',
      });
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res).sort()).toEqual(['category', 'code', 'competencies.0.targetLevel', 'competencies.1.code', 'jp', 'status', 'title'].sort());
      expect(detailFor(res, 'competencies.1.code')?.code).toBe('DUPLICATE');
      const decimals = await admin.post('/api/courses').send(aCourseRequest({ jp: 1.234, competencies: [{ code: 'M.02', targetLevel: 0 }] }));
      expect(fieldsOf(decimals).sort()).toEqual(['competencies.0.targetLevel', 'jp']);
    });

    it('[learner] cannot create or list courses', async () => {
      expectApiError(await learner.post('/api/courses').send(aCourseRequest()), 403, 'FORBIDDEN');
      expectApiError(await learner.get('/api/courses'), 403, 'FORBIDDEN');
    });
  });

  describe('reach', () => {
    it('[agency admin] reads a course with its modules and activities in order and its instructors', async () => {
      const { course, sections, activities } = await aCourse(t.db)
        .in(world.semarang.agency)
        .withSections(2)
        .withActivity('page', { section: 1, title: 'Penutup' })
        .withActivity('scorm', { section: 0, title: 'Video Interaktif', required: false })
        .withActivity('file', { section: 0, title: 'Modul PDF' })
        .taughtBy(world.semarang.instructor)
        .create();
      const res = await admin.get(`/api/courses/${course.id}`);
      expect(res.status).toBe(200);
      expect(res.body.sections.map((s: { id: string; activities: { title: string }[] }) => [s.id, s.activities.map((a) => a.title)])).toEqual([
        [sections[0].id, ['Video Interaktif', 'Modul PDF']],
        [sections[1].id, ['Penutup']],
      ]);
      expect(res.body.sections[0].activities[0]).toEqual({
        id: activities[1].id,
        courseId: course.id,
        sectionId: sections[0].id,
        type: 'scorm',
        title: 'Video Interaktif',
        required: false,
        position: 0,
        settings: { attemptPolicy: 'always' },
      });
      expect(res.body.instructors).toEqual([
        { id: world.semarang.instructor.id, name: world.semarang.instructor.name, email: world.semarang.instructor.email, nip: world.semarang.instructor.nip, active: true },
      ]);
    });

    it('[instructor] a course of their agency they are not assigned to is not found, on every route, and nothing changes', async () => {
      const { course, sections, activities } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').create();
      const before = await snapshot(t.db);
      const id = course.id;
      const responses = await Promise.all([
        instructor.get(`/api/courses/${id}`),
        instructor.get(`/api/courses/${id}/outline`),
        instructor.get(`/api/courses/${id}/instructors`),
        instructor.patch(`/api/courses/${id}`).send({ title: 'Diambil alih' }),
        instructor.post(`/api/courses/${id}/publish`),
        instructor.post(`/api/courses/${id}/sections`).send({ title: 'Modul' }),
        instructor.patch(`/api/courses/${id}/sections/${sections[0].id}`).send({ title: 'Modul' }),
        instructor.delete(`/api/courses/${id}/sections/${sections[0].id}`),
        instructor.post(`/api/courses/${id}/sections/${sections[0].id}/activities`).send({ type: 'page', title: 'x' }),
        instructor.patch(`/api/courses/${id}/activities/${activities[0].id}`).send({ title: 'x' }),
        instructor.delete(`/api/courses/${id}/activities/${activities[0].id}`),
        instructor.put(`/api/courses/${id}/structure`).send({ sections: [{ id: sections[0].id, activityIds: [activities[0].id] }] }),
      ]);
      for (const res of responses) expectApiError(res, 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
      const list = await instructor.get('/api/courses').query({ pageSize: 200 });
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('[instructor] deleting, archiving or assigning is refused even on a course they teach', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').taughtBy(world.semarang.instructor).create();
      const before = await snapshot(t.db);
      expectApiError(await instructor.delete(`/api/courses/${course.id}`), 403, 'FORBIDDEN');
      expectApiError(await instructor.post(`/api/courses/${course.id}/archive`), 403, 'FORBIDDEN');
      expectApiError(await instructor.post(`/api/courses/${course.id}/unarchive`), 403, 'FORBIDDEN');
      expectApiError(await instructor.put(`/api/courses/${course.id}/instructors`).send({ userIds: [] }), 403, 'FORBIDDEN');
      expect(await snapshot(t.db)).toEqual(before);
      const res = await instructor.get(`/api/courses/${course.id}`);
      expect(res.body.can).toEqual({ edit: true, publish: true, archive: false, unarchive: false, delete: false, assignInstructors: false });
    });

    it.each([
      ['admin', () => admin],
      ['instructor', () => instructor],
    ])('[Semarang %s] Ambon\'s course is not found on any route, even when assigned there by mistake, and nothing changes', async (_who, as) => {
      const { course, sections, activities } = await aCourse(t.db)
        .in(world.ambon.agency)
        .withSections(2)
        .withActivity('page', { section: 0 })
        .taughtBy(world.ambon.instructor, world.semarang.instructor)
        .create();
      const before = await snapshot(t.db);
      const id = course.id;
      const agent = as();
      const responses = await Promise.all([
        agent.get(`/api/courses/${id}`),
        agent.get(`/api/courses/${id}/outline`),
        agent.get(`/api/courses/${id}/instructors`),
        agent.patch(`/api/courses/${id}`).send({ title: 'Diambil alih' }),
        agent.post(`/api/courses/${id}/publish`),
        agent.post(`/api/courses/${id}/sections`).send({ title: 'Modul' }),
        agent.patch(`/api/courses/${id}/sections/${sections[0].id}`).send({ title: 'Modul' }),
        agent.delete(`/api/courses/${id}/sections/${sections[1].id}`),
        agent.post(`/api/courses/${id}/sections/${sections[0].id}/activities`).send({ type: 'page', title: 'x' }),
        agent.patch(`/api/courses/${id}/activities/${activities[0].id}`).send({ title: 'x' }),
        agent.delete(`/api/courses/${id}/activities/${activities[0].id}`),
        agent.put(`/api/courses/${id}/structure`).send({ sections: [{ id: sections[1].id, activityIds: [activities[0].id] }, { id: sections[0].id, activityIds: [] }] }),
      ]);
      for (const res of responses) expectApiError(res, 404, 'NOT_FOUND');
      if (agent === admin) {
        for (const res of await Promise.all([
          agent.delete(`/api/courses/${id}`),
          agent.post(`/api/courses/${id}/archive`),
          agent.post(`/api/courses/${id}/unarchive`),
          agent.put(`/api/courses/${id}/instructors`).send({ userIds: [] }),
        ])) {
          expectApiError(res, 404, 'NOT_FOUND');
        }
      }
      expect(await snapshot(t.db)).toEqual(before);
      expect((await ambonInstructor.get(`/api/courses/${id}`)).status).toBe(200);
    });

    it('[agency admin and instructor] read a platform-wide course but cannot change it', async () => {
      const { course, sections, activities } = await aCourse(t.db).platformWide().withSections(2).withActivity('page', { section: 0 }).published().create();
      const id = course.id;
      for (const agent of [admin, instructor, ambonInstructor]) {
        const res = await agent.get(`/api/courses/${id}`);
        expect(res.status).toBe(200);
        expect(res.body.agencyId).toBeNull();
        expect(Object.values(res.body.can).some(Boolean)).toBe(false);
        expect((await agent.get(`/api/courses/${id}/outline`)).status).toBe(200);
        expect((await agent.get(`/api/courses/${id}/instructors`)).body).toEqual({ items: [] });
      }
      const before = await snapshot(t.db);
      for (const agent of [admin, instructor]) {
        const refused = await everyCourseWrite(agent, id, sections, activities);
        for (const res of refused) expectApiError(res, 403, 'FORBIDDEN');
      }
      for (const res of await Promise.all([
        admin.delete(`/api/courses/${id}`),
        admin.post(`/api/courses/${id}/archive`),
        admin.put(`/api/courses/${id}/instructors`).send({ userIds: [] }),
      ])) {
        expectApiError(res, 403, 'FORBIDDEN');
      }
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[platform admin] edits a platform-wide course and any agency\'s', async () => {
      const shared = await aCourse(t.db).platformWide().create();
      const ambon = await aCourse(t.db).in(world.ambon.agency).create();
      for (const { course } of [shared, ambon]) {
        const res = await platform.patch(`/api/courses/${course.id}`).send({ title: 'Disunting Platform' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ title: 'Disunting Platform', can: { edit: true } });
      }
    });
  });

  describe('list', () => {
    let agency: Awaited<ReturnType<typeof anAgency>>;
    let agencyAdmin: TestAgent;
    let teacher: TestAgent;

    beforeAll(async () => {
      agency = await anAgency(t.db, { name: 'Pemerintah Kota Serang' });
      const adminUser = await aUser(t.db).in(agency).withRoles('agency_admin').create();
      const teacherUser = await aUser(t.db).in(agency).withRoles('instructor').create();
      agencyAdmin = await t.signIn(adminUser.email, PASSWORD);
      teacher = await t.signIn(teacherUser.email, PASSWORD);
      const course = (title: string) => aCourse(t.db).in(agency).titled(title);
      await course('Analisis Kebijakan Publik').code('SRG-AKP').category('teknis').delivery('e_learning').published().taughtBy(teacherUser).create();
      await course('Kepemimpinan Pengawas').code('SRG-KP').category('manajerial').delivery('klasikal').published().create();
      await course('Wawasan Kebangsaan').code('SRG-WK').category('sosial_kultural').delivery('blended').create();
      await course('Etika Pelayanan').code('SRG-EP').category('manajerial').delivery('e_learning').archived().taughtBy(teacherUser).create();
      for (let i = 1; i <= 5; i++) await course(`Teknis Kearsipan ${i}`).code(`SRG-ARS-${i}`).category('teknis').delivery('e_learning').create();
    });

    const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((c) => c.title);

    it('[agency admin] pages through their agency\'s courses', async () => {
      const first = await agencyAdmin.get('/api/courses').query({ agencyId: agency.id, sort: 'code', pageSize: 4 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 9, page: 1, pageSize: 4 });
      expect(first.body.items.map((c: { code: string }) => c.code)).toEqual(['SRG-AKP', 'SRG-ARS-1', 'SRG-ARS-2', 'SRG-ARS-3']);
      const last = await agencyAdmin.get('/api/courses').query({ agencyId: agency.id, sort: 'code', pageSize: 4, page: 3 });
      expect(last.body.items.map((c: { code: string }) => c.code)).toEqual(['SRG-WK']);
    });

    it('[agency admin] filters by text, status, category and delivery mode', async () => {
      const q = (query: Record<string, string>) => agencyAdmin.get('/api/courses').query({ agencyId: agency.id, sort: 'title', ...query });
      expect(titles(await q({ q: 'kearsipan 3' }))).toEqual(['Teknis Kearsipan 3']);
      expect(titles(await q({ q: 'srg-kp' }))).toEqual(['Kepemimpinan Pengawas']);
      expect(titles(await q({ q: '%' }))).toEqual([]);
      expect(titles(await q({ status: 'published' }))).toEqual(['Analisis Kebijakan Publik', 'Kepemimpinan Pengawas']);
      expect(titles(await q({ status: 'archived' }))).toEqual(['Etika Pelayanan']);
      expect(titles(await q({ category: 'manajerial' }))).toEqual(['Etika Pelayanan', 'Kepemimpinan Pengawas']);
      expect(titles(await q({ deliveryMode: 'blended' }))).toEqual(['Wawasan Kebangsaan']);
      expect(titles(await q({ category: 'teknis', status: 'draft', q: 'Kearsipan', pageSize: '2' }))).toEqual(['Teknis Kearsipan 1', 'Teknis Kearsipan 2']);
    });

    it('[agency admin] sees their agency\'s and platform-wide courses, never another agency\'s', async () => {
      const shared = await aCourse(t.db).platformWide().titled('Kursus Bersama Serang').create();
      const res = await agencyAdmin.get('/api/courses').query({ pageSize: 200 });
      expect(res.body.total).toBeGreaterThan(9);
      expect(res.body.items.every((c: { agencyId: string | null }) => c.agencyId === agency.id || c.agencyId === null)).toBe(true);
      expect(titles(res)).toContain('Kursus Bersama Serang');
      const shared2 = await agencyAdmin.get('/api/courses').query({ platformWide: 'true', q: 'Bersama Serang' });
      expect(shared2.body.items.map((c: { id: string; can: { edit: boolean } }) => [c.id, c.can.edit])).toEqual([[shared.course.id, false]]);
      const own = await agencyAdmin.get('/api/courses').query({ platformWide: 'false', pageSize: 200 });
      expect(own.body.total).toBe(9);
      expectApiError(await agencyAdmin.get('/api/courses').query({ agencyId: world.ambon.agency.id }), 404, 'NOT_FOUND');
    });

    it('[instructor] sees only the courses they teach, and platform-wide ones', async () => {
      const res = await teacher.get('/api/courses').query({ platformWide: 'false', sort: 'title' });
      expect(titles(res)).toEqual(['Analisis Kebijakan Publik', 'Etika Pelayanan']);
      expect(res.body.items[0]).toMatchObject({ instructorCount: 1, can: { edit: true, delete: false } });
      const all = await teacher.get('/api/courses').query({ pageSize: 200 });
      expect(all.body.items.every((c: { agencyId: string | null }) => c.agencyId === null || c.agencyId === agency.id)).toBe(true);
    });

    it('[platform admin] sees every agency and can narrow to one', async () => {
      const res = await platform.get('/api/courses').query({ agencyId: agency.id });
      expect(res.body.total).toBe(9);
      const all = await platform.get('/api/courses').query({ pageSize: 200 });
      const agencies = new Set(all.body.items.map((c: { agencyId: string | null }) => c.agencyId));
      expect([...agencies]).toEqual(expect.arrayContaining([agency.id, world.semarang.agency.id, world.ambon.agency.id, null]));
    });

    it('[agency admin] counts of modules, activities and instructors come with each row', async () => {
      const { course } = await aCourse(t.db).in(agency).code('SRG-HITUNG').withSections(2).withActivity('page').withActivity('video').taughtBy(await aUser(t.db).in(agency).withRoles('instructor').create()).create();
      const res = await agencyAdmin.get('/api/courses').query({ q: 'SRG-HITUNG' });
      expect(res.body.items).toEqual([expect.objectContaining({ id: course.id, sectionCount: 2, activityCount: 2, instructorCount: 1 })]);
    });

    it('[agency admin] a bad filter value is named', async () => {
      const res = await agencyAdmin.get('/api/courses').query({ status: 'deleted', category: 'x', pageSize: 0 });
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res).sort()).toEqual(['category', 'pageSize', 'status']);
    });
  });

  describe('editing', () => {
    it('[assigned instructor] changes the course details', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).taughtBy(world.semarang.instructor).create();
      const res = await instructor.patch(`/api/courses/${course.id}`).send({
        title: 'Judul Baru',
        description: 'Deskripsi baru',
        jp: 7.25,
        competencies: [{ code: 'T.KES.01', targetLevel: 4 }],
        category: 'teknis',
        deliveryMode: 'klasikal',
        certificateOnCompletion: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Judul Baru', description: 'Deskripsi baru', jp: 7.25, competencies: [{ code: 'T.KES.01', targetLevel: 4 }], deliveryMode: 'klasikal', certificateOnCompletion: true });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(course.updatedAt.getTime());
    });

    it('[agency admin] chooses the completing activities among the course\'s own, and is told which id is not', async () => {
      const { course, activities } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').withActivity('page').create();
      const other = await aCourse(t.db).in(world.semarang.agency).withActivity('page').create();
      const res = await admin.patch(`/api/courses/${course.id}`).send({ completionRule: 'selected', completionActivityIds: [activities[1].id] });
      expect(res.body).toMatchObject({ completionRule: 'selected', completionActivityIds: [activities[1].id] });
      const bad = await admin.patch(`/api/courses/${course.id}`).send({ completionActivityIds: [activities[0].id, other.activities[0].id] });
      expectApiError(bad, 400, 'VALIDATION_FAILED', 'completionActivityIds.1');
      expect(detailFor(bad, 'completionActivityIds.1')?.code).toBe('ACTIVITY_UNKNOWN');
      const dup = await admin.patch(`/api/courses/${course.id}`).send({ completionActivityIds: [activities[0].id, activities[0].id] });
      expectApiError(dup, 400, 'VALIDATION_FAILED', 'completionActivityIds');
      expect((await admin.get(`/api/courses/${course.id}`)).body.completionActivityIds).toEqual([activities[1].id]);
    });

    it('[agency admin] renaming to a taken code gets 409 CODE_TAKEN', async () => {
      await aCourse(t.db).in(world.semarang.agency).code('TERPAKAI').create();
      const { course } = await aCourse(t.db).in(world.semarang.agency).create();
      expectApiError(await admin.patch(`/api/courses/${course.id}`).send({ code: 'TERPAKAI' }), 409, 'CODE_TAKEN', 'code');
    });

    it('[agency admin] an unknown field is named and refused', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).create();
      const res = await admin.patch(`/api/courses/${course.id}`).send({ status: 'published', agencyId: world.ambon.agency.id, coverImageKey: 'x' });
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res).sort()).toEqual(['agencyId', 'coverImageKey', 'status']);
      expect(await statusOf(course.id)).toBe('draft');
    });
  });

  describe('publishing and archiving', () => {
    it('[assigned instructor] publishes a course with a required activity', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').taughtBy(world.semarang.instructor).create();
      const res = await instructor.post(`/api/courses/${course.id}/publish`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'published', can: { publish: false, edit: true } });
      expect((await instructor.post(`/api/courses/${course.id}/publish`)).status).toBe(200);
    });

    it('[agency admin] a course without activities cannot be published', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withSections(1).create();
      const res = await admin.post(`/api/courses/${course.id}/publish`);
      expectApiError(res, 409, 'COURSE_NOT_PUBLISHABLE', 'activities');
      expect(detailFor(res, 'activities')?.code).toBe('NO_ACTIVITIES');
      expect(await statusOf(course.id)).toBe('draft');
    });

    it('[agency admin] "all required" with only optional activities cannot be published', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page', { required: false }).create();
      expectApiError(await admin.post(`/api/courses/${course.id}/publish`), 409, 'COURSE_NOT_PUBLISHABLE', 'completionRule');
    });

    it('[agency admin] "selected" needs a selection of the course\'s activities', async () => {
      const empty = await aCourse(t.db).in(world.semarang.agency).withActivity('page').completedBy().create();
      const res = await admin.post(`/api/courses/${empty.course.id}/publish`);
      expectApiError(res, 409, 'COURSE_NOT_PUBLISHABLE', 'completionActivityIds');
      expect(detailFor(res, 'completionActivityIds')?.code).toBe('EMPTY_SELECTION');

      const stale = await aCourse(t.db).in(world.semarang.agency).withActivity('page').withActivity('page', { required: false }).completedBy(1).create();
      // A selection pointing at an activity that is gone (written around the API) is caught at publishing.
      await t.db.query(`UPDATE courses SET completion_activity_ids = completion_activity_ids || '7b0d4b4e-0000-4000-8000-000000000000'::uuid WHERE id = $1`, [stale.course.id]);
      expectApiError(await admin.post(`/api/courses/${stale.course.id}/publish`), 409, 'COURSE_NOT_PUBLISHABLE', 'completionActivityIds.1');

      const good = await aCourse(t.db).in(world.semarang.agency).withActivity('page').withActivity('page', { required: false }).completedBy(1).create();
      expect((await admin.post(`/api/courses/${good.course.id}/publish`)).body.status).toBe('published');
    });

    it('[agency admin] a published course keeps meeting the rules: changes that would break them are refused', async () => {
      const { course, activities } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').withActivity('page', { required: false }).published().create();
      const before = await snapshot(t.db);
      expectApiError(await admin.delete(`/api/courses/${course.id}/activities/${activities[0].id}`), 409, 'COURSE_NOT_PUBLISHABLE', 'completionRule');
      expectApiError(await admin.patch(`/api/courses/${course.id}/activities/${activities[0].id}`).send({ required: false }), 409, 'COURSE_NOT_PUBLISHABLE', 'completionRule');
      expectApiError(await admin.patch(`/api/courses/${course.id}`).send({ completionRule: 'selected' }), 409, 'COURSE_NOT_PUBLISHABLE', 'completionActivityIds');
      expect(await snapshot(t.db)).toEqual(before);
      // The optional one may go; and the rule may change together with its selection.
      expect((await admin.delete(`/api/courses/${course.id}/activities/${activities[1].id}`)).status).toBe(204);
      const switched = await admin.patch(`/api/courses/${course.id}`).send({ completionRule: 'selected', completionActivityIds: [activities[0].id] });
      expect(switched.body).toMatchObject({ status: 'published', completionRule: 'selected' });
    });

    it('[agency admin] deleting a selected activity takes it out of the selection', async () => {
      const { course, activities } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').withActivity('page').completedBy(0, 1).create();
      expect((await admin.delete(`/api/courses/${course.id}/activities/${activities[0].id}`)).status).toBe(204);
      expect((await admin.get(`/api/courses/${course.id}`)).body.completionActivityIds).toEqual([activities[1].id]);
    });

    it('[agency admin] archives a course; it is then read-only until un-archived, which makes it a draft again', async () => {
      const { course, sections, activities } = await aCourse(t.db).in(world.semarang.agency).withSections(2).withActivity('page', { section: 0 }).published().taughtBy(world.semarang.instructor).create();
      const archived = await admin.post(`/api/courses/${course.id}/archive`);
      expect(archived.body).toMatchObject({ status: 'archived', can: { edit: false, unarchive: true, archive: false, delete: false } });
      const id = course.id;
      const before = await snapshot(t.db);
      for (const agent of [admin, instructor]) {
        const refused = await everyCourseWrite(agent, id, sections, activities);
        for (const res of refused) expectApiError(res, 409, 'COURSE_ARCHIVED');
      }
      expectApiError(await admin.post(`/api/courses/${id}/archive`), 409, 'COURSE_ARCHIVED');
      expectApiError(await admin.put(`/api/courses/${id}/instructors`).send({ userIds: [] }), 409, 'COURSE_ARCHIVED');
      expectApiError(await admin.delete(`/api/courses/${id}`), 409, 'COURSE_NOT_DELETABLE');
      expect(await snapshot(t.db)).toEqual(before);
      expect((await instructor.get(`/api/courses/${id}`)).status).toBe(200);

      const back = await admin.post(`/api/courses/${id}/unarchive`);
      expect(back.body).toMatchObject({ status: 'draft', can: { edit: true } });
      expect((await admin.post(`/api/courses/${id}/unarchive`)).body.status).toBe('draft');
      expect((await instructor.patch(`/api/courses/${id}`).send({ title: 'Hidup lagi' })).status).toBe(200);
    });

    it('[agency admin] deletes a draft with all its modules, activities and assignments; a published one is archived instead', async () => {
      const draft = await aCourse(t.db).in(world.semarang.agency).withSections(2).withActivity('page').taughtBy(world.semarang.instructor).create();
      expect((await admin.delete(`/api/courses/${draft.course.id}`)).status).toBe(204);
      for (const table of ['courses', 'course_sections', 'course_activities', 'course_instructors'] as const) {
        expect({ table, rows: await countRows(t.db, table, table === 'courses' ? 'id = $1' : 'course_id = $1', [draft.course.id]) }).toEqual({ table, rows: 0 });
      }
      expectApiError(await admin.get(`/api/courses/${draft.course.id}`), 404, 'NOT_FOUND');
      const published = await aCourse(t.db).in(world.semarang.agency).withActivity('page').published().create();
      expectApiError(await admin.delete(`/api/courses/${published.course.id}`), 409, 'COURSE_NOT_DELETABLE');
      expect(await statusOf(published.course.id)).toBe('published');
    });
  });

  describe('instructors', () => {
    it('[agency admin] assigns an instructor, who can then edit the course; taking them off closes it again', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).create();
      expectApiError(await instructor.get(`/api/courses/${course.id}`), 404, 'NOT_FOUND');
      const other = await aUser(t.db).in(world.semarang.agency).withRoles('instructor').named('Widyaiswara Kedua').create();
      const res = await admin.put(`/api/courses/${course.id}/instructors`).send({ userIds: [world.semarang.instructor.id, other.id] });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual([world.semarang.instructor.id, other.id].sort());
      expect((await instructor.patch(`/api/courses/${course.id}`).send({ title: 'Diajar' })).status).toBe(200);
      expect((await instructor.get(`/api/courses/${course.id}/instructors`)).body.items).toHaveLength(2);

      expect((await admin.put(`/api/courses/${course.id}/instructors`).send({ userIds: [other.id] })).body.items.map((i: { id: string }) => i.id)).toEqual([other.id]);
      expectApiError(await instructor.get(`/api/courses/${course.id}`), 404, 'NOT_FOUND');
    });

    it('[agency admin] only active instructors of the course\'s agency can be assigned; each other one is named', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).taughtBy(world.semarang.instructor).create();
      const inactive = await aUser(t.db).in(world.semarang.agency).withRoles('instructor').inactive().create();
      const before = await snapshot(t.db);
      const res = await admin.put(`/api/courses/${course.id}/instructors`).send({
        userIds: [world.semarang.instructor.id, world.semarang.learner.id, world.ambon.instructor.id, inactive.id, '7b0d4b4e-0000-4000-8000-000000000000'],
      });
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res)).toEqual(['userIds.1', 'userIds.2', 'userIds.3', 'userIds.4']);
      expect(detailFor(res, 'userIds.2')?.code).toBe('INSTRUCTOR_INVALID');
      expect(await snapshot(t.db)).toEqual(before);
      expectApiError(await admin.put(`/api/courses/${course.id}/instructors`).send({ userIds: [world.semarang.instructor.id, world.semarang.instructor.id] }), 400, 'VALIDATION_FAILED', 'userIds');
    });

    it('[platform admin] a platform-wide course has no instructors', async () => {
      const { course } = await aCourse(t.db).platformWide().create();
      expectApiError(await platform.put(`/api/courses/${course.id}/instructors`).send({ userIds: [world.semarang.instructor.id] }), 400, 'VALIDATION_FAILED', 'userIds.0');
      expect((await platform.put(`/api/courses/${course.id}/instructors`).send({ userIds: [] })).body).toEqual({ items: [] });
    });

    it('[platform admin] assigns instructors on any agency\'s course', async () => {
      const { course } = await aCourse(t.db).in(world.ambon.agency).create();
      const res = await platform.put(`/api/courses/${course.id}/instructors`).send({ userIds: [world.ambon.instructor.id] });
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([world.ambon.instructor.id]);
      expect((await ambonInstructor.get(`/api/courses/${course.id}`)).status).toBe(200);
    });
  });
});

/** Every editing call on a course with two sections and an activity in the first: all must be refused alike. */
function everyCourseWrite(agent: TestAgent, id: string, sections: { id: string }[], activities: { id: string }[]) {
  return Promise.all([
    agent.patch(`/api/courses/${id}`).send({ title: 'Diubah' }),
    agent.post(`/api/courses/${id}/publish`),
    agent.post(`/api/courses/${id}/sections`).send({ title: 'Modul' }),
    agent.patch(`/api/courses/${id}/sections/${sections[0].id}`).send({ title: 'Modul' }),
    agent.delete(`/api/courses/${id}/sections/${sections[1].id}`),
    agent.post(`/api/courses/${id}/sections/${sections[0].id}/activities`).send({ type: 'page', title: 'x' }),
    agent.patch(`/api/courses/${id}/activities/${activities[0].id}`).send({ title: 'x' }),
    agent.delete(`/api/courses/${id}/activities/${activities[0].id}`),
    agent.put(`/api/courses/${id}/structure`).send({ sections: [{ id: sections[1].id, activityIds: [activities[0].id] }, { id: sections[0].id, activityIds: [] }] }),
  ]);
}
