import { issue, type PackageIssue } from './issues';

/**
 * Safety checks over a zip's central directory, before any entry is extracted.
 *
 * The caller reads the central directory (e.g. yauzl with `decodeStrings: false`, names decoded
 * with `yauzl.getFileNameLowLevel(flags, raw, extraFields, true)` so backslashes stay visible)
 * and passes one `ZipEntryInfo` per entry. Declared sizes can lie: extract with size validation
 * on (yauzl's `validateEntrySizes`, the default) so a bomb that passes here still stops there.
 */

export interface ZipEntryInfo {
  /** Entry name exactly as stored (decoded), directories ending in `/`. */
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
  isSymlink: boolean;
  isEncrypted: boolean;
}

/** The central-directory fields this package needs, named as yauzl's `Entry` names them. */
export interface CentralDirectoryRecord {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
  externalFileAttributes: number;
  generalPurposeBitFlag: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const MSDOS_DIRECTORY = 0x10;

export function zipEntryInfo(record: CentralDirectoryRecord): ZipEntryInfo {
  const mode = (record.externalFileAttributes >>> 16) & S_IFMT;
  return {
    name: record.fileName,
    compressedSize: record.compressedSize,
    uncompressedSize: record.uncompressedSize,
    isDirectory: record.fileName.endsWith('/') || mode === S_IFDIR || (record.externalFileAttributes & MSDOS_DIRECTORY) !== 0,
    isSymlink: mode === S_IFLNK,
    // Bit 0: traditional or AES encryption; bit 6: strong encryption.
    isEncrypted: (record.generalPurposeBitFlag & 0x41) !== 0,
  };
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  maxEntryUncompressedBytes: number;
  /** Uncompressed ÷ compressed above this is treated as a zip bomb, per entry and in total. */
  maxCompressionRatio: number;
  /** Entries (and totals) smaller than this skip the ratio check: small text compresses very well. */
  ratioCheckMinBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 2048 * MiB,
  maxEntryUncompressedBytes: 1024 * MiB,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1 * MiB,
};

export interface ZipCheckResult {
  ok: boolean;
  errors: PackageIssue[];
  /** Entries that are not directories. */
  fileCount: number;
  totalUncompressedBytes: number;
}

export function checkZipEntries(entries: readonly ZipEntryInfo[], limits: Partial<ZipLimits> = {}): ZipCheckResult {
  const limit = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const files = entries.filter((e) => !e.isDirectory);
  const totalUncompressedBytes = files.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const result = (errors: PackageIssue[]) => ({ ok: errors.length === 0, errors, fileCount: files.length, totalUncompressedBytes });

  if (entries.length > limit.maxEntries) {
    return result([
      issue('ZIP_TOO_MANY_ENTRIES', `the zip has ${entries.length} entries; at most ${limit.maxEntries} are accepted`, {
        details: { entries: entries.length, limit: limit.maxEntries },
      }),
    ]);
  }

  const errors: PackageIssue[] = [];
  const safeNames: ZipEntryInfo[] = [];
  for (const entry of entries) {
    const badName = nameProblem(entry.name);
    const problem = badName ?? entryProblem(entry, limit);
    if (problem) errors.push(problem);
    if (!badName) safeNames.push(entry);
  }
  errors.push(...collisions(safeNames));

  if (totalUncompressedBytes > limit.maxTotalUncompressedBytes) {
    errors.push(
      issue('ZIP_TOO_LARGE', `the zip unpacks to ${formatBytes(totalUncompressedBytes)}; at most ${formatBytes(limit.maxTotalUncompressedBytes)} is accepted`, {
        details: { bytes: totalUncompressedBytes, limit: limit.maxTotalUncompressedBytes },
      }),
    );
  }
  const totalCompressed = files.reduce((sum, e) => sum + e.compressedSize, 0);
  const totalRatio = totalUncompressedBytes / Math.max(totalCompressed, 1);
  if (totalUncompressedBytes >= limit.ratioCheckMinBytes && totalRatio > limit.maxCompressionRatio) {
    errors.push(
      issue('ZIP_RATIO', `the zip expands ${Math.round(totalRatio)} times when unpacked (at most ${limit.maxCompressionRatio}); it looks like a zip bomb`, {
        details: { ratio: Math.round(totalRatio), limit: limit.maxCompressionRatio },
      }),
    );
  }
  return result(errors);
}

function nameProblem(name: string): PackageIssue | null {
  const at = { entry: name };
  if (name === '' || /[\u0000-\u001f\u007f]/.test(name)) {
    return issue('ZIP_INVALID_NAME', `${JSON.stringify(name)}: the entry name is empty or contains control characters`, at);
  }
  if (/^([\\/]|[A-Za-z]:)/.test(name)) {
    return issue('ZIP_ABSOLUTE_PATH', `"${name}": absolute paths are not allowed in a package`, at);
  }
  if (name.split(/[\\/]/).includes('..')) {
    return issue('ZIP_PATH_TRAVERSAL', `"${name}": ".." would place the file outside the package folder`, at);
  }
  if (name.includes('\\')) {
    return issue('ZIP_BACKSLASH_PATH', `"${name}": backslashes are not allowed in entry names; zip paths use "/"`, at);
  }
  return null;
}

function entryProblem(entry: ZipEntryInfo, limit: ZipLimits): PackageIssue | null {
  const at = { entry: entry.name };
  if (entry.isSymlink) return issue('ZIP_SYMLINK', `"${entry.name}": symbolic links are not allowed in a package`, at);
  if (entry.isEncrypted) return issue('ZIP_ENCRYPTED', `"${entry.name}": the entry is encrypted`, at);
  if (entry.isDirectory) return null;
  if (entry.uncompressedSize > limit.maxEntryUncompressedBytes) {
    return issue('ZIP_TOO_LARGE', `"${entry.name}" unpacks to ${formatBytes(entry.uncompressedSize)}; at most ${formatBytes(limit.maxEntryUncompressedBytes)} per file is accepted`, {
      ...at,
      details: { bytes: entry.uncompressedSize, limit: limit.maxEntryUncompressedBytes },
    });
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize >= limit.ratioCheckMinBytes && ratio > limit.maxCompressionRatio) {
    return issue('ZIP_RATIO', `"${entry.name}" expands ${Math.round(ratio)} times when unpacked (at most ${limit.maxCompressionRatio}); it looks like a zip bomb`, {
      ...at,
      details: { ratio: Math.round(ratio), limit: limit.maxCompressionRatio },
    });
  }
  return null;
}

/** The key two names collide on when extracted to a case-insensitive, normalising file system. */
function collisionKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** Same name, names differing only in case or Unicode form, or a file where a folder is needed. */
function collisions(entries: readonly ZipEntryInfo[]): PackageIssue[] {
  const errors: PackageIssue[] = [];
  const firstByKey = new Map<string, ZipEntryInfo>();
  const folders = new Set<string>();
  for (const entry of entries) {
    const key = collisionKey(entry.name);
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i += 1) folders.add(segments.slice(0, i).join('/'));
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, entry);
    } else if (!(first.isDirectory && entry.isDirectory)) {
      const same = first.name === entry.name;
      errors.push(
        issue(
          'ZIP_DUPLICATE_ENTRY',
          same
            ? `"${entry.name}" appears more than once in the zip`
            : `"${entry.name}" and "${first.name}" differ only in letter case or spelling and would overwrite each other`,
          { entry: entry.name, details: { duplicateOf: first.name } },
        ),
      );
    }
  }
  for (const [key, entry] of firstByKey) {
    if (!entry.isDirectory && folders.has(key)) {
      errors.push(
        issue('ZIP_DUPLICATE_ENTRY', `"${entry.name}" is a file, but other entries use it as a folder`, {
          entry: entry.name,
          details: { duplicateOf: null },
        }),
      );
    }
  }
  return errors;
}

function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`;
}
