import { createReadStream } from 'node:fs';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { lookup } from 'mime-types';
import * as yauzl from 'yauzl';
import { zipEntryInfo, type ZipEntryInfo } from '@asah/scorm/zip-safety';
import { DomainError } from '../../common/errors/domain-error';
import { StorageError, type ObjectSource, type ObjectStorage } from '../storage/object-storage';

const MiB = 1024 * 1024;
/** Entries up to this size (packed and unpacked) are read whole; larger ones are streamed. */
const SMALL_ENTRY = 1 * MiB;

/** Fails as soon as an entry yields more bytes than the zip declares, and at the end if fewer. */
class ByteCount extends Transform {
  private seen = 0;

  constructor(
    private readonly name: string,
    private readonly expected: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.expected) done(new Error(`${this.name} holds more than the ${this.expected} bytes the zip declares`));
    else done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.seen === this.expected ? null : new Error(`${this.name} holds ${this.seen} bytes, not the ${this.expected} the zip declares`));
  }
}

/** Errors raised while reading entry data, told apart from storage failures. */
const zipDataErrors = new WeakSet<object>();

export const notZip = (detail?: string) =>
  new DomainError('PACKAGE_NOT_ZIP', `The file is not a zip archive, or it is damaged (for example cut off during upload)${detail ? `: ${detail}` : ''}`);

/** A package zip opened for reading: its central directory, and entries read on demand. */
export class PackageZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Every entry, names decoded strictly (backslashes kept so the safety check sees them). */
    readonly entries: ZipEntryInfo[],
    private readonly raw: Map<string, yauzl.Entry>,
    private readonly path: string,
    /** The zip opened once more for plain reads of small entries. */
    private readonly handle: FileHandle,
    /** Entries the zip declares; more than `entries.length` when reading stopped at the limit. */
    readonly declaredEntryCount: number,
  ) {}

  /**
   * Opens the zip and reads its central directory, at most `maxEntries + 1` records so a zip
   * declaring millions of entries costs nothing. Throws PACKAGE_NOT_ZIP for anything unreadable.
   */
  static async open(path: string, maxEntries: number): Promise<PackageZip> {
    let zip: yauzl.ZipFile;
    try {
      // decodeStrings off: yauzl would refuse hostile names itself; @asah/scorm reports them with codes.
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
    } catch (error) {
      throw notZip((error as Error).message);
    }
    const entries: ZipEntryInfo[] = [];
    const raw = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          const fileName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
          if (!raw.has(fileName)) raw.set(fileName, entry);
          entries.push(zipEntryInfo({ ...entry, fileName }));
          if (entries.length > maxEntries) return resolve();
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw notZip((error as Error).message);
    }
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      zip.close();
      throw error;
    }
    return new PackageZip(zip, entries, raw, path, handle, zip.entryCount);
  }

  /** One entry's bytes, for the manifest (which the caller has already size-checked). */
  async read(name: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * Streams every file entry into storage under `prefix`, a few at a time (small files are
   * latency-bound, big ones disk-bound). yauzl checks each entry's real size against the central
   * directory, so a zip lying about its sizes (a bomb that passed the checks) fails here. When
   * one entry fails, the others in flight finish first, so the caller can delete the prefix
   * knowing nothing more will be written.
   */
  async extractTo(storage: ObjectStorage, prefix: string, concurrency = 4): Promise<{ files: number; bytes: number }> {
    const folders = new Set(this.entries.filter((e) => e.isDirectory).map((e) => e.name));
    const files = [...this.raw.entries()].filter(([name]) => !folders.has(name));
    let next = 0;
    let bytes = 0;
    let failure: unknown = null;
    const worker = async () => {
      while (failure === null && next < files.length) {
        const [name, entry] = files[next++]!;
        try {
          const stored = await storage.put(prefix + name, await this.source(name), { contentType: lookup(name) || 'application/octet-stream', size: entry.uncompressedSize });
          bytes += stored.size;
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    // Bad zip data (a lying size, corrupt deflate data) is the uploader's problem; storage failures are ours.
    if (failure !== null) throw zipDataErrors.has(failure as object) || failure instanceof StorageError ? notZip((failure as Error).message) : failure;
    return { files: files.length, bytes };
  }

  close(): void {
    this.zip.close();
    this.handle.close().catch(() => undefined);
  }

  /**
   * What to store for an entry: a stored (uncompressed) one is a byte range of the zip, which the
   * local driver copies without allocating; a deflated one is inflated as a stream.
   */
  private async source(name: string): Promise<ObjectSource> {
    const entry = this.raw.get(name)!;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw notZip(`${name} uses compression method ${entry.compressionMethod}; only stored and deflated entries are supported`);
    }
    if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) throw notZip(`${name} is stored uncompressed but declares two different sizes`);
    if (entry.compressedSize <= SMALL_ENTRY && entry.uncompressedSize <= SMALL_ENTRY) return this.readSmall(name, entry);
    if (entry.compressionMethod !== 0) return this.stream(name);
    const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
    return { path: this.path, start: fileDataStart, length: entry.compressedSize };
  }

  /**
   * A small entry (most files of a package) in memory: one read of its local header and data from
   * the zip, inflated in one call. Far fewer system calls and stream objects than a stream per
   * file; `maxOutputLength` stops data that inflates beyond its declared size.
   */
  private async readSmall(name: string, entry: yauzl.Entry): Promise<Buffer> {
    const at = entry.relativeOffsetOfLocalHeader;
    const guess = 30 + entry.fileNameLength + entry.extraFieldLength + entry.compressedSize + 256;
    const head = Buffer.allocUnsafe(guess);
    const { bytesRead } = await this.handle.read(head, 0, guess, at);
    if (bytesRead < 30 || head.readUInt32LE(0) !== 0x04034b50) throw notZip(`${name}: local file header not found`);
    const start = 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    let data: Buffer;
    if (start + entry.compressedSize <= bytesRead) data = head.subarray(start, start + entry.compressedSize);
    else {
      data = Buffer.allocUnsafe(entry.compressedSize);
      const again = await this.handle.read(data, 0, entry.compressedSize, at + start);
      if (again.bytesRead !== entry.compressedSize) throw notZip(`${name}: the zip ends inside this entry`);
    }
    if (entry.compressionMethod === 0) return data;
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (error) {
      throw notZip(`${name}: ${(error as Error).message}`);
    }
    if (inflated.length !== entry.uncompressedSize) throw notZip(`${name} holds ${inflated.length} bytes, not the ${entry.uncompressedSize} the zip declares`);
    return inflated;
  }

  /**
   * An entry's bytes, read straight from the file in 1 MiB slices (yauzl's own reader uses
   * 16 KiB ones, which made a large video three times slower than unzip) and inflated when
   * deflated. The byte count is checked as the data flows: a zip lying about a size fails at the
   * first byte too many, before it fills a disk.
   */
  private async stream(name: string): Promise<Readable> {
    const entry = this.raw.get(name);
    if (!entry) throw new Error(`no entry ${name}`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw notZip(`${name} uses compression method ${entry.compressionMethod}; only stored and deflated entries are supported`);
    }
    const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
    const parts: NodeJS.ReadWriteStream[] = [];
    if (entry.compressionMethod === 8) parts.push(createInflateRaw({ chunkSize: 256 * 1024 }));
    const counted = new ByteCount(name, entry.uncompressedSize);
    const raw = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(this.path, { start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    const tag = (error: Error) => zipDataErrors.add(error);
    raw.once('error', tag);
    counted.once('error', tag);
    parts.forEach((p) => p.once('error', tag));
    pipeline([raw, ...parts, counted] as unknown as [Readable, Transform], () => undefined);
    return counted;
  }
}
