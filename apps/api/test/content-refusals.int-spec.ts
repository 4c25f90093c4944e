import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { CourseAccessService } from '../src/modules/courses/course-access.service';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/modules/storage/object-storage';
import { BuiltCourse, PASSWORD, aCourse, aWorld } from './factories/builders';
import { aScormManifest, buildZip, configOf, lieAboutSize, sample, treeOf, uploadPackage } from './support/content';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const MiB = 1024 * 1024;
const manifest = { name: 'imsmanifest.xml', content: aScormManifest() };
const page = { name: 'index.html', content: '<html><body>Halo</body></html>' };
/** A file name outside the package that no test run will ever have created. */
const escapee = `asah-pwned-${randomBytes(4).toString('hex')}.txt`;

function twoLetterNoise(bytes: number): Buffer {
  const out = randomBytes(bytes);
  for (let i = 0; i < out.length; i += 1) out[i] = 97 + (out[i]! & 1);
  return out;
}

interface Hostile {
  name: string;
  build: () => Promise<Buffer>;
  status: number;
  code: 'PACKAGE_INVALID' | 'PACKAGE_NOT_ZIP' | 'PAYLOAD_TOO_LARGE';
  /** The report's error code, for PACKAGE_INVALID. */
  issue?: string;
}

/**
 * Hostile and broken uploads, each built here. The limits are lowered so small zips can reach
 * them: 4 MiB upload, 300 entries, 16 MiB unpacked.
 */
const HOSTILE: Hostile[] = [
  {
    name: 'an entry with ".." that would land outside the package',
    build: () => buildZip([manifest, page, { name: `xx/xx/xx/xx/${escapee}`, content: 'pwned' }], { 'xx/xx/xx/xx/': '../../../../' }),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_PATH_TRAVERSAL',
  },
  {
    name: 'an absolute path',
    build: () => buildZip([manifest, page, { name: `xtmp/${escapee}`, content: 'pwned' }], { [`xtmp/${escapee}`]: `/tmp/${escapee}` }),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_ABSOLUTE_PATH',
  },
  {
    name: 'a symbolic link',
    build: () => buildZip([manifest, page, { name: 'passwd', content: '/etc/passwd', mode: 0o120777 }]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_SYMLINK',
  },
  {
    name: 'more entries than PACKAGE_MAX_ENTRIES',
    build: () => buildZip([manifest, page, ...Array.from({ length: 400 }, (_, i) => ({ name: `aset/${i}.txt`, content: String(i) }))]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_TOO_MANY_ENTRIES',
  },
  {
    name: 'a zip bomb by ratio (100 MiB of zeros in a few hundred KiB)',
    build: () => buildZip([manifest, page, { name: 'bom.bin', content: Buffer.alloc(100 * MiB) }]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_RATIO',
  },
  {
    name: 'more unpacked bytes than PACKAGE_MAX_UNCOMPRESSED_BYTES',
    // Two-letter noise: compresses about 7 times, under the ratio limit, so only the size trips.
    build: () => buildZip([manifest, page, ...[0, 1].map((i) => ({ name: `video${i}.txt`, content: twoLetterNoise(9 * MiB) }))]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'ZIP_TOO_LARGE',
  },
  {
    name: 'a bomb that lies about its size in the zip headers',
    build: async () => lieAboutSize(await buildZip([manifest, page, { name: 'bohong.bin', content: Buffer.alloc(3 * MiB) }]), 'bohong.bin', 1000),
    status: 400,
    code: 'PACKAGE_NOT_ZIP',
  },
  {
    name: 'a large entry that inflates beyond its declared size (caught while streaming)',
    build: async () => lieAboutSize(await buildZip([manifest, page, { name: 'besar.txt', content: twoLetterNoise(4 * MiB) }]), 'besar.txt', 2 * MiB),
    status: 400,
    code: 'PACKAGE_NOT_ZIP',
  },
  {
    name: 'a stored entry whose two sizes disagree',
    build: async () => lieAboutSize(await buildZip([manifest, page, { name: 'video.mp4', content: randomBytes(2 * MiB), compress: false }]), 'video.mp4', 3 * MiB),
    status: 400,
    code: 'PACKAGE_NOT_ZIP',
  },
  {
    name: 'a manifest with a DTD declaring an external entity',
    build: () =>
      buildZip([
        page,
        { name: 'imsmanifest.xml', content: aScormManifest().replace('<manifest ', '<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<manifest ') },
      ]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'MANIFEST_DTD',
  },
  {
    name: 'a manifest with entity expansion (billion laughs)',
    build: () =>
      buildZip([
        page,
        { name: 'imsmanifest.xml', content: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><manifest>&lol2;</manifest>` },
      ]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'MANIFEST_DTD',
  },
  {
    name: 'no manifest',
    build: () => buildZip([page]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'MANIFEST_MISSING',
  },
  {
    name: 'a manifest that does not parse',
    build: () => buildZip([page, { name: 'imsmanifest.xml', content: '<manifest><organizations><organization>' }]),
    status: 422,
    code: 'PACKAGE_INVALID',
    issue: 'MANIFEST_INVALID',
  },
  { name: 'a file that is not a zip', build: async () => Buffer.from('%PDF-1.7 bukan zip'), status: 400, code: 'PACKAGE_NOT_ZIP' },
  {
    name: 'a truncated zip (upload cut off)',
    build: async () => {
      const whole = readFileSync(sample('golf-scorm12-runtime-basic-calls.zip'));
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    status: 400,
    code: 'PACKAGE_NOT_ZIP',
  },
  { name: 'an upload larger than PACKAGE_MAX_BYTES', build: async () => randomBytes(5 * MiB), status: 413, code: 'PAYLOAD_TOO_LARGE' },
];

describe('hostile and broken packages', () => {
  let t: TestApp;
  let instructor: TestAgent;
  let built: BuiltCourse;

  beforeAll(async () => {
    t = await createTestApp({ PACKAGE_MAX_BYTES: String(4 * MiB), PACKAGE_MAX_ENTRIES: '300', PACKAGE_MAX_UNCOMPRESSED_BYTES: String(16 * MiB) });
    const world = await aWorld(t.db);
    built = await aCourse(t.db).in(world.semarang.agency).withActivity('scorm').taughtBy(world.semarang.instructor).create();
    instructor = await t.signIn(world.semarang.instructor.email, PASSWORD);
    // A real package first, so "nothing changed" is checked against a stored one.
    expect((await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm12-runtime-basic-calls.zip'))).status).toBe(201);
  });
  afterAll(() => t.close());

  const dataDir = () => configOf(t.app).dataDir;
  const rows = async () => (await t.db.query('SELECT id, version, current FROM package_versions ORDER BY version')) as unknown[];

  it.each(HOSTILE.map((h) => [h.name, h] as const))('[instructor] uploading %s is refused and leaves nothing behind', async (_name, hostile) => {
    const zip = await hostile.build();
    const tree = treeOf(dataDir());
    const before = await rows();

    const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, zip);

    expectApiError(res, hostile.status, hostile.code);
    expect(res.body.message.length).toBeGreaterThan(10);
    if (hostile.issue) expect(res.body.details.report.errors.map((e: { code: string }) => e.code)).toContain(hostile.issue);
    expect(await rows()).toEqual(before);
    // Storage and the upload folder (DATA_DIR/tmp) are exactly as before: no object, no temp file.
    expect(treeOf(dataDir())).toEqual(tree);
    expect(treeOf(join(dataDir(), 'tmp'))).toEqual([]);
    // Nothing was written outside the package's place either.
    for (const place of [`/tmp/${escapee}`, join(dataDir(), escapee), join(dataDir(), 'content', escapee), join(dataDir(), 'content/packages', escapee)]) {
      expect(existsSync(place)).toBe(false);
    }
  }, 30_000);

  it('[operator] storage failing half-way through the extraction leaves no row and no object', async () => {
    const storage = t.app.get<ObjectStorage>(OBJECT_STORAGE);
    const put = storage.put.bind(storage);
    let calls = 0;
    const spy = jest.spyOn(storage, 'put').mockImplementation(async (...args) => {
      if (++calls === 20) throw new Error('disk full');
      return put(...args);
    });
    const tree = treeOf(dataDir());
    const before = await rows();
    try {
      const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm2004-3rd-runtime-basic-calls.zip'));
      expectApiError(res, 500, 'INTERNAL');
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(20);
    expect(await rows()).toEqual(before);
    expect(treeOf(dataDir())).toEqual(tree);
  });

  it('[operator] the database failing after extraction removes the extracted files', async () => {
    const courses = t.app.get(CourseAccessService);
    const spy = jest.spyOn(courses, 'touch').mockRejectedValueOnce(new Error('connection lost'));
    const tree = treeOf(dataDir());
    const before = await rows();
    let touched = 0;
    try {
      expectApiError(await uploadPackage(instructor, built.course.id, built.activities[0].id, sample('golf-scorm12-runtime-basic-calls.zip')), 500, 'INTERNAL');
      touched = spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
    expect(touched).toBe(1);
    expect(await rows()).toEqual(before);
    expect(treeOf(dataDir())).toEqual(tree);
  });

  it('[instructor] the dry run reports the same refusals without storing anything', async () => {
    const tree = treeOf(dataDir());
    const res = await uploadPackage(instructor, built.course.id, built.activities[0].id, await HOSTILE[0]!.build(), '/validate');
    expect(res.status).toBe(200);
    expect(res.body.report.errors.map((e: { code: string }) => e.code)).toContain('ZIP_PATH_TRAVERSAL');
    expect(treeOf(dataDir())).toEqual(tree);
  });
});
