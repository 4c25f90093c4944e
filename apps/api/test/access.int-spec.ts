import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ROLES, type TRole } from '@asah/contracts/roles';
import {
  AgencyCast,
  BuiltCourse,
  PASSWORD,
  aCohort,
  aCourse,
  aCourseRequest,
  aPosition,
  aDevelopmentLog,
  aPureInstructor,
  aSession,
  aUnit,
  aUser,
  aUserRequest,
  aWorld,
  anEnrolment,
  anImportFile,
  day,
} from './factories/builders';
import { aPlan, aProgram, aProgramRequest, aTechnicalCompetency, anAssessment, assessmentCsv, dictionaryCsv, fiveLevels } from './factories/competency-builders';
import { EnrolmentRule } from '../src/modules/enrolments/enrolment-rule.entity';
import { BulkIssueService } from '../src/modules/certificates/bulk.service';
import { defaultTemplateContent } from '../src/modules/certificates/default-template';
import { aCertificate, aCertificateAsset, aCertificateTemplate, platformActor } from './factories/certificate-builders';
import { OBJECT_STORAGE } from '../src/modules/storage/object-storage';
import { ContentFile } from '../src/modules/content/content-file.entity';
import { A_PNG, aScormManifest, buildZip, sample } from './support/content';
import { snapshot } from './support/db-snapshot';
import { expectApiError } from './support/http';
import { controllerRoutes, httpRoutes } from './support/routes';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The access matrix. Adding a route without adding it here fails the first tests, so nobody
 * ships a route whose access was never decided.
 */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/auth/logout',
  // Certificate verification and the credentials' public material (rate-limited where it looks up a code).
  'GET /api/verify/:code', 'POST /api/credentials/verify', 'GET /api/credentials/keys', 'GET /api/credentials/keys/:id', 'GET /api/credentials/status/:agencyId', 'GET /api/issuers/:agencyId'];

/** Served by Swagger outside the controllers: public, read-only documentation. */
const isDocsRoute = (key: string) => /^GET \/api\/docs([/-]|$)/.test(key);

const PLATFORM_ONLY: TRole[] = ['learner', 'instructor', 'agency_admin'];
const ADMINS_ONLY: TRole[] = ['learner', 'instructor'];
/** Course authoring: instructors and admins (the service then narrows instructors to their assigned courses). */
const AUTHORS: TRole[] = ['learner'];
/** Learning: the catalogue, enrolling, one's own learning and JP. */
const LEARNERS_ONLY: TRole[] = ['instructor', 'agency_admin', 'platform_admin'];
/** Any signed-in user: approvers are unit heads (any employee) and admins. */
const ANYONE: TRole[] = [];

/** Every non-public route and the roles it must refuse with 403. */
const REFUSED: Record<string, TRole[]> = {
  'GET /api/auth/me': [],
  'POST /api/auth/password': [],
  'GET /api/agencies': PLATFORM_ONLY,
  'POST /api/agencies': PLATFORM_ONLY,
  'PATCH /api/agencies/:id': PLATFORM_ONLY,
  'GET /api/agencies/:id': ADMINS_ONLY,
  'GET /api/units': ADMINS_ONLY,
  'POST /api/units': ADMINS_ONLY,
  'PATCH /api/units/:id': ADMINS_ONLY,
  'DELETE /api/units/:id': ADMINS_ONLY,
  'GET /api/positions': ADMINS_ONLY,
  'POST /api/positions': ADMINS_ONLY,
  'PATCH /api/positions/:id': ADMINS_ONLY,
  'DELETE /api/positions/:id': ADMINS_ONLY,
  'GET /api/users': ADMINS_ONLY,
  'GET /api/users/:id': ADMINS_ONLY,
  'POST /api/users': ADMINS_ONLY,
  'PATCH /api/users/:id': ADMINS_ONLY,
  'POST /api/users/:id/reset-password': ADMINS_ONLY,
  'POST /api/users/import/preview': ADMINS_ONLY,
  'POST /api/users/import': ADMINS_ONLY,
  'GET /api/courses': AUTHORS,
  'POST /api/courses': AUTHORS,
  'GET /api/courses/:id': AUTHORS,
  'PATCH /api/courses/:id': AUTHORS,
  'DELETE /api/courses/:id': ADMINS_ONLY,
  'POST /api/courses/:id/publish': AUTHORS,
  'POST /api/courses/:id/archive': ADMINS_ONLY,
  'POST /api/courses/:id/unarchive': ADMINS_ONLY,
  'GET /api/courses/:id/instructors': AUTHORS,
  'PUT /api/courses/:id/instructors': ADMINS_ONLY,
  'GET /api/courses/:id/outline': AUTHORS,
  'POST /api/courses/:id/sections': AUTHORS,
  'PATCH /api/courses/:id/sections/:sectionId': AUTHORS,
  'DELETE /api/courses/:id/sections/:sectionId': AUTHORS,
  'POST /api/courses/:id/sections/:sectionId/activities': AUTHORS,
  'PATCH /api/courses/:id/activities/:activityId': AUTHORS,
  'DELETE /api/courses/:id/activities/:activityId': AUTHORS,
  'PUT /api/courses/:id/structure': AUTHORS,
  'POST /api/courses/:id/activities/:activityId/package': AUTHORS,
  'POST /api/courses/:id/activities/:activityId/package/validate': AUTHORS,
  'GET /api/courses/:id/activities/:activityId/package/versions': AUTHORS,
  'POST /api/courses/:id/activities/:activityId/file': AUTHORS,
  'GET /api/courses/:id/activities/:activityId/file': AUTHORS,
  'POST /api/courses/:id/activities/:activityId/launch': ANYONE,
  'POST /api/courses/:id/cover': AUTHORS,
  'DELETE /api/courses/:id/cover': AUTHORS,
  'GET /api/catalogue': LEARNERS_ONLY,
  'GET /api/catalogue/:courseId': LEARNERS_ONLY,
  'POST /api/enrolments': LEARNERS_ONLY,
  'GET /api/me/enrolments': LEARNERS_ONLY,
  'GET /api/me/jp': LEARNERS_ONLY,
  'POST /api/enrolments/:id/withdraw': ['instructor'],
  'POST /api/enrolments/:id/complete': ADMINS_ONLY,
  'GET /api/approvals': ANYONE,
  'POST /api/enrolments/:id/approve': ANYONE,
  'POST /api/enrolments/:id/reject': ANYONE,
  'GET /api/courses/:id/cohorts': AUTHORS,
  'POST /api/courses/:id/cohorts': ADMINS_ONLY,
  'GET /api/cohorts/:id': AUTHORS,
  'PATCH /api/cohorts/:id': ADMINS_ONLY,
  'DELETE /api/cohorts/:id': ADMINS_ONLY,
  'GET /api/courses/:id/enrolment-settings': AUTHORS,
  'PUT /api/courses/:id/enrolment-settings': ADMINS_ONLY,
  'GET /api/courses/:id/enrolments': AUTHORS,
  'POST /api/courses/:id/enrolments/bulk': ADMINS_ONLY,
  'POST /api/courses/:id/enrolments/bulk/csv': ADMINS_ONLY,
  'GET /api/enrolment-rules': ADMINS_ONLY,
  'POST /api/enrolment-rules': ADMINS_ONLY,
  'GET /api/enrolment-rules/:id': ADMINS_ONLY,
  'PATCH /api/enrolment-rules/:id': ADMINS_ONLY,
  'DELETE /api/enrolment-rules/:id': ADMINS_ONLY,
  'POST /api/enrolment-rules/:id/apply': ADMINS_ONLY,
  'GET /api/users/:id/jp': ADMINS_ONLY,
  'GET /api/jp-targets': ADMINS_ONLY,
  'PUT /api/jp-targets': ADMINS_ONLY,
  'GET /api/reports/jp-compliance': ADMINS_ONLY,
  'GET /api/reports/jp-compliance/export': ADMINS_ONLY,
  'GET /api/courses/:id/activities/:activityId/sessions': AUTHORS,
  'POST /api/courses/:id/activities/:activityId/sessions': AUTHORS,
  'GET /api/sessions/:id': AUTHORS,
  'PATCH /api/sessions/:id': AUTHORS,
  'DELETE /api/sessions/:id': AUTHORS,
  'GET /api/sessions/:id/attendance': AUTHORS,
  'PUT /api/sessions/:id/attendance': AUTHORS,
  'GET /api/sessions/:id/check-in-code': AUTHORS,
  'POST /api/sessions/:id/check-in': LEARNERS_ONLY,
  'GET /api/me/sessions': LEARNERS_ONLY,
  'POST /api/me/development-logs': LEARNERS_ONLY,
  'GET /api/me/development-logs': LEARNERS_ONLY,
  'POST /api/development-logs/:id/withdraw': LEARNERS_ONLY,
  'GET /api/development-logs': ANYONE,
  'POST /api/development-logs/:id/approve': ANYONE,
  'POST /api/development-logs/:id/reject': ANYONE,
  'GET /api/development-logs/:id/proof': ANYONE,
  'GET /api/me/notifications': ANYONE,
  'GET /api/me/notifications/unread-count': ANYONE,
  'POST /api/me/notifications/read-all': ANYONE,
  'POST /api/me/notifications/:id/read': ANYONE,
  // Competency framework (issue 7).
  'GET /api/competency/dictionary': AUTHORS,
  'GET /api/competency/dictionary/:id': AUTHORS,
  'POST /api/competency/dictionary': ADMINS_ONLY,
  'PATCH /api/competency/dictionary/:id': ADMINS_ONLY,
  'DELETE /api/competency/dictionary/:id': ADMINS_ONLY,
  'GET /api/competency/dictionary/export': ADMINS_ONLY,
  'POST /api/competency/dictionary/import/preview': ADMINS_ONLY,
  'POST /api/competency/dictionary/import': ADMINS_ONLY,
  'GET /api/competency/settings': ADMINS_ONLY,
  'PUT /api/competency/settings': ADMINS_ONLY,
  'GET /api/competency/standards': ADMINS_ONLY,
  'PUT /api/competency/standards/:positionId': ADMINS_ONLY,
  'GET /api/users/:id/assessments': ADMINS_ONLY,
  'GET /api/me/assessments': LEARNERS_ONLY,
  'POST /api/competency/assessments': ADMINS_ONLY,
  'DELETE /api/competency/assessments/:id': ADMINS_ONLY,
  'GET /api/competency/assessments/flagged': ADMINS_ONLY,
  'POST /api/competency/assessments/import/preview': ADMINS_ONLY,
  'POST /api/competency/assessments/import': ADMINS_ONLY,
  'GET /api/me/competency-profile': LEARNERS_ONLY,
  'GET /api/users/:id/competency-profile': ADMINS_ONLY,
  'GET /api/courses/:id/competency-targets': AUTHORS,
  'PUT /api/courses/:id/competency-targets': AUTHORS,
  'GET /api/competency/needs-analysis': ADMINS_ONLY,
  'GET /api/competency/needs-analysis/cell': ADMINS_ONLY,
  'GET /api/competency/needs-analysis/export': ADMINS_ONLY,
  'GET /api/competency/plans': ADMINS_ONLY,
  'POST /api/competency/plans': ADMINS_ONLY,
  'GET /api/competency/plans/:id': ADMINS_ONLY,
  'PATCH /api/competency/plans/:id': ADMINS_ONLY,
  'POST /api/competency/plans/:id/actions': ADMINS_ONLY,
  'GET /api/competency/plans/:id/export': ADMINS_ONLY,
  'POST /api/competency/plans/:id/programs': ADMINS_ONLY,
  'PATCH /api/competency/plans/:id/programs/:programId': ADMINS_ONLY,
  'DELETE /api/competency/plans/:id/programs/:programId': ADMINS_ONLY,
  'POST /api/competency/plans/:id/programs/:programId/cohort': ADMINS_ONLY,
  'GET /api/competency/workload': ADMINS_ONLY,
  'GET /api/competency/workload/tasks': ADMINS_ONLY,
  'PUT /api/competency/workload/tasks': ADMINS_ONLY,
  'GET /api/competency/workload/export': ADMINS_ONLY,
  'GET /api/me/development-goals': LEARNERS_ONLY,
  'POST /api/me/development-goals': LEARNERS_ONLY,
  'PATCH /api/me/development-goals/:id': LEARNERS_ONLY,
  'DELETE /api/me/development-goals/:id': LEARNERS_ONLY,
  'GET /api/users/:id/development-goals': ADMINS_ONLY,
  'POST /api/learning/activities/:activityId/launch': ANYONE,
  'POST /api/learning/activities/:activityId/viewed': ANYONE,
  'GET /api/learning/activities/:activityId/content': ANYONE,
  'GET /api/learning/progress': LEARNERS_ONLY,
  'GET /api/learning/courses/:courseId/progress': LEARNERS_ONLY,
  'GET /api/courses/:id/progress': AUTHORS,
  'GET /api/courses/:id/progress.csv': AUTHORS,
  'GET /api/courses/:id/progress/:userId': AUTHORS,
  'GET /api/attempts/:id': ANYONE,
  'GET /api/certificate-templates': ADMINS_ONLY,
  'POST /api/certificate-templates': ADMINS_ONLY,
  'POST /api/certificate-templates/preview': ADMINS_ONLY,
  'GET /api/certificate-templates/:id': ADMINS_ONLY,
  'PUT /api/certificate-templates/:id': ADMINS_ONLY,
  'POST /api/certificate-templates/:id/archive': ADMINS_ONLY,
  'POST /api/certificate-templates/:id/unarchive': ADMINS_ONLY,
  'POST /api/certificate-assets': ADMINS_ONLY,
  'GET /api/certificate-assets/:id': ADMINS_ONLY,
  'GET /api/certificate-settings': ADMINS_ONLY,
  'PUT /api/certificate-settings': ADMINS_ONLY,
  'GET /api/courses/:id/certificate-settings': ADMINS_ONLY,
  'PUT /api/courses/:id/certificate-settings': ADMINS_ONLY,
  'POST /api/certificates': ADMINS_ONLY,
  'GET /api/certificates': ADMINS_ONLY,
  'GET /api/me/certificates': ANYONE,
  'GET /api/certificates/:id': ANYONE,
  'GET /api/certificates/:id/pdf': ANYONE,
  'GET /api/certificates/:id/credential': ANYONE,
  'POST /api/certificates/:id/revoke': ADMINS_ONLY,
  'POST /api/courses/:id/certificates/bulk': ADMINS_ONLY,
  'GET /api/certificate-jobs': ADMINS_ONLY,
  'GET /api/certificate-jobs/:id': ADMINS_ONLY,
  'GET /api/certificate-jobs/:id/items': ADMINS_ONLY,
  'POST /api/certificate-keys/rotate': ADMINS_ONLY,
};

/** Routes about the caller themself: there is no other agency's record to address. */
const SELF_ROUTES = [
  'GET /api/auth/me',
  'POST /api/auth/password',
  'GET /api/me/notifications',
  'GET /api/me/notifications/unread-count',
  'POST /api/me/notifications/read-all',
  'POST /api/me/notifications/:id/read',
  'GET /api/me/certificates',
];

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
/** Calls the route with a fresh unknown id for each parameter. */
const call = (agent: TestAgent, key: string) => {
  const [method, path] = key.split(' ');
  return agent[method.toLowerCase() as Method](path.replace(/:\w+/g, () => randomUUID()));
};

interface Probe {
  /** Creates what the request addresses when the request would use it up (a delete). */
  prepare?: (cast: AgencyCast) => Promise<string>;
  send: (as: TestAgent, cast: AgencyCast, id: string) => Promise<Response>;
  ok: number;
}

describe('access matrix', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let as: Record<TRole | 'anonymous', TestAgent>;
  let codes = 0;
  const code = () => `X-${++codes}`;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    const instructor = await aPureInstructor(t.db, world.semarang);
    // Each session holds one role only, so a route meant for learners is seen refusing the others.
    const admin = await aUser(t.db).in(world.semarang.agency).at(world.semarang.unit).withRoles('agency_admin').create();
    as = {
      anonymous: t.anonymous(),
      learner: await t.signIn(world.semarang.learner.email, PASSWORD),
      instructor: await t.signIn(instructor.email, PASSWORD),
      agency_admin: await t.signIn(admin.email, PASSWORD),
      platform_admin: await t.signIn(world.platformAdmin.email, PASSWORD),
    };
  });
  afterAll(() => t.close());

  /** Courses made by a probe's `prepare`, by id, so the probe can address their sections and activities. */
  const courses = new Map<string, BuiltCourse>();
  /** A draft with two modules: the first holds two page activities, the second is empty. */
  const aCourseOf = async (c: AgencyCast, status: 'draft' | 'archived' = 'draft') => {
    const built = await aCourse(t.db).in(c.agency).status(status).withSections(2).withActivity('page', { section: 0 }).withActivity('page', { section: 0 }).create();
    courses.set(built.course.id, built);
    return built.course.id;
  };
  const built = (id: string) => courses.get(id)!;
  /** A draft with a SCORM activity and a file activity whose file is already recorded (for launch). */
  const aContentCourseOf = async (c: AgencyCast) => {
    const made = await aCourse(t.db).in(c.agency).withActivity('scorm').withActivity('file').create();
    courses.set(made.course.id, made);
    await t.db.getRepository(ContentFile).insert({
      id: randomUUID(),
      activityId: made.activities[1].id,
      kind: 'file',
      current: true,
      storageKey: 'files/x/materi.pdf',
      fileName: 'materi.pdf',
      contentType: 'application/pdf',
      sizeBytes: '3',
    });
    return made.course.id;
  };
  /** A published course of `c`'s agency (for enrolment routes). */
  const aPublishedCourseOf = async (c: AgencyCast) => {
    const made = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    courses.set(made.course.id, made);
    return made.course.id;
  };
  const aCohortOf = async (c: AgencyCast) => (await aCohort(t.db, (await aCourse(t.db).in(c.agency).withActivity('page').published().create()).course).create()).id;
  /** An enrolment of a fresh learner of `c`'s agency in a published course of it. */
  const anEnrolmentOf = (status: 'requested' | 'approved') => async (c: AgencyCast) => {
    const learner = await aUser(t.db).in(c.agency).at(c.subUnit).create();
    const { course } = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    const e = anEnrolment(t.db).of(learner).in(course);
    return (await (status === 'requested' ? e.requested() : e).create()).id;
  };
  const aRuleOf = async (c: AgencyCast) => {
    const { course } = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    const rule = await t.db.getRepository(EnrolmentRule).save({ agencyId: c.agency.id, name: `Aturan ${code()}`, courseId: course.id, unitId: c.unit.id, includeSubunits: true });
    return rule.id;
  };
  /** A published classroom course of `c`'s agency (its one activity is the classroom one). */
  const aClassroomCourseOf = async (c: AgencyCast) => {
    const made = await aCourse(t.db).in(c.agency).withActivity('classroom').published().create();
    courses.set(made.course.id, made);
    return made.course.id;
  };
  /** Learner expected at each session made by `aSessionOf`, by session id. */
  const attendees = new Map<string, string>();
  /** A running session of a classroom course of `c`'s agency, with one learner who has a place. */
  const aSessionOf = async (c: AgencyCast) => {
    const made = await aCourse(t.db).in(c.agency).withActivity('classroom').published().create();
    const session = await aSession(t.db, made.activities[0]).running().create();
    const learner = await aUser(t.db).in(c.agency).at(c.unit).create();
    await anEnrolment(t.db).of(learner).in(made.course).create();
    attendees.set(session.id, learner.id);
    return session.id;
  };
  /** A submitted development log of a fresh learner of `c`'s agency, proof stored. */
  const aLogOf = async (c: AgencyCast) => {
    const learner = await aUser(t.db).in(c.agency).at(c.unit).create();
    return (await aDevelopmentLog(t.db, t.app.get(OBJECT_STORAGE)).of(learner).create()).id;
  };
  const classroomOf = (id: string) => `/api/courses/${id}/activities/${built(id).activities[0].id}/sessions`;
  const scormOf = (id: string) => `/api/courses/${id}/activities/${built(id).activities[0].id}`;
  const fileOf = (id: string) => `/api/courses/${id}/activities/${built(id).activities[1].id}`;

  /** A technical competency of `c`'s agency. */
  const aCompetencyOf = async (c: AgencyCast) => (await aTechnicalCompetency(t.db, c.agency)).id;
  let planYears = 0;
  /** Plans made by a probe's `prepare`: their one program (targeting the learner) and a published course for the cohort. */
  const plans = new Map<string, { programId: string; courseId: string }>();
  const aPlanOf = (status: 'draft' | 'approved') => async (c: AgencyCast) => {
    const plan = await aPlan(t.db, c.agency, status);
    const program = await aProgram(t.db, plan, [c.learner]);
    const { course } = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    plans.set(plan.id, { programId: program.id, courseId: course.id });
    return plan.id;
  };
  /** A published course of `c`'s agency whose SCORM activity holds a small SCORM 1.2 package (uploaded by the platform admin). */
  const aScormPackageCourseOf = async (c: AgencyCast) => {
    const made = await aCourse(t.db).in(c.agency).withActivity('scorm').withActivity('page').published().create();
    courses.set(made.course.id, made);
    const zip = await buildZip([{ name: 'imsmanifest.xml', content: aScormManifest() }, { name: 'index.html', content: '<html></html>' }]);
    const res = await as.platform_admin.post(`/api/courses/${made.course.id}/activities/${made.activities[0].id}/package`).attach('file', zip, 'paket.zip');
    if (res.status !== 201) throw new Error(`package upload failed: ${res.status}`);
    return made.course.id;
  };
  /** An attempt of a learner of `c`'s agency at a SCORM activity of `c`'s agency (written straight to the database). */
  const anAttemptOf = async (c: AgencyCast) => {
    const courseId = await aScormPackageCourseOf(c);
    const activityId = built(courseId).activities[0].id;
    const [version] = await t.db.query(`SELECT id FROM package_versions WHERE activity_id = $1`, [activityId]);
    const [attempt] = await t.db.query(
      `INSERT INTO tracking_attempts (user_id, activity_id, course_id, package_version_id, standard, attempt_number) VALUES ($1, $2, $3, $4, 'scorm12', 1) RETURNING id`,
      [c.learner.id, activityId, courseId, version.id],
    );
    return attempt.id as string;
  };

  /** How an admin addresses each agency-scoped route of `cast`'s agency. */
  // Certificates: a template, a course with one, a certificate, a bulk job of the agency.
  const aTemplateOf = (c: AgencyCast) => aCertificateTemplate(t.app, world.platformAdmin, c.agency);
  const certifiable = new Map<string, string>();
  const aCertifiableCourseOf = async (c: AgencyCast) => {
    const { course } = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    certifiable.set(course.id, await aTemplateOf(c));
    return course.id;
  };
  const aCertificateOf = async (c: AgencyCast) => {
    const { course } = await aCourse(t.db).in(c.agency).withActivity('page').published().create();
    return aCertificate(t.app, world.platformAdmin, c.agency, course, c.learner);
  };
  const aBulkJobOf = async (c: AgencyCast) => {
    const courseId = await aCertifiableCourseOf(c);
    return (await t.app.get(BulkIssueService).start(platformActor(world.platformAdmin), courseId, { by: 'users', userIds: [c.learner.id], onlyCompleted: false, templateId: certifiable.get(courseId) })).id;
  };

  const PROBES: Record<string, Probe> = {
    'GET /api/agencies/:id': { send: (a, c) => a.get(`/api/agencies/${c.agency.id}`), ok: 200 },
    'GET /api/units': { send: (a, c) => a.get('/api/units').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/units': { send: (a, c) => a.post('/api/units').send({ agencyId: c.agency.id, code: code(), name: 'Bagian Baru', parentId: c.unit.id }), ok: 201 },
    'PATCH /api/units/:id': { send: (a, c) => a.patch(`/api/units/${c.subUnit.id}`).send({ name: `Bidang ${code()}` }), ok: 200 },
    'DELETE /api/units/:id': { prepare: async (c) => (await aUnit(t.db, c.agency)).id, send: (a, _c, id) => a.delete(`/api/units/${id}`), ok: 204 },
    'GET /api/positions': { send: (a, c) => a.get('/api/positions').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/positions': { send: (a, c) => a.post('/api/positions').send({ agencyId: c.agency.id, code: code(), name: 'Analis', type: 'pelaksana' }), ok: 201 },
    'PATCH /api/positions/:id': { send: (a, c) => a.patch(`/api/positions/${c.position.id}`).send({ name: `Kepala Seksi ${code()}` }), ok: 200 },
    'DELETE /api/positions/:id': { prepare: async (c) => (await aPosition(t.db, c.agency)).id, send: (a, _c, id) => a.delete(`/api/positions/${id}`), ok: 204 },
    'GET /api/users': { send: (a, c) => a.get('/api/users').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/users/:id': { send: (a, c) => a.get(`/api/users/${c.learner.id}`), ok: 200 },
    'POST /api/users': { send: (a, c) => a.post('/api/users').send(aUserRequest(c, { agencyId: c.agency.id })), ok: 201 },
    'PATCH /api/users/:id': { prepare: async (c) => (await aUser(t.db).in(c.agency).create()).id, send: (a, _c, id) => a.patch(`/api/users/${id}`).send({ name: 'Nama Diubah' }), ok: 200 },
    'POST /api/users/:id/reset-password': {
      prepare: async (c) => (await aUser(t.db).in(c.agency).create()).id,
      send: (a, _c, id) => a.post(`/api/users/${id}/reset-password`),
      ok: 200,
    },
    'POST /api/users/import/preview': {
      send: (a, c) => a.post('/api/users/import/preview').field('agencyId', c.agency.id).attach('file', anImportFile().employee(c).build(), 'pegawai.csv'),
      ok: 200,
    },
    'POST /api/users/import': {
      send: (a, c) => a.post('/api/users/import').field('agencyId', c.agency.id).attach('file', anImportFile().employee(c).build(), 'pegawai.csv'),
      ok: 200,
    },
    'GET /api/courses': { send: (a, c) => a.get('/api/courses').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/courses': { send: (a, c) => a.post('/api/courses').send(aCourseRequest({ agencyId: c.agency.id })), ok: 201 },
    'GET /api/courses/:id': { prepare: aCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}`), ok: 200 },
    'PATCH /api/courses/:id': { prepare: aCourseOf, send: (a, _c, id) => a.patch(`/api/courses/${id}`).send({ title: 'Judul Baru', jp: 6 }), ok: 200 },
    'DELETE /api/courses/:id': { prepare: aCourseOf, send: (a, _c, id) => a.delete(`/api/courses/${id}`), ok: 204 },
    'POST /api/courses/:id/publish': { prepare: aCourseOf, send: (a, _c, id) => a.post(`/api/courses/${id}/publish`), ok: 200 },
    'POST /api/courses/:id/archive': { prepare: aCourseOf, send: (a, _c, id) => a.post(`/api/courses/${id}/archive`), ok: 200 },
    'POST /api/courses/:id/unarchive': { prepare: (c) => aCourseOf(c, 'archived'), send: (a, _c, id) => a.post(`/api/courses/${id}/unarchive`), ok: 200 },
    'GET /api/courses/:id/instructors': { prepare: aCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/instructors`), ok: 200 },
    'PUT /api/courses/:id/instructors': { prepare: aCourseOf, send: (a, c, id) => a.put(`/api/courses/${id}/instructors`).send({ userIds: [c.instructor.id] }), ok: 200 },
    'GET /api/courses/:id/outline': { prepare: aCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/outline`), ok: 200 },
    'POST /api/courses/:id/sections': { prepare: aCourseOf, send: (a, _c, id) => a.post(`/api/courses/${id}/sections`).send({ title: 'Modul Baru' }), ok: 201 },
    'PATCH /api/courses/:id/sections/:sectionId': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.patch(`/api/courses/${id}/sections/${built(id).sections[0].id}`).send({ title: 'Modul Diubah' }),
      ok: 200,
    },
    'DELETE /api/courses/:id/sections/:sectionId': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.delete(`/api/courses/${id}/sections/${built(id).sections[1].id}`),
      ok: 204,
    },
    'POST /api/courses/:id/sections/:sectionId/activities': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.post(`/api/courses/${id}/sections/${built(id).sections[0].id}/activities`).send({ type: 'page', title: 'Bacaan', settings: { html: '<p>Isi</p>' } }),
      ok: 201,
    },
    'PATCH /api/courses/:id/activities/:activityId': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.patch(`/api/courses/${id}/activities/${built(id).activities[0].id}`).send({ title: 'Bacaan Diubah', required: false }),
      ok: 200,
    },
    'DELETE /api/courses/:id/activities/:activityId': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.delete(`/api/courses/${id}/activities/${built(id).activities[1].id}`),
      ok: 204,
    },
    'POST /api/courses/:id/activities/:activityId/package': {
      prepare: aContentCourseOf,
      send: (a, _c, id) => a.post(`${scormOf(id)}/package`).attach('file', sample('golf-scorm12-runtime-basic-calls.zip')),
      ok: 201,
    },
    'POST /api/courses/:id/activities/:activityId/package/validate': {
      prepare: aContentCourseOf,
      send: (a, _c, id) => a.post(`${scormOf(id)}/package/validate`).attach('file', sample('golf-scorm12-runtime-basic-calls.zip')),
      ok: 200,
    },
    'GET /api/courses/:id/activities/:activityId/package/versions': { prepare: aContentCourseOf, send: (a, _c, id) => a.get(`${scormOf(id)}/package/versions`), ok: 200 },
    'POST /api/courses/:id/activities/:activityId/file': {
      prepare: aContentCourseOf,
      send: (a, _c, id) => a.post(`${fileOf(id)}/file`).attach('file', Buffer.from('%PDF-1.7 materi'), 'materi.pdf'),
      ok: 201,
    },
    'GET /api/courses/:id/activities/:activityId/file': { prepare: aContentCourseOf, send: (a, _c, id) => a.get(`${fileOf(id)}/file`), ok: 200 },
    'POST /api/courses/:id/activities/:activityId/launch': { prepare: aContentCourseOf, send: (a, _c, id) => a.post(`${fileOf(id)}/launch`).send({}), ok: 200 },
    'POST /api/courses/:id/cover': { prepare: aCourseOf, send: (a, _c, id) => a.post(`/api/courses/${id}/cover`).attach('file', A_PNG, 'sampul.png'), ok: 201 },
    'DELETE /api/courses/:id/cover': { prepare: aCourseOf, send: (a, _c, id) => a.delete(`/api/courses/${id}/cover`), ok: 204 },
    'GET /api/approvals': { send: (a, c) => a.get('/api/approvals').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/enrolments/:id/approve': { prepare: anEnrolmentOf('requested'), send: (a, _c, id) => a.post(`/api/enrolments/${id}/approve`).send({}), ok: 200 },
    'POST /api/enrolments/:id/reject': { prepare: anEnrolmentOf('requested'), send: (a, _c, id) => a.post(`/api/enrolments/${id}/reject`).send({ reason: 'Kuota unit penuh' }), ok: 200 },
    'POST /api/enrolments/:id/withdraw': { prepare: anEnrolmentOf('approved'), send: (a, _c, id) => a.post(`/api/enrolments/${id}/withdraw`).send({}), ok: 200 },
    'POST /api/enrolments/:id/complete': { prepare: anEnrolmentOf('approved'), send: (a, _c, id) => a.post(`/api/enrolments/${id}/complete`), ok: 200 },
    'GET /api/courses/:id/cohorts': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/cohorts`), ok: 200 },
    'POST /api/courses/:id/cohorts': {
      prepare: aPublishedCourseOf,
      send: (a, _c, id) => a.post(`/api/courses/${id}/cohorts`).send({ name: 'Angkatan I 2026', startsOn: day(10), endsOn: day(20), capacity: 30 }),
      ok: 201,
    },
    'GET /api/cohorts/:id': { prepare: aCohortOf, send: (a, _c, id) => a.get(`/api/cohorts/${id}`), ok: 200 },
    'PATCH /api/cohorts/:id': { prepare: aCohortOf, send: (a, _c, id) => a.patch(`/api/cohorts/${id}`).send({ capacity: 40 }), ok: 200 },
    'DELETE /api/cohorts/:id': { prepare: aCohortOf, send: (a, _c, id) => a.delete(`/api/cohorts/${id}`), ok: 204 },
    'GET /api/courses/:id/enrolment-settings': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/enrolment-settings`), ok: 200 },
    'PUT /api/courses/:id/enrolment-settings': {
      prepare: aPublishedCourseOf,
      send: (a, _c, id) => a.put(`/api/courses/${id}/enrolment-settings`).send({ enrolmentPolicy: 'approval' }),
      ok: 200,
    },
    'GET /api/courses/:id/enrolments': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/enrolments`), ok: 200 },
    'POST /api/courses/:id/enrolments/bulk': {
      prepare: aPublishedCourseOf,
      send: (a, c, id) => a.post(`/api/courses/${id}/enrolments/bulk`).send({ by: 'users', userIds: [c.learner.id] }),
      ok: 200,
    },
    'POST /api/courses/:id/enrolments/bulk/csv': {
      prepare: aPublishedCourseOf,
      send: (a, c, id) => a.post(`/api/courses/${id}/enrolments/bulk/csv`).attach('file', Buffer.from(`nip\n${c.learner.nip}\n`), 'nip.csv'),
      ok: 200,
    },
    'GET /api/enrolment-rules': { send: (a, c) => a.get('/api/enrolment-rules').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/enrolment-rules': {
      prepare: aPublishedCourseOf,
      send: (a, c, id) => a.post('/api/enrolment-rules').send({ agencyId: c.agency.id, name: 'Semua Pengawas', courseId: id, criteria: { unitId: c.unit.id, positionType: 'pengawas' } }),
      ok: 201,
    },
    'GET /api/enrolment-rules/:id': { prepare: aRuleOf, send: (a, _c, id) => a.get(`/api/enrolment-rules/${id}`), ok: 200 },
    'PATCH /api/enrolment-rules/:id': { prepare: aRuleOf, send: (a, _c, id) => a.patch(`/api/enrolment-rules/${id}`).send({ name: 'Aturan Diubah' }), ok: 200 },
    'DELETE /api/enrolment-rules/:id': { prepare: aRuleOf, send: (a, _c, id) => a.delete(`/api/enrolment-rules/${id}`), ok: 204 },
    'POST /api/enrolment-rules/:id/apply': { prepare: aRuleOf, send: (a, _c, id) => a.post(`/api/enrolment-rules/${id}/apply`).send({}), ok: 200 },
    'GET /api/users/:id/jp': { send: (a, c) => a.get(`/api/users/${c.learner.id}/jp`), ok: 200 },
    'GET /api/jp-targets': { send: (a, c) => a.get('/api/jp-targets').query({ agencyId: c.agency.id }), ok: 200 },
    'PUT /api/jp-targets': {
      send: (a, c) => a.put('/api/jp-targets').send({ agencyId: c.agency.id, items: [{ employmentType: 'PNS', target: 30, cap: null }] }),
      ok: 200,
    },
    'GET /api/reports/jp-compliance': { send: (a, c) => a.get('/api/reports/jp-compliance').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/reports/jp-compliance/export': { send: (a, c) => a.get('/api/reports/jp-compliance/export').query({ agencyId: c.agency.id, format: 'csv' }), ok: 200 },
    'GET /api/courses/:id/activities/:activityId/sessions': { prepare: aClassroomCourseOf, send: (a, _c, id) => a.get(classroomOf(id)), ok: 200 },
    'POST /api/courses/:id/activities/:activityId/sessions': {
      prepare: aClassroomCourseOf,
      send: (a, _c, id) => a.post(classroomOf(id)).send({ title: 'Hari 1', startsAt: `${day(3)}T08:00:00+07:00`, endsAt: `${day(3)}T12:00:00+07:00`, location: 'Aula' }),
      ok: 201,
    },
    'GET /api/sessions/:id': { prepare: aSessionOf, send: (a, _c, id) => a.get(`/api/sessions/${id}`), ok: 200 },
    'PATCH /api/sessions/:id': { prepare: aSessionOf, send: (a, _c, id) => a.patch(`/api/sessions/${id}`).send({ location: 'Ruang Rapat' }), ok: 200 },
    'DELETE /api/sessions/:id': { prepare: aSessionOf, send: (a, _c, id) => a.delete(`/api/sessions/${id}`), ok: 204 },
    'GET /api/sessions/:id/attendance': { prepare: aSessionOf, send: (a, _c, id) => a.get(`/api/sessions/${id}/attendance`), ok: 200 },
    'PUT /api/sessions/:id/attendance': {
      prepare: aSessionOf,
      send: (a, _c, id) => a.put(`/api/sessions/${id}/attendance`).send({ entries: [{ userId: attendees.get(id), present: true }] }),
      ok: 200,
    },
    'GET /api/sessions/:id/check-in-code': { prepare: aSessionOf, send: (a, _c, id) => a.get(`/api/sessions/${id}/check-in-code`), ok: 200 },
    'GET /api/development-logs': { send: (a, c) => a.get('/api/development-logs').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/development-logs/:id/approve': { prepare: aLogOf, send: (a, _c, id) => a.post(`/api/development-logs/${id}/approve`).send({}), ok: 200 },
    'POST /api/development-logs/:id/reject': { prepare: aLogOf, send: (a, _c, id) => a.post(`/api/development-logs/${id}/reject`).send({ reason: 'Bukti kurang jelas' }), ok: 200 },
    'GET /api/development-logs/:id/proof': { prepare: aLogOf, send: (a, _c, id) => a.get(`/api/development-logs/${id}/proof`), ok: 200 },
    // Competency framework: each probe names the agency (query, field or the record it addresses).
    'GET /api/competency/dictionary': { send: (a, c) => a.get('/api/competency/dictionary').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/competency/dictionary/:id': { prepare: aCompetencyOf, send: (a, _c, id) => a.get(`/api/competency/dictionary/${id}`), ok: 200 },
    'POST /api/competency/dictionary': {
      send: (a, c) => a.post('/api/competency/dictionary').send({ agencyId: c.agency.id, code: `T.${code()}`, name: 'Pengelolaan Arsip', levels: fiveLevels() }),
      ok: 201,
    },
    'PATCH /api/competency/dictionary/:id': { prepare: aCompetencyOf, send: (a, _c, id) => a.patch(`/api/competency/dictionary/${id}`).send({ name: 'Nama Baru' }), ok: 200 },
    'DELETE /api/competency/dictionary/:id': { prepare: aCompetencyOf, send: (a, _c, id) => a.delete(`/api/competency/dictionary/${id}`), ok: 204 },
    'GET /api/competency/dictionary/export': { send: (a, c) => a.get('/api/competency/dictionary/export').query({ agencyId: c.agency.id, format: 'json' }), ok: 200 },
    'POST /api/competency/dictionary/import/preview': {
      send: (a, c) => a.post('/api/competency/dictionary/import/preview').field('agencyId', c.agency.id).attach('file', dictionaryCsv(`T.${code()}`), 'kamus.csv'),
      ok: 200,
    },
    'POST /api/competency/dictionary/import': {
      send: (a, c) => a.post('/api/competency/dictionary/import').field('agencyId', c.agency.id).attach('file', dictionaryCsv(`T.${code()}`), 'kamus.csv'),
      ok: 200,
    },
    'GET /api/competency/settings': { send: (a, c) => a.get('/api/competency/settings').query({ agencyId: c.agency.id }), ok: 200 },
    'PUT /api/competency/settings': { send: (a, c) => a.put('/api/competency/settings').send({ agencyId: c.agency.id, evidenceRule: 'raise_level' }), ok: 200 },
    'GET /api/competency/standards': { send: (a, c) => a.get('/api/competency/standards').query({ agencyId: c.agency.id }), ok: 200 },
    'PUT /api/competency/standards/:positionId': {
      prepare: async (c) => c.position.id,
      send: (a, _c, id) => a.put(`/api/competency/standards/${id}`).send({ overrides: [{ competencyCode: 'M.01', requiredLevel: 3 }] }),
      ok: 200,
    },
    'GET /api/users/:id/assessments': { prepare: async (c) => c.learner.id, send: (a, _c, id) => a.get(`/api/users/${id}/assessments`), ok: 200 },
    'POST /api/competency/assessments': {
      send: (a, c) => a.post('/api/competency/assessments').send({ userId: c.learner.id, competencyCode: 'M.02', level: 2, source: 'supervisor', assessedOn: day(-1) }),
      ok: 201,
    },
    'DELETE /api/competency/assessments/:id': {
      prepare: async (c) => (await anAssessment(t.db).of(c.learner).in('M.03').level(2).create()).id,
      send: (a, _c, id) => a.delete(`/api/competency/assessments/${id}`),
      ok: 204,
    },
    'GET /api/competency/assessments/flagged': { send: (a, c) => a.get('/api/competency/assessments/flagged').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/competency/assessments/import/preview': {
      send: (a, c) => a.post('/api/competency/assessments/import/preview').field('agencyId', c.agency.id).attach('file', assessmentCsv([{ nip: c.learner.nip, code: 'M.04', level: 3 }]), 'asesmen.csv'),
      ok: 200,
    },
    'POST /api/competency/assessments/import': {
      send: (a, c) => a.post('/api/competency/assessments/import').field('agencyId', c.agency.id).attach('file', assessmentCsv([{ nip: c.learner.nip, code: 'M.04', level: 3 }]), 'asesmen.csv'),
      ok: 200,
    },
    'GET /api/users/:id/competency-profile': { prepare: async (c) => c.learner.id, send: (a, _c, id) => a.get(`/api/users/${id}/competency-profile`), ok: 200 },
    'GET /api/courses/:id/competency-targets': { prepare: aCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/competency-targets`), ok: 200 },
    'PUT /api/courses/:id/competency-targets': {
      prepare: aCourseOf,
      send: (a, _c, id) => a.put(`/api/courses/${id}/competency-targets`).send({ items: [{ competencyCode: 'M.01', targetLevel: 3 }] }),
      ok: 200,
    },
    'GET /api/competency/needs-analysis': { send: (a, c) => a.get('/api/competency/needs-analysis').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/competency/needs-analysis/cell': {
      send: (a, c) => a.get('/api/competency/needs-analysis/cell').query({ agencyId: c.agency.id, unitId: c.unit.id, competencyCode: 'M.01' }),
      ok: 200,
    },
    'GET /api/competency/needs-analysis/export': { send: (a, c) => a.get('/api/competency/needs-analysis/export').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/competency/plans': { send: (a, c) => a.get('/api/competency/plans').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/competency/plans': { send: (a, c) => a.post('/api/competency/plans').send({ agencyId: c.agency.id, year: 2100 - ++planYears, title: 'Rencana Uji' }), ok: 201 },
    'GET /api/competency/plans/:id': { prepare: aPlanOf('draft'), send: (a, _c, id) => a.get(`/api/competency/plans/${id}`), ok: 200 },
    'PATCH /api/competency/plans/:id': { prepare: aPlanOf('draft'), send: (a, _c, id) => a.patch(`/api/competency/plans/${id}`).send({ title: 'Rencana Diubah' }), ok: 200 },
    'POST /api/competency/plans/:id/actions': { prepare: aPlanOf('draft'), send: (a, _c, id) => a.post(`/api/competency/plans/${id}/actions`).send({ action: 'submit' }), ok: 200 },
    'GET /api/competency/plans/:id/export': { prepare: aPlanOf('draft'), send: (a, _c, id) => a.get(`/api/competency/plans/${id}/export`), ok: 200 },
    'POST /api/competency/plans/:id/programs': {
      prepare: aPlanOf('draft'),
      send: (a, c, id) => a.post(`/api/competency/plans/${id}/programs`).send(aProgramRequest({ targetEmployeeIds: [c.learner.id] })),
      ok: 201,
    },
    'PATCH /api/competency/plans/:id/programs/:programId': {
      prepare: aPlanOf('draft'),
      send: (a, _c, id) => a.patch(`/api/competency/plans/${id}/programs/${plans.get(id)!.programId}`).send({ provider: 'LAN RI' }),
      ok: 200,
    },
    'DELETE /api/competency/plans/:id/programs/:programId': {
      prepare: aPlanOf('draft'),
      send: (a, _c, id) => a.delete(`/api/competency/plans/${id}/programs/${plans.get(id)!.programId}`),
      ok: 200,
    },
    'POST /api/competency/plans/:id/programs/:programId/cohort': {
      prepare: aPlanOf('approved'),
      send: (a, _c, id) => a.post(`/api/competency/plans/${id}/programs/${plans.get(id)!.programId}/cohort`).send({ courseId: plans.get(id)!.courseId }),
      ok: 201,
    },
    'GET /api/competency/workload': { send: (a, c) => a.get('/api/competency/workload').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/competency/workload/tasks': { send: (a, c) => a.get('/api/competency/workload/tasks').query({ unitId: c.unit.id, positionId: c.position.id }), ok: 200 },
    'PUT /api/competency/workload/tasks': {
      send: (a, c) => a.put('/api/competency/workload/tasks').send({ unitId: c.unit.id, positionId: c.position.id, tasks: [{ name: 'Menyusun laporan', yearlyVolume: 120, standardMinutes: 90 }] }),
      ok: 200,
    },
    'GET /api/competency/workload/export': { send: (a, c) => a.get('/api/competency/workload/export').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/users/:id/development-goals': { prepare: async (c) => c.learner.id, send: (a, _c, id) => a.get(`/api/users/${id}/development-goals`), ok: 200 },
    'POST /api/learning/activities/:activityId/launch': {
      prepare: aScormPackageCourseOf,
      send: (a, _c, id) => a.post(`/api/learning/activities/${built(id).activities[0].id}/launch`).send({}),
      ok: 200,
    },
    'POST /api/learning/activities/:activityId/viewed': {
      prepare: aScormPackageCourseOf,
      send: (a, _c, id) => a.post(`/api/learning/activities/${built(id).activities[1].id}/viewed`),
      ok: 200,
    },
    'GET /api/learning/activities/:activityId/content': {
      prepare: aScormPackageCourseOf,
      send: (a, _c, id) => a.get(`/api/learning/activities/${built(id).activities[1].id}/content`),
      ok: 200,
    },
    'GET /api/courses/:id/progress': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/progress`), ok: 200 },
    'GET /api/courses/:id/progress.csv': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/progress.csv`), ok: 200 },
    'GET /api/courses/:id/progress/:userId': { prepare: aPublishedCourseOf, send: (a, c, id) => a.get(`/api/courses/${id}/progress/${c.learner.id}`), ok: 200 },
    'GET /api/attempts/:id': { prepare: anAttemptOf, send: (a, _c, id) => a.get(`/api/attempts/${id}`), ok: 200 },
    // Certificates: each probe names the agency (query, field or the record it addresses).
    'GET /api/certificate-templates': { send: (a, c) => a.get('/api/certificate-templates').query({ agencyId: c.agency.id }), ok: 200 },
    'POST /api/certificate-templates': { send: (a, c) => a.post('/api/certificate-templates').send({ ...defaultTemplateContent(), agencyId: c.agency.id }), ok: 201 },
    'POST /api/certificate-templates/preview': { send: (a, c) => a.post('/api/certificate-templates/preview').send({ ...defaultTemplateContent(), agencyId: c.agency.id }), ok: 200 },
    'GET /api/certificate-templates/:id': { prepare: aTemplateOf, send: (a, _c, id) => a.get(`/api/certificate-templates/${id}`), ok: 200 },
    'PUT /api/certificate-templates/:id': { prepare: aTemplateOf, send: (a, _c, id) => a.put(`/api/certificate-templates/${id}`).send({ ...defaultTemplateContent(), name: 'Templat Diubah' }), ok: 200 },
    'POST /api/certificate-templates/:id/archive': { prepare: aTemplateOf, send: (a, _c, id) => a.post(`/api/certificate-templates/${id}/archive`), ok: 200 },
    'POST /api/certificate-templates/:id/unarchive': { prepare: aTemplateOf, send: (a, _c, id) => a.post(`/api/certificate-templates/${id}/unarchive`), ok: 200 },
    'POST /api/certificate-assets': { send: (a, c) => a.post('/api/certificate-assets').field('kind', 'logo').field('agencyId', c.agency.id).attach('file', A_PNG, 'logo.png'), ok: 201 },
    'GET /api/certificate-assets/:id': { prepare: (c) => aCertificateAsset(t.app, c.agency), send: (a, _c, id) => a.get(`/api/certificate-assets/${id}`), ok: 200 },
    'GET /api/certificate-settings': { send: (a, c) => a.get('/api/certificate-settings').query({ agencyId: c.agency.id }), ok: 200 },
    'PUT /api/certificate-settings': { send: (a, c) => a.put('/api/certificate-settings').send({ agencyId: c.agency.id, numberScheme: 'SERT/{year}/{agency}/{seq:6}' }), ok: 200 },
    'GET /api/courses/:id/certificate-settings': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.get(`/api/courses/${id}/certificate-settings`), ok: 200 },
    'PUT /api/courses/:id/certificate-settings': { prepare: aPublishedCourseOf, send: (a, _c, id) => a.put(`/api/courses/${id}/certificate-settings`).send({ autoIssue: false, templateId: null }), ok: 200 },
    'POST /api/certificates': {
      prepare: aCertifiableCourseOf,
      send: (a, c, id) => a.post('/api/certificates').send({ courseId: id, userId: c.learner.id, templateId: certifiable.get(id) }),
      ok: 201,
    },
    'GET /api/certificates': { send: (a, c) => a.get('/api/certificates').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/certificates/:id': { prepare: aCertificateOf, send: (a, _c, id) => a.get(`/api/certificates/${id}`), ok: 200 },
    'GET /api/certificates/:id/pdf': { prepare: aCertificateOf, send: (a, _c, id) => a.get(`/api/certificates/${id}/pdf`), ok: 200 },
    'GET /api/certificates/:id/credential': { prepare: aCertificateOf, send: (a, _c, id) => a.get(`/api/certificates/${id}/credential`), ok: 200 },
    'POST /api/certificates/:id/revoke': { prepare: aCertificateOf, send: (a, _c, id) => a.post(`/api/certificates/${id}/revoke`).send({ reason: 'Data salah' }), ok: 200 },
    'POST /api/courses/:id/certificates/bulk': {
      prepare: aCertifiableCourseOf,
      send: (a, c, id) => a.post(`/api/courses/${id}/certificates/bulk`).send({ by: 'users', userIds: [c.learner.id], templateId: certifiable.get(id) }),
      ok: 202,
    },
    'GET /api/certificate-jobs': { send: (a, c) => a.get('/api/certificate-jobs').query({ agencyId: c.agency.id }), ok: 200 },
    'GET /api/certificate-jobs/:id': { prepare: aBulkJobOf, send: (a, _c, id) => a.get(`/api/certificate-jobs/${id}`), ok: 200 },
    'GET /api/certificate-jobs/:id/items': { prepare: aBulkJobOf, send: (a, _c, id) => a.get(`/api/certificate-jobs/${id}/items`), ok: 200 },
    'POST /api/certificate-keys/rotate': { send: (a, c) => a.post('/api/certificate-keys/rotate').send({ agencyId: c.agency.id }), ok: 200 },
    'PUT /api/courses/:id/structure': {
      prepare: aCourseOf,
      send: (a, _c, id) => {
        const { sections, activities } = built(id);
        return a.put(`/api/courses/${id}/structure`).send({
          sections: [
            { id: sections[1].id, activityIds: [activities[1].id] },
            { id: sections[0].id, activityIds: [activities[0].id] },
          ],
        });
      },
      ok: 200,
    },
  };

  describe('the tables cover every route', () => {
    it('[platform] every controller route is public or declares its roles (default deny)', () => {
      const undeclared = controllerRoutes(t.app).filter((r) => !r.isPublic && !r.roles?.length);
      expect(undeclared.map((r) => r.key)).toEqual([]);
      expect(controllerRoutes(t.app).filter((r) => r.isPublic).map((r) => r.key).sort()).toEqual([...PUBLIC_ROUTES].sort());
    });

    it('[platform] the access table lists exactly the non-public routes', () => {
      const guarded = controllerRoutes(t.app).filter((r) => !r.isPublic).map((r) => r.key);
      expect(guarded.sort()).toEqual(Object.keys(REFUSED).sort());
    });

    it('[platform] the table agrees with what each route declares', () => {
      for (const route of controllerRoutes(t.app).filter((r) => !r.isPublic)) {
        const allowed = ROLES.filter((r) => !REFUSED[route.key].includes(r));
        expect({ route: route.key, roles: [...(route.roles ?? [])].sort() }).toEqual({ route: route.key, roles: [...allowed].sort() });
      }
    });

    it('[platform] nothing answers under /api besides the controllers and the documentation', () => {
      const known = new Set(controllerRoutes(t.app).map((r) => r.key));
      const other = httpRoutes(t.app).filter((key) => !known.has(key));
      expect(other.filter((key) => !isDocsRoute(key))).toEqual([]);
    });

    it('[platform] every route an agency admin may call has a cross-agency probe', () => {
      const scoped = Object.entries(REFUSED)
        .filter(([key, refused]) => !refused.includes('agency_admin') && !SELF_ROUTES.includes(key))
        .map(([key]) => key);
      expect(scoped.sort()).toEqual(Object.keys(PROBES).sort());
    });
  });

  describe('who may call what', () => {
    const guarded = Object.keys(REFUSED);

    it.each(guarded)('[anonymous] calling %s is 401', async (key) => {
      const before = await snapshot(t.db);
      expectApiError(await call(as.anonymous, key), 401, 'UNAUTHENTICATED');
      expect(await snapshot(t.db)).toEqual(before);
    });

    const refusals = guarded.flatMap((key) => REFUSED[key].map((role) => [role, key] as const));
    it.each(refusals)('[%s] calling %s is 403', async (role, key) => {
      const before = await snapshot(t.db);
      expectApiError(await call(as[role], key), 403, 'FORBIDDEN');
      expect(await snapshot(t.db)).toEqual(before);
    });

    const admissions = guarded.flatMap((key) => ROLES.filter((r) => !REFUSED[key].includes(r)).map((role) => [role, key] as const));
    it.each(admissions)('[%s] calling %s gets past the access check', async (role, key) => {
      // An empty body or an unknown id: the answer is a 400 or 404 from the route, never 401/403.
      const res = await call(as[role], key);
      expect({ key, refused: [401, 403].includes(res.status) }).toEqual({ key, refused: false });
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('agencies cannot reach each other', () => {
    const probed = () => Object.keys(PROBES);

    it.each(probed())('[Semarang agency admin] addressing Ambon through %s gets 404 and changes nothing', async (key) => {
      const probe = PROBES[key];
      const id = (await probe.prepare?.(world.ambon)) ?? '';
      const before = await snapshot(t.db);
      expectApiError(await probe.send(as.agency_admin, world.ambon, id), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it.each(probed())('[Semarang agency admin] the same %s on Semarang succeeds', async (key) => {
      const probe = PROBES[key];
      const id = (await probe.prepare?.(world.semarang)) ?? '';
      const res = await probe.send(as.agency_admin, world.semarang, id);
      expect({ key, status: res.status }).toEqual({ key, status: probe.ok });
    });

    it.each(probed())('[platform admin] %s works on both agencies', async (key) => {
      const probe = PROBES[key];
      for (const cast of [world.semarang, world.ambon]) {
        const id = (await probe.prepare?.(cast)) ?? '';
        const res = await probe.send(as.platform_admin, cast, id);
        expect({ key, agency: cast.agency.name, status: res.status }).toEqual({ key, agency: cast.agency.name, status: probe.ok });
      }
    });

    it('[Semarang agency admin] cannot see Ambon\'s people in a list without naming the agency', async () => {
      const res = await as.agency_admin.get('/api/users').query({ status: 'all', pageSize: 200 });
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { agencyId: string }) => u.agencyId)).not.toContain(world.ambon.agency.id);
      expect(res.body.items.length).toBeGreaterThan(0);
    });

    it('[Semarang agency admin] cannot see the platform admin either', async () => {
      expectApiError(await as.agency_admin.get(`/api/users/${world.platformAdmin.id}`), 404, 'NOT_FOUND');
    });
  });
});
