import { inspectPackage, locateManifest, MAX_ISSUES_PER_LIST, type PackageLimits } from './package-report';
import { organization, scoResource, scorm12Manifest, scorm2004Manifest } from './testing/manifests';
import { buildZip, openZip, type ZipFileSpec } from './testing/zip';
import type { ZipEntryInfo } from './zip-safety';

/** Zips the files with yazl and inspects the result as the import will, through yauzl. */
async function inspectZip(files: Record<string, string> | ZipFileSpec[], limits: Partial<PackageLimits> = {}) {
  const specs = Array.isArray(files) ? files : Object.entries(files).map(([name, content]) => ({ name, content }));
  const zip = await openZip(await buildZip(specs));
  const reads: string[] = [];
  try {
    const inspection = await inspectPackage({
      entries: zip.entries,
      readEntry: (name) => {
        reads.push(name);
        return zip.readEntry(name);
      },
      limits,
    });
    return { ...inspection, reads };
  } finally {
    zip.close();
  }
}

const singleSco = (href = 'index.html', body = '') =>
  scorm2004Manifest({
    schemaVersion: '2004 3rd Edition',
    organizations: organization('<item identifier="i1" identifierref="r1"><title>Mulai</title></item>'),
    resources: scoResource('r1', href, body),
  });

function entry(name: string, uncompressedSize = 100): ZipEntryInfo {
  return { name, compressedSize: 50, uncompressedSize, isDirectory: name.endsWith('/'), isSymlink: false, isEncrypted: false };
}

describe('inspectPackage', () => {
  it('reports an instructor-ready summary for a valid package', async () => {
    const { report, content } = await inspectZip({ 'imsmanifest.xml': singleSco(), 'index.html': '<html/>' });
    expect(report).toEqual({
      reportVersion: 1,
      accepted: true,
      packageType: 'scorm',
      standard: 'scorm2004',
      edition: '3rd',
      standardLabel: 'SCORM 2004 3rd Edition',
      manifestPath: 'imsmanifest.xml',
      basePath: '',
      identifier: 'test.manifest',
      title: 'Course',
      counts: { entries: 2, files: 2, totalUncompressedBytes: expect.any(Number), organizations: 1, items: 1, scos: 1, assets: 0, aus: 0, blocks: 0 },
      launchPages: [{ itemId: 'i1', title: 'Mulai', href: 'index.html', entry: 'index.html', type: 'sco', external: false }],
      hasSequencing: false,
      errors: [],
      warnings: [],
      omittedIssueCount: 0,
    });
    expect(content?.kind).toBe('scorm');
  });

  it('accepts a manifest nested in one top-level folder, with a warning and a base path', async () => {
    const { report } = await inspectZip({
      'Kursus Etika/imsmanifest.xml': singleSco(),
      'Kursus Etika/index.html': '<html/>',
      '__MACOSX/Kursus Etika/._index.html': 'resource fork',
    });
    expect(report).toMatchObject({ accepted: true, basePath: 'Kursus Etika/', manifestPath: 'Kursus Etika/imsmanifest.xml' });
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'MANIFEST_NESTED', entry: 'Kursus Etika/imsmanifest.xml', details: { basePath: 'Kursus Etika/' } }),
    ]);
    expect(report.launchPages[0]).toMatchObject({ href: 'Kursus%20Etika/index.html', entry: 'Kursus Etika/index.html' });
  });

  it('warns about files the manifest lists but the zip lacks, after xml:base, the base folder and URL decoding', async () => {
    const manifest = singleSco(
      'Mulai%20Di%20Sini.html',
      '<file href="Mulai%20Di%20Sini.html"/><file href="js/api.js"/><file href="img/Logo.PNG"/><file xml:base="media/" href="intro.mp4"/>',
    ).replace('<resource ', '<resource xml:base="sco/" ');
    const { report } = await inspectZip({
      'course/imsmanifest.xml': manifest,
      'course/sco/Mulai Di Sini.html': '<html/>',
      'course/sco/img/logo.png': 'png',
    });
    expect(report.accepted).toBe(true);
    expect(report.launchPages[0]).toMatchObject({ href: 'course/sco/Mulai%20Di%20Sini.html', entry: 'course/sco/Mulai Di Sini.html' });
    expect(report.warnings.map((w) => [w.code, w.entry, w.details?.caseVariant ?? null])).toEqual([
      ['MANIFEST_NESTED', 'course/imsmanifest.xml', null],
      ['FILE_MISSING', 'course/sco/js/api.js', null],
      ['FILE_MISSING', 'course/sco/img/Logo.PNG', 'course/sco/img/logo.png'],
      ['FILE_MISSING', 'course/sco/media/intro.mp4', null],
    ]);
  });

  it('refuses a package whose launch page is missing, once per page, naming every item', async () => {
    const manifest = scorm12Manifest({
      organizations: organization(
        '<item identifier="q1" identifierref="quiz" parameters="?n=1"><title>Q1</title></item><item identifier="q2" identifierref="quiz" parameters="?n=2"><title>Q2</title></item>',
      ),
      resources: '<resource identifier="quiz" type="webcontent" adlcp:scormtype="sco" href="Quiz.html"/>',
    });
    const { report } = await inspectZip({ 'imsmanifest.xml': manifest, 'quiz.html': '<html/>' });
    expect(report.accepted).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({
        code: 'LAUNCH_FILE_MISSING',
        entry: 'Quiz.html',
        itemId: 'q1',
        details: { items: 'q1, q2', caseVariant: 'quiz.html' },
      }),
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('passes manifest problems through with the manifest as their entry', async () => {
    const manifest = scorm2004Manifest({
      organizations: organization('<item identifier="i1" identifierref="r1"><title>x</title></item><item identifier="empty"><title>y</title></item>'),
      resources: scoResource('r1', 'index.html'),
      trailer: '<manifest identifier="sub"/>',
    });
    const { report } = await inspectZip({ 'imsmanifest.xml': manifest, 'index.html': '' });
    expect(report.accepted).toBe(true);
    expect(report.warnings.map((w) => [w.code, w.entry])).toEqual([
      ['ITEM_WITHOUT_RESOURCE', 'imsmanifest.xml'],
      ['SUBMANIFEST_UNSUPPORTED', 'imsmanifest.xml'],
    ]);
  });

  it('refuses a manifest with a DOCTYPE as MANIFEST_DTD', async () => {
    const { report, content } = await inspectZip({
      'imsmanifest.xml': `<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<manifest>&x;</manifest>`,
    });
    expect(content).toBeNull();
    expect(report).toMatchObject({ accepted: false, packageType: 'scorm', standard: null });
    expect(report.errors).toEqual([expect.objectContaining({ code: 'MANIFEST_DTD', entry: 'imsmanifest.xml', line: 2 })]);
  });

  it('refuses a manifest that is not XML as MANIFEST_INVALID', async () => {
    const { report } = await inspectZip({ 'imsmanifest.xml': '<manifest><organizations></manifest>' });
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'MANIFEST_INVALID', message: expect.stringContaining('</manifest> does not match <organizations>') }),
    ]);
  });

  it('refuses a zip without a manifest, and says where a too-deep one is', async () => {
    expect((await inspectZip({ 'index.html': '' })).report.errors).toEqual([
      expect.objectContaining({ code: 'MANIFEST_MISSING', message: 'the zip has no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at its root' }),
    ]);
    expect((await inspectZip({ 'a/b/imsmanifest.xml': singleSco() })).report.errors).toEqual([
      expect.objectContaining({ code: 'MANIFEST_MISSING', entry: 'a/b/imsmanifest.xml' }),
    ]);
  });

  it('refuses a zip holding several courses', async () => {
    const { report } = await inspectZip({ 'one/imsmanifest.xml': singleSco(), 'two/imsmanifest.xml': singleSco() });
    expect(report.errors).toEqual([expect.objectContaining({ code: 'MANIFEST_AMBIGUOUS', details: { folders: 'one, two' } })]);
  });

  it('does not read anything from an unsafe zip', async () => {
    const { report, reads } = await inspectZip([
      { name: 'imsmanifest.xml', content: singleSco() },
      { name: 'index.html', content: 'x' },
      { name: 'link', content: '/etc/passwd', mode: 0o120777 },
    ]);
    expect(reads).toEqual([]);
    expect(report).toMatchObject({ accepted: false, manifestPath: null });
    expect(report.errors.map((e) => e.code)).toEqual(['ZIP_SYMLINK']);
  });

  it('refuses an oversized manifest without reading it', async () => {
    const { report, reads } = await inspectZip({ 'imsmanifest.xml': singleSco(), 'index.html': '' }, { maxManifestBytes: 100 });
    expect(reads).toEqual([]);
    expect(report.errors.map((e) => e.code)).toEqual(['MANIFEST_TOO_LARGE']);
  });

  it('reports a manifest the caller failed to read', async () => {
    const { report } = await inspectPackage({
      entries: [entry('imsmanifest.xml')],
      readEntry: () => Promise.reject(new Error('invalid stored block lengths')),
    });
    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'MANIFEST_UNREADABLE', message: 'imsmanifest.xml could not be read from the zip: invalid stored block lengths' }),
    ]);
  });

  it('caps long issue lists and counts what it left out', async () => {
    const files = Array.from({ length: MAX_ISSUES_PER_LIST + 50 }, (_, i) => `<file href="missing-${i}.js"/>`).join('');
    const { report } = await inspectZip({ 'imsmanifest.xml': singleSco('index.html', files), 'index.html': '' });
    expect(report.warnings).toHaveLength(MAX_ISSUES_PER_LIST);
    expect(report.omittedIssueCount).toBe(50);
    expect(report.accepted).toBe(true);
  });

  it('refuses a manifest without anything to launch', async () => {
    const manifest = scorm2004Manifest({ organizations: organization('<item identifier="i1"><title>x</title></item>') });
    const { report } = await inspectZip({ 'imsmanifest.xml': manifest });
    expect(report.errors.map((e) => e.code)).toEqual(['NO_LAUNCHABLE_ITEM']);
  });

  describe('cmi5', () => {
    const cmi5 = `<?xml version="1.0" encoding="utf-8"?>
      <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
        <course id="https://example.org/course"><title><langstring lang="id-ID">Kursus</langstring><langstring lang="en-US">Course</langstring></title>
          <description><langstring lang="id-ID">Deskripsi</langstring></description></course>
        <objectives><objective id="obj1"><title><langstring>Objective</langstring></title><description><langstring>d</langstring></description></objective></objectives>
        <block id="https://example.org/block1">
          <title><langstring>Block</langstring></title><description><langstring>b</langstring></description>
          <objectives><objective idref="obj1"/></objectives>
          <au id="https://example.org/au1" moveOn="Passed" masteryScore="0.8" launchMethod="OwnWindow" activityType="http://adlnet.gov/expapi/activities/assessment">
            <title><langstring>Quiz</langstring></title><description><langstring>q</langstring></description>
            <url>quiz/index.html?x=1</url>
            <launchParameters>{"level":2}</launchParameters>
            <entitlementKey>key</entitlementKey>
          </au>
        </block>
        <au id="https://example.org/au2"><title><langstring>Remote</langstring></title><description><langstring>r</langstring></description>
          <url>https://lrs.example.org/au2.html</url></au>
        <au id="https://example.org/au3" moveOn="Sometimes"><title><langstring>Gone</langstring></title><description><langstring>g</langstring></description>
          <url>gone.html</url></au>
      </courseStructure>`;

    it('reads blocks and AUs, with defaults applied, and checks their launch files', async () => {
      const { report, content } = await inspectZip({ 'cmi5.xml': cmi5, 'quiz/index.html': '' });
      if (content?.kind !== 'cmi5') throw new Error('expected cmi5');
      const { course } = content;
      expect(course).toMatchObject({
        id: 'https://example.org/course',
        title: 'Kursus',
        titles: [{ lang: 'id-ID', value: 'Kursus' }, { lang: 'en-US', value: 'Course' }],
        objectives: [{ id: 'obj1', title: 'Objective', description: 'd' }],
      });
      const block = course.structure[0]!;
      expect(block).toMatchObject({ kind: 'block', id: 'https://example.org/block1', objectiveIds: ['obj1'] });
      expect(block.kind === 'block' && block.children[0]).toEqual({
        kind: 'au',
        id: 'https://example.org/au1',
        title: 'Quiz',
        titles: [{ lang: null, value: 'Quiz' }],
        description: 'q',
        url: 'quiz/index.html?x=1',
        external: false,
        launchMethod: 'OwnWindow',
        moveOn: 'Passed',
        masteryScore: 0.8,
        activityType: 'http://adlnet.gov/expapi/activities/assessment',
        launchParameters: '{"level":2}',
        entitlementKey: 'key',
        objectiveIds: [],
        blockId: 'https://example.org/block1',
      });
      expect(course.structure[1]).toMatchObject({ kind: 'au', external: true, launchMethod: 'AnyWindow', moveOn: 'NotApplicable', blockId: null });
      expect(course.structure[2]).toMatchObject({ moveOn: 'NotApplicable' });

      expect(report).toMatchObject({ packageType: 'cmi5', standardLabel: 'cmi5', counts: { aus: 3, blocks: 1 }, accepted: false });
      expect(report.launchPages.map((p) => [p.href, p.entry, p.external])).toEqual([
        ['quiz/index.html?x=1', 'quiz/index.html', false],
        ['https://lrs.example.org/au2.html', null, true],
        ['gone.html', 'gone.html', false],
      ]);
      expect(report.errors.map((e) => [e.code, e.entry])).toEqual([['LAUNCH_FILE_MISSING', 'gone.html']]);
      expect(report.warnings.map((w) => [w.code, w.itemId])).toEqual([
        ['VALUE_INVALID', 'https://example.org/au3'],
        ['EXTERNAL_RESOURCE', 'https://example.org/au2'],
      ]);
    });

    it('refuses a cmi5.xml whose root is wrong', async () => {
      const { report } = await inspectZip({ 'cmi5.xml': '<manifest/>' });
      expect(report.errors).toEqual([expect.objectContaining({ code: 'MANIFEST_INVALID', entry: 'cmi5.xml' })]);
    });
  });
});

describe('locateManifest', () => {
  it('prefers SCORM when both manifests are at the root, and warns', () => {
    const { location, issues } = locateManifest([entry('cmi5.xml'), entry('imsmanifest.xml')]);
    expect(location).toMatchObject({ kind: 'scorm', basePath: '', entry: { name: 'imsmanifest.xml' } });
    expect(issues.map((i) => i.code)).toEqual(['PACKAGE_TYPE_AMBIGUOUS']);
  });

  it('accepts a differently cased manifest name at the root', () => {
    expect(locateManifest([entry('IMSManifest.XML')]).location).toMatchObject({ kind: 'scorm', basePath: '' });
  });

  it('ignores manifests inside __MACOSX', () => {
    const { location, issues } = locateManifest([entry('__MACOSX/._imsmanifest.xml'), entry('__MACOSX/c/imsmanifest.xml'), entry('c/imsmanifest.xml')]);
    expect(location).toMatchObject({ basePath: 'c/' });
    expect(issues.map((i) => i.code)).toEqual(['MANIFEST_NESTED']);
  });
});
