import type { PackageIssueCode } from './issues';
import { buildZip, openZip, type ZipFileSpec } from './testing/zip';
import { checkZipEntries, zipEntryInfo, type ZipEntryInfo, type ZipLimits } from './zip-safety';

/** Builds the zip with yazl, reads its central directory back with yauzl, then checks it. */
async function check(files: ZipFileSpec[], renames: Record<string, string> = {}, limits: Partial<ZipLimits> = {}) {
  const zip = await openZip(await buildZip(files, renames));
  zip.close();
  return { entries: zip.entries, ...checkZipEntries(zip.entries, limits) };
}

function errorCodes(result: { errors: { code: PackageIssueCode }[] }): PackageIssueCode[] {
  return result.errors.map((e) => e.code);
}

function entry(name: string, overrides: Partial<ZipEntryInfo> = {}): ZipEntryInfo {
  return { name, compressedSize: 10, uncompressedSize: 20, isDirectory: name.endsWith('/'), isSymlink: false, isEncrypted: false, ...overrides };
}

const MANIFEST: ZipFileSpec = { name: 'imsmanifest.xml', content: '<manifest/>' };

describe('checkZipEntries on zips built in the test', () => {
  it('accepts an ordinary package', async () => {
    const result = await check([MANIFEST, { name: 'content/' }, { name: 'content/index.html', content: '<html></html>' }]);
    expect(result).toMatchObject({ ok: true, errors: [], fileCount: 2 });
  });

  it('refuses a ".." path traversal', async () => {
    const result = await check([MANIFEST, { name: 'xx/evil.sh', content: 'rm -rf /' }], { 'xx/evil.sh': '../evil.sh' });
    expect(result.entries.map((e) => e.name)).toContain('../evil.sh');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ZIP_PATH_TRAVERSAL', severity: 'error', entry: '../evil.sh', message: expect.stringContaining('"../evil.sh"') }),
    ]);
  });

  it('refuses a traversal hidden in the middle of a path', async () => {
    const result = await check([MANIFEST, { name: 'a/xx/xx/b.txt', content: 'x' }], { 'a/xx/xx/b.txt': 'a/../../b.txt' });
    expect(errorCodes(result)).toEqual(['ZIP_PATH_TRAVERSAL']);
  });

  it('refuses an absolute path', async () => {
    const result = await check([MANIFEST, { name: 'xetc/passwd', content: 'root' }], { 'xetc/passwd': '/etc/passwd' });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'ZIP_ABSOLUTE_PATH', entry: '/etc/passwd' })]);
  });

  it('refuses Windows drive and UNC paths and backslash separators', async () => {
    const result = await check(
      [MANIFEST, { name: 'xxxWindows/win.ini', content: 'x' }, { name: 'xxserver/share', content: 'x' }, { name: 'dir/file.txt', content: 'x' }],
      { 'xxxWindows/win.ini': 'C:\\Windows\\win.ini', 'xxserver/share': '\\\\server\\share', 'dir/file.txt': 'dir\\file.txt' },
    );
    expect(result.errors.map((e) => [e.code, e.entry])).toEqual([
      ['ZIP_ABSOLUTE_PATH', 'C:\\Windows\\win.ini'],
      ['ZIP_ABSOLUTE_PATH', '\\\\server\\share'],
      ['ZIP_BACKSLASH_PATH', 'dir\\file.txt'],
    ]);
  });

  it('refuses a NUL byte in a name', async () => {
    const result = await check([MANIFEST, { name: 'evil.html.jpg', content: 'x' }], { 'evil.html.jpg': 'evil.html\u0000jpg' });
    expect(errorCodes(result)).toEqual(['ZIP_INVALID_NAME']);
  });

  it('refuses a symbolic link marked in the external attributes', async () => {
    const result = await check([MANIFEST, { name: 'content/passwd', content: '/etc/passwd', mode: 0o120777 }]);
    expect(result.entries.find((e) => e.name === 'content/passwd')?.isSymlink).toBe(true);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'ZIP_SYMLINK', entry: 'content/passwd' })]);
  });

  it('refuses more entries than the limit, before looking at any of them', async () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `page-${i}.html`, content: `${i}` }));
    const result = await check(files, {}, { maxEntries: 10 });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ZIP_TOO_MANY_ENTRIES', details: { entries: 12, limit: 10 } }),
    ]);
  });

  it('refuses a high-ratio zip bomb, per entry and in total', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const result = await check([MANIFEST, { name: 'bomb.bin', content: zeros }]);
    const bomb = result.entries.find((e) => e.name === 'bomb.bin')!;
    expect(bomb.uncompressedSize / bomb.compressedSize).toBeGreaterThan(100);
    expect(result.errors.map((e) => [e.code, e.entry])).toEqual([
      ['ZIP_RATIO', 'bomb.bin'],
      ['ZIP_RATIO', undefined],
    ]);
  });

  it('lets small, very compressible files through the ratio check', async () => {
    const result = await check([MANIFEST, { name: 'blank.css', content: ' '.repeat(200_000) }]);
    expect(result.ok).toBe(true);
  });

  it('refuses content larger than the size limits', async () => {
    const result = await check([MANIFEST, { name: 'video.mp4', content: Buffer.alloc(4096, 7), compress: false }], {}, {
      maxEntryUncompressedBytes: 4000,
      maxTotalUncompressedBytes: 4000,
    });
    expect(result.errors.map((e) => [e.code, e.entry])).toEqual([
      ['ZIP_TOO_LARGE', 'video.mp4'],
      ['ZIP_TOO_LARGE', undefined],
    ]);
  });

  it('refuses duplicate names, including names differing only in case', async () => {
    const result = await check(
      [MANIFEST, { name: 'index.html', content: 'a' }, { name: 'index.html', content: 'b' }, { name: 'Images/Logo.png', content: 'c' }, { name: 'images/logo.PNG', content: 'd' }],
    );
    expect(result.errors.map((e) => [e.code, e.entry, e.details?.duplicateOf])).toEqual([
      ['ZIP_DUPLICATE_ENTRY', 'index.html', 'index.html'],
      ['ZIP_DUPLICATE_ENTRY', 'images/logo.PNG', 'Images/Logo.png'],
    ]);
  });
});

describe('checkZipEntries on entry lists', () => {
  it('refuses encrypted entries', () => {
    expect(errorCodes(checkZipEntries([entry('secret.html', { isEncrypted: true })]))).toEqual(['ZIP_ENCRYPTED']);
  });

  it('refuses a file that other entries use as a folder', () => {
    expect(checkZipEntries([entry('content'), entry('content/index.html')]).errors).toEqual([
      expect.objectContaining({ code: 'ZIP_DUPLICATE_ENTRY', entry: 'content' }),
    ]);
  });

  it('treats names in different Unicode forms as duplicates', () => {
    expect(errorCodes(checkZipEntries([entry('mate\u0301ri.html'), entry('mat\u00e9ri.html')]))).toEqual(['ZIP_DUPLICATE_ENTRY']);
  });

  it('accepts a directory listed twice and names with dots that are not traversal', () => {
    expect(checkZipEntries([entry('a/'), entry('a/'), entry('a/..b/c.html'), entry('a/b../c.html')]).ok).toBe(true);
  });

  it('reports every bad entry, not only the first', () => {
    expect(errorCodes(checkZipEntries([entry('../a'), entry('/b'), entry('c', { isSymlink: true })]))).toEqual([
      'ZIP_PATH_TRAVERSAL',
      'ZIP_ABSOLUTE_PATH',
      'ZIP_SYMLINK',
    ]);
  });

  it('refuses an entry with nothing compressed that claims a large size', () => {
    expect(errorCodes(checkZipEntries([entry('x.bin', { compressedSize: 0, uncompressedSize: 5 * 1024 * 1024 })]))).toEqual(['ZIP_RATIO', 'ZIP_RATIO']);
  });
});

describe('zipEntryInfo', () => {
  const base = { fileName: 'a.html', compressedSize: 1, uncompressedSize: 2, externalFileAttributes: 0, generalPurposeBitFlag: 0 };

  it('reads symlinks and directories from Unix modes, directories from MS-DOS attributes', () => {
    expect(zipEntryInfo({ ...base, externalFileAttributes: (0o120777 << 16) >>> 0 }).isSymlink).toBe(true);
    expect(zipEntryInfo({ ...base, externalFileAttributes: (0o100644 << 16) >>> 0 }).isSymlink).toBe(false);
    expect(zipEntryInfo({ ...base, externalFileAttributes: (0o040755 << 16) >>> 0 }).isDirectory).toBe(true);
    expect(zipEntryInfo({ ...base, externalFileAttributes: 0x10 }).isDirectory).toBe(true);
    expect(zipEntryInfo({ ...base, fileName: 'dir/' }).isDirectory).toBe(true);
  });

  it('reads encryption from the general purpose flags', () => {
    expect(zipEntryInfo({ ...base, generalPurposeBitFlag: 0x1 }).isEncrypted).toBe(true);
    expect(zipEntryInfo({ ...base, generalPurposeBitFlag: 0x800 }).isEncrypted).toBe(false);
  });
});
