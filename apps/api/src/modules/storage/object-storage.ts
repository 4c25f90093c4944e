import type { Readable } from 'node:stream';

/**
 * Where course content lives: SCORM package files, activity files and videos, cover images.
 * Keys are addressed by what never changes (`packages/<versionId>/<path>`, `files/<fileId>/<name>`,
 * `covers/<id>.<ext>`), so an object is written once and can be cached forever.
 */
export interface ObjectStorage {
  /**
   * Stores `body` under `key`. Readers never see a partial object: it appears whole or not at all.
   * With `size`, a body of another length is refused (and nothing is stored).
   */
  put(key: string, body: ObjectSource, options: PutOptions): Promise<StoredObject>;
  /** The object, or `null` when there is none; with `range`, only those bytes (inclusive, within the size). */
  get(key: string, range?: ByteRange): Promise<ObjectBody | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Deletes every object whose key starts with `prefix` (which must end with `/`). */
  deletePrefix(prefix: string): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/**
 * A stream; bytes of a local file (a stored zip entry is copied straight from the zip, and the
 * local driver reuses one buffer instead of allocating one per chunk, which keeps the garbage
 * collector out of a large import); or, for small objects, the bytes themselves.
 */
export type ObjectSource = Readable | FileRange | Buffer;

export interface FileRange {
  path: string;
  start: number;
  length: number;
}

export const isFileRange = (source: ObjectSource): source is FileRange =>
  !Buffer.isBuffer(source) && typeof (source as FileRange).path === 'string' && !('pipe' in source);

export interface PutOptions {
  contentType: string;
  /** Expected length in bytes, when known. */
  size?: number;
}

export interface StoredObject {
  size: number;
  etag: string;
}

export interface ObjectInfo {
  /** Size of the whole object. */
  size: number;
  /** Strong entity tag, quoted (`"..."`), as HTTP sends it. */
  etag: string;
  contentType: string;
}

export interface ObjectBody extends ObjectInfo {
  body: Readable;
  /** Bytes `body` will yield (the range's length, or the size). */
  length: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

const SEGMENT = /^[^\u0000-\u001f\u007f\\]+$/;

/**
 * Keys are relative paths of plain segments: no `.`/`..`, no empty segment, no backslash or
 * control character, starting with a letter or digit. The import has already refused hostile
 * zip names; this is the storage's own guard, so no caller can write outside its root.
 */
export function assertSafeKey(key: string, { prefix = false } = {}): void {
  const path = prefix ? key.replace(/\/$/, '') : key;
  const ok =
    key.length > 0 &&
    key.length <= 1024 &&
    (!prefix || key.endsWith('/')) &&
    /^[A-Za-z0-9]/.test(path) &&
    path.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && SEGMENT.test(s));
  if (!ok) throw new StorageError(`Unsafe storage ${prefix ? 'prefix' : 'key'}: ${JSON.stringify(key)}`);
}
