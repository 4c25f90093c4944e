import type { Readable } from 'node:stream';
import { lookup } from 'mime-types';
import * as yauzl from 'yauzl';
import { zipEntryInfo, type ZipEntryInfo } from '@asah/scorm/zip-safety';
import { DomainError } from '../../common/errors/domain-error';
import { StorageError, type ObjectStorage } from '../storage/object-storage';

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
    return new PackageZip(zip, entries, raw, zip.entryCount);
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
          const stored = await storage.put(prefix + name, await this.stream(name), { contentType: lookup(name) || 'application/octet-stream', size: entry.uncompressedSize });
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
  }

  private async stream(name: string): Promise<Readable> {
    const entry = this.raw.get(name);
    if (!entry) throw new Error(`no entry ${name}`);
    const stream = await this.zip.openReadStreamPromise(entry);
    stream.once('error', (error) => zipDataErrors.add(error));
    return stream;
  }
}
