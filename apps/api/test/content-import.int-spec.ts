import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { ZPackageVersion, ZPackageVersionPage } from '@asah/contracts/content';
import { BuiltCourse, PASSWORD, aCourse, aWorld } from './factories/builders';
import { buildZip, configOf, contentOrigin, pathOf, sample, treeOf, uploadPackage } from './support/content';
import { createTestApp, TestApp } from './support/test-app';
import { expectApiError } from './support/http';

/** What each real package's manifest says, as the instructor's report must show it. */
const SAMPLES = [
  { file: 'golf-scorm12-runtime-basic-calls.zip', type: 'scorm', standard: 'scorm12', edition: null, label: 'SCORM 1.2', scos: 1, assets: 0, aus: 0, pages: 1, launch: 'shared/launchpage.html', files: 44 },
  { file: 'golf-scorm12-runtime-minimum-calls-multisco.zip', type: 'scorm', standard: 'scorm12', edition: null, label: 'SCORM 1.2', scos: 18, assets: 1, aus: 0, pages: 18, launch: 'Playing/Playing.html', files: 44 },
  { file: 'golf-scorm12-content-packaging-one-file-per-sco.zip', type: 'scorm', standard: 'scorm12', edition: null, label: 'SCORM 1.2', scos: 0, assets: 19, aus: 0, pages: 18, launch: 'Playing/Playing.html', files: 44 },
  { file: 'golf-scorm2004-2nd-content-packaging-single-sco.zip', type: 'scorm', standard: 'scorm2004', edition: '2nd', label: 'SCORM 2004 2nd Edition', scos: 1, assets: 0, aus: 0, pages: 1, launch: 'shared/launchpage.html', files: 79 },
  { file: 'golf-scorm2004-3rd-runtime-basic-calls.zip', type: 'scorm', standard: 'scorm2004', edition: '3rd', label: 'SCORM 2004 3rd Edition', scos: 1, assets: 0, aus: 0, pages: 1, launch: 'shared/launchpage.html', files: 69 },
  { file: 'golf-scorm2004-3rd-runtime-advanced-calls.zip', type: 'scorm', standard: 'scorm2004', edition: '3rd', label: 'SCORM 2004 3rd Edition', scos: 1, assets: 0, aus: 0, pages: 1, launch: 'shared/launchpage.html', files: 69 },
  { file: 'golf-scorm2004-3rd-sequencing-simple-remediation.zip', type: 'scorm', standard: 'scorm2004', edition: '3rd', label: 'SCORM 2004 3rd Edition', scos: 5, assets: 1, aus: 0, pages: 8, launch: 'shared/launchpage.html?content=playing', files: 69 },
  { file: 'golf-scorm2004-3rd-sequencing-forced-sequential.zip', type: 'scorm', standard: 'scorm2004', edition: '3rd', label: 'SCORM 2004 3rd Edition', scos: 5, assets: 1, aus: 0, pages: 5, launch: 'shared/launchpage.html?content=playing', files: 69 },
  { file: 'cmi5-catapult-multi-au-framed.zip', type: 'cmi5', standard: 'cmi5', edition: null, label: 'cmi5', scos: 0, assets: 0, aus: 8, pages: 8, launch: 'index.html?pages=1&complete=launch', files: 14 },
] as const;

describe('package import', () => {
  let t: TestApp;
  let instructor: TestAgent;
  let world: Awaited<ReturnType<typeof aWorld>>;
  const scormCourse = () => aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).create();

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
  });
  afterAll(() => t.close());

  describe.each(SAMPLES)('[instructor] uploads $file', (s) => {
    let built: BuiltCourse;
    let version: ReturnType<typeof ZPackageVersion.parse>;

    beforeAll(async () => {
      built = await scormCourse();
      const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, sample(s.file));
      expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
      version = ZPackageVersion.parse(res.body);
    });

    it(`is recorded as ${s.label}, version 1, current`, () => {
      expect(version).toMatchObject({ activityId: built.activities[0].id, version: 1, current: true, packageType: s.type, standard: s.standard, edition: s.edition, standardLabel: s.label });
      expect(version.uploadedBy).toEqual({ id: world.semarang.instructor.id, name: world.semarang.instructor.name });
    });

    it(`reports ${s.scos} SCOs, ${s.assets} assets, ${s.aus} AUs and ${s.pages} launch pages, starting at ${s.launch}`, () => {
      expect(version.report).toMatchObject({ accepted: true, errors: [], counts: { scos: s.scos, assets: s.assets, aus: s.aus, files: s.files } });
      expect(version.launchPages).toHaveLength(s.pages);
      expect(version.launchPages[0]!.href).toBe(s.launch);
      expect(version.launchPages[0]!.type).toBe(s.type === 'cmi5' ? 'au' : s.scos ? 'sco' : 'asset');
    });

    it('stores every file of the zip under the version, and the parsed structure for the runtime', async () => {
      expect(version.fileCount).toBe(s.files);
      const stored = treeOf(join(configOf(t.app).dataDir, 'content/packages', version.id));
      expect(stored).toHaveLength(s.files);
      const [row] = await t.db.query('SELECT structure, report, total_bytes FROM package_versions WHERE id = $1', [version.id]);
      expect(row.structure.kind).toBe(s.type);
      if (s.type === 'cmi5') expect(row.structure.course.structure.length).toBeGreaterThan(0);
      else expect(row.structure.manifest.organizations.length).toBeGreaterThan(0);
      expect(Number(row.total_bytes)).toBe(version.totalBytes);
    });

    it('launches on the content origin at its first page', async () => {
      const launch = await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/launch`).send({});
      expect(launch.status).toBe(200);
      expect(launch.body).toMatchObject({ kind: 'package', versionId: version.id, itemId: version.launchPages[0]!.itemId });
      const redirect = await contentOrigin(t.app).get(pathOf(launch.body.url));
      expect(redirect.status).toBe(302);
      expect(redirect.headers.location).toBe(`/v/${version.id}/${s.launch}`);
    });
  });

  it('[instructor] sees sequencing data kept for the runtime of a SCORM 2004 sequencing package', async () => {
    const built = await scormCourse();
    const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm2004-3rd-sequencing-forced-sequential.zip'));
    expect(res.body.report.hasSequencing).toBe(true);
    const [row] = await t.db.query('SELECT structure FROM package_versions WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(row.structure.manifest.organizations[0])).toContain('"flow":true');
  });

  describe('versions', () => {
    let built: BuiltCourse;
    let v1: { id: string };
    let v2: { id: string };

    beforeAll(async () => {
      built = await scormCourse();
      v1 = (await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm12-runtime-basic-calls.zip'))).body;
      v2 = (await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm2004-3rd-runtime-basic-calls.zip'))).body;
    });

    it('[instructor] a second upload becomes version 2 and the current one', async () => {
      const res = await instructor.get(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/package/versions`);
      expect(res.status).toBe(200);
      const page = ZPackageVersionPage.parse(res.body);
      expect(page.total).toBe(2);
      expect(page.items.map((v) => [v.version, v.current, v.standard])).toEqual([
        [2, true, 'scorm2004'],
        [1, false, 'scorm12'],
      ]);
    });

    it('[learner on an attempt started before] version 1 stays stored and readable', async () => {
      const launch = await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/launch`).send({ versionId: v1.id });
      expect(launch.body.versionId).toBe(v1.id);
      const redirect = await contentOrigin(t.app).get(pathOf(launch.body.url));
      const page = await contentOrigin(t.app).get(redirect.headers.location).set('Cookie', redirect.headers['set-cookie']![0]!.split(';')[0]!);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
    });

    it('[learner starting now] gets the current version', async () => {
      const launch = await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/launch`).send({});
      expect(launch.body.versionId).toBe(v2.id);
    });

    it('[instructor] a version of another activity cannot be launched through this one', async () => {
      const other = await scormCourse();
      const res = await instructor.post(`/api/courses/${other.course.id}/activities/${other.activities[0].id}/launch`).send({ versionId: v1.id });
      expectApiError(res, 404, 'NOT_FOUND');
    });

    it('[instructor] launches a chosen page of a multi-SCO package', async () => {
      const multi = await scormCourse();
      const version = (await uploadPackage(instructor, multi.course.id, multi.activities[0].id, sample('golf-scorm12-runtime-minimum-calls-multisco.zip'))).body;
      const third = version.launchPages[2];
      const launch = await instructor.post(`/api/courses/${multi.course.id}/activities/${multi.activities[0].id}/launch`).send({ itemId: third.itemId });
      expect(launch.body.itemId).toBe(third.itemId);
      const redirect = await contentOrigin(t.app).get(pathOf(launch.body.url));
      expect(redirect.headers.location).toBe(`/v/${version.id}/${third.href}`);
      expectApiError(await instructor.post(`/api/courses/${multi.course.id}/activities/${multi.activities[0].id}/launch`).send({ itemId: 'NO_SUCH_ITEM' }), 404, 'NOT_FOUND');
    });
  });

  describe('dry run', () => {
    it('[instructor] validates a package: the report, and nothing stored', async () => {
      const built = await scormCourse();
      const before = treeOf(configOf(t.app).dataDir);
      const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('cmi5-catapult-multi-au-framed.zip'), '/validate');
      expect(res.status).toBe(200);
      expect(res.body.report).toMatchObject({ accepted: true, packageType: 'cmi5', standardLabel: 'cmi5', counts: { aus: 8 } });
      expect(treeOf(configOf(t.app).dataDir)).toEqual(before);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM package_versions WHERE activity_id = $1', [built.activities[0].id]);
      expect(n).toBe(0);
    });

    it('[instructor] a dry run of a refused package is still a 200 with the errors', async () => {
      const built = await scormCourse();
      const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, await buildZip([{ name: 'index.html', content: '<html></html>' }]), '/validate');
      expect(res.status).toBe(200);
      expect(res.body.report.accepted).toBe(false);
      expect(res.body.report.errors.map((e: { code: string }) => e.code)).toEqual(['MANIFEST_MISSING']);
    });
  });

  describe('what can be uploaded where', () => {
    it('[instructor] a package goes to a SCORM activity only', async () => {
      const built = await aCourse(t.db).in(world.semarang.agency).withActivity('page').taughtBy(world.semarang.instructor).create();
      expectApiError(await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm12-runtime-basic-calls.zip')), 409, 'ACTIVITY_TYPE_MISMATCH');
    });

    it('[instructor] an archived course takes no upload', async () => {
      const built = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).archived().create();
      expectApiError(await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm12-runtime-basic-calls.zip')), 409, 'COURSE_ARCHIVED');
    });

    it('[instructor] launching before any upload says so', async () => {
      const built = await scormCourse();
      expectApiError(await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/launch`).send({}), 409, 'CONTENT_NOT_UPLOADED');
    });

    it('[instructor] an upload without the file field is refused', async () => {
      const built = await scormCourse();
      const res = await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/package`).field('other', 'x');
      expectApiError(res, 400, 'UPLOAD_INVALID', 'file');
      const json = await instructor.post(`/api/courses/${built.course.id}/activities/${built.activities[0].id}/package`).send({ file: 'x' });
      expectApiError(json, 400, 'UPLOAD_INVALID', 'file');
    });
  });
});
