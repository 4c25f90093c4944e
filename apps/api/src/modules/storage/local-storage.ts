import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lookup } from 'mime-types';
import { assertSafeKey, ByteRange, ObjectBody, ObjectInfo, ObjectStorage, PutOptions, StorageError, StoredObject } from './object-storage';

/** Folder under the root for objects being written; never a key (keys start with a letter or digit). */
const TMP = '.tmp';

/**
 * Objects as files under `root` (DATA_DIR/content by default). A put writes to `.tmp/` and then
 * renames into place, so a reader sees the whole file or none. The content type comes from the
 * key's extension (the keys the API writes always carry one); the ETag from size and mtime, which
 * change whenever the file does.
 */
export class LocalStorage implements ObjectStorage {
  private readonly root: string;
  private readonly tmp: string;
  private tmpReady: Promise<unknown> | null = null;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmp = join(this.root, TMP);
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<StoredObject> {
    const target = this.pathOf(key);
    this.tmpReady ??= mkdir(this.tmp, { recursive: true });
    await this.tmpReady;
    const tmp = join(this.tmp, randomUUID());
    try {
      const out = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
      await pipeline(body, out);
      if (options.size !== undefined && out.bytesWritten !== options.size) {
        throw new StorageError(`${key}: expected ${options.size} bytes, got ${out.bytesWritten}`);
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
      const info = await stat(target);
      return { size: info.size, etag: etagOf(info.size, info.mtimeMs) };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<ObjectBody | null> {
    const handle = await open(this.pathOf(key), 'r').catch(missing);
    if (!handle) return null;
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      if (range && (range.start < 0 || range.end < range.start || range.end >= info.size)) {
        throw new StorageError(`${key}: range ${range.start}-${range.end} outside ${info.size} bytes`);
      }
      // The stream owns the handle from here and closes it when done or destroyed.
      const body = handle.createReadStream({ start: range?.start ?? 0, end: range ? range.end : Math.max(info.size - 1, 0), highWaterMark: 256 * 1024 });
      const length = range ? range.end - range.start + 1 : info.size;
      return { body, length, size: info.size, etag: etagOf(info.size, info.mtimeMs), contentType: typeOf(key) };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const info = await stat(this.pathOf(key)).catch(missing);
    if (!info || !info.isFile()) return null;
    return { size: info.size, etag: etagOf(info.size, info.mtimeMs), contentType: typeOf(key) };
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertSafeKey(prefix, { prefix: true });
    await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new StorageError(`Unsafe storage key: ${JSON.stringify(key)}`);
    return path;
  }
}

function missing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
  throw error;
}

const etagOf = (size: number, mtimeMs: number) => `"${size.toString(16)}-${Math.round(mtimeMs * 1000).toString(16)}"`;

export const typeOf = (key: string) => lookup(key) || 'application/octet-stream';
