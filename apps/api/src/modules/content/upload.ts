import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { UPLOAD_FIELD } from '@asah/contracts/content';
import { DomainError } from '../../common/errors/domain-error';

export interface ReceivedFile {
  /** Temporary file holding the upload; the caller removes it (`discard`). */
  path: string;
  /** The name the browser sent, without any folder part. */
  fileName: string;
  /** What the browser claimed; never trusted for anything that matters. */
  declaredType: string;
  size: number;
}

export interface UploadOptions {
  tmpDir: string;
  maxBytes: number;
  /** Name of the limit for the error message, e.g. PACKAGE_MAX_BYTES. */
  limitName: string;
}

/** Multipart framing around the file: generous, it only decides when to refuse before reading. */
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = (options: UploadOptions) =>
  new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatBytes(options.maxBytes)} (${options.limitName})`, { maxBytes: options.maxBytes }, { Connection: 'close' });

const noFile = (message: string) => new DomainError('UPLOAD_INVALID', message, [{ field: UPLOAD_FIELD, code: 'REQUIRED', message }]);

/**
 * Streams the one file of a multipart request (field `file`) to a temporary file, never holding
 * it in memory, and stops at `maxBytes` with 413. Nothing is left behind when it fails.
 */
export async function receiveUpload(req: IncomingMessage, options: UploadOptions): Promise<ReceivedFile> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) throw noFile(`Send the file as multipart/form-data in the "${UPLOAD_FIELD}" field`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(options);

  await mkdir(options.tmpDir, { recursive: true });
  const path = join(options.tmpDir, `upload-${randomUUID()}`);
  let file: Omit<ReceivedFile, 'size'> | null = null;
  let size = 0;
  let problem: DomainError | null = null;
  let writing: Promise<void> = Promise.resolve();

  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { fileSize: options.maxBytes, files: 1, fields: 20, parts: 25 } });
      } catch (error) {
        return reject(noFile((error as Error).message));
      }
      parser.on('file', (name, stream, info) => {
        if (name !== UPLOAD_FIELD || file) {
          problem ??= noFile(`Send exactly one file, in the "${UPLOAD_FIELD}" field`);
          return void stream.resume();
        }
        file = { path, fileName: basename(info.filename?.replace(/\\/g, '/') || 'upload'), declaredType: info.mimeType };
        const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
        stream.on('data', (chunk: Buffer) => (size += chunk.length));
        stream.once('limit', () => {
          problem = tooLarge(options);
          stream.unpipe(out);
          out.end();
          stream.resume();
        });
        writing = new Promise<void>((done, fail) => {
          out.once('close', () => done());
          // After the limit the file is thrown away anyway; its write errors no longer matter.
          out.once('error', (error) => (problem ? done() : fail(error)));
        });
        stream.pipe(out);
      });
      parser.once('filesLimit', () => (problem ??= noFile(`Send exactly one file, in the "${UPLOAD_FIELD}" field`)));
      parser.once('error', (error: Error) => reject(problem ?? noFile(`The upload is not valid multipart data: ${error.message}`)));
      parser.once('close', () => resolve());
      // A body without Content-Length that never ends: stop reading well past the limit.
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 2 * options.maxBytes + MULTIPART_OVERHEAD) req.destroy(tooLarge(options));
      });
      req.once('aborted', () => reject(new DomainError('UPLOAD_INVALID', 'The upload was interrupted')));
      req.once('error', reject);
      req.pipe(parser);
    });
    await writing;
    if (problem) throw problem;
    if (!file) throw noFile(`Attach the file in the "${UPLOAD_FIELD}" field`);
    return { ...(file as Omit<ReceivedFile, 'size'>), size };
  } catch (error) {
    req.unpipe();
    req.resume();
    await writing.catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}

export async function discard(file: ReceivedFile | null): Promise<void> {
  if (file) await rm(file.path, { force: true });
}

export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= 1024 * MiB) return `${+(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Runs the checks that come before reading an upload (who may upload, to what). When one fails,
 * the body is read and thrown away before the error is answered: a client still sending its file
 * would otherwise see a broken connection instead of the 404 or 403. Bodies declared larger than
 * `maxBytes` are not drained (that error closes the connection instead).
 */
export async function beforeUpload<T>(req: IncomingMessage, maxBytes: number, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const declared = Number(req.headers['content-length']);
    if (!req.readableEnded && !(declared > maxBytes + MULTIPART_OVERHEAD)) {
      await new Promise<void>((resolve) => {
        let received = 0;
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes + MULTIPART_OVERHEAD) req.destroy();
        });
        req.once('end', resolve);
        req.once('close', resolve);
        req.once('error', () => resolve());
        req.resume();
      });
    }
    throw error;
  }
}
