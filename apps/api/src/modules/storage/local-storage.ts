import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lookup } from 'mime-types';
import {
  assertSafeKey,
  ByteRange,
  FileRange,
  isFileRange,
  ObjectBody,
  ObjectInfo,
  ObjectSource,
  ObjectStorage,
  PutOptions,
  StorageError,
  StoredObject,
} from './object-storage';

const COPY_BUFFER = 1024 * 1024;

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
  /** Copy buffers, reused from one put to the next. */
  private readonly buffers: Buffer[] = [];

  constructor(root: string) {
    this.root = resolve(root);
    this.tmp = join(this.root, TMP);
  }

  async put(key: string, body: ObjectSource, options: PutOptions): Promise<StoredObject> {
    const target = this.pathOf(key);
    this.tmpReady ??= mkdir(this.tmp, { recursive: true });
    await this.tmpReady;
    const tmp = join(this.tmp, randomUUID());
    try {
      const written = Buffer.isBuffer(body) ? await this.writeBuffer(body, tmp) : isFileRange(body) ? await this.copyRange(body, tmp) : await this.writeStream(body, tmp);
      if (options.size !== undefined && written !== options.size) {
        throw new StorageError(`${key}: expected ${options.size} bytes, got ${written}`);
      }
      await this.ensureDir(dirname(target));
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

  private async writeBuffer(body: Buffer, tmp: string): Promise<number> {
    const out = await open(tmp, 'wx', 0o644);
    try {
      await out.writeFile(body);
      return body.length;
    } finally {
      await out.close();
    }
  }

  private async writeStream(body: Readable, tmp: string): Promise<number> {
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
    await pipeline(body, out);
    return out.bytesWritten;
  }

  /** Copies bytes of a local file through one reused buffer: no allocation per chunk. */
  private async copyRange(source: FileRange, tmp: string): Promise<number> {
    const input = await open(source.path, 'r');
    let output: FileHandle | undefined;
    const buffer = this.buffers.pop() ?? Buffer.allocUnsafe(COPY_BUFFER);
    try {
      output = await open(tmp, 'wx', 0o644);
      let copied = 0;
      while (copied < source.length) {
        const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, source.length - copied), source.start + copied);
        if (bytesRead === 0) break;
        let offset = 0;
        while (offset < bytesRead) offset += (await output.write(buffer, offset, bytesRead - offset)).bytesWritten;
        copied += bytesRead;
      }
      return copied;
    } finally {
      if (this.buffers.length < 8) this.buffers.push(buffer);
      await input.close();
      await output?.close();
    }
  }

  /** Folders made by this process, so a package of thousands of files costs a handful of mkdir calls. */
  private readonly madeDirs = new Set<string>();

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    if (this.madeDirs.size > 10_000) this.madeDirs.clear();
    this.madeDirs.add(dir);
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
