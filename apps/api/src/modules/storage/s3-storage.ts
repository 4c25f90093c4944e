import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
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

export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket (`''` or `folder/`). */
  prefix: string;
  client: S3ClientConfig;
  /** Multipart part size; each upload keeps at most `queueSize` parts in memory. */
  partSize?: number;
  queueSize?: number;
}

const MiB = 1024 * 1024;

/**
 * Any S3-compatible service (AWS S3, MinIO, Ceph RGW, Garage, cloud object stores). Puts stream
 * through `@aws-sdk/lib-storage` multipart uploads, so memory stays at `partSize × queueSize`
 * whatever the object's size; S3 itself makes an object visible only once it is complete.
 */
export class S3Storage implements ObjectStorage {
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(options: S3StorageOptions) {
    this.client = new S3Client(options.client);
    this.bucket = options.bucket;
    this.prefix = options.prefix;
    this.partSize = options.partSize ?? 8 * MiB;
    this.queueSize = options.queueSize ?? 2;
  }

  async put(key: string, source: ObjectSource, options: PutOptions): Promise<StoredObject> {
    assertSafeKey(key);
    const body = Buffer.isBuffer(source) ? Readable.from([source]) : isFileRange(source) ? fileRangeStream(source) : source;
    let counted = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        counted += chunk.length;
        if (options.size !== undefined && counted > options.size) done(new StorageError(`${key}: longer than the expected ${options.size} bytes`));
        else done(null, chunk);
      },
    });
    body.on('error', (error) => counter.destroy(error));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.prefix + key, Body: body.pipe(counter), ContentType: options.contentType },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    const result = await upload.done();
    if (options.size !== undefined && counted !== options.size) {
      await this.deleteKeys([this.prefix + key]);
      throw new StorageError(`${key}: expected ${options.size} bytes, got ${counted}`);
    }
    return { size: counted, etag: result.ETag ?? '""' };
  }

  async get(key: string, range?: ByteRange): Promise<ObjectBody | null> {
    assertSafeKey(key);
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      const length = res.ContentLength ?? 0;
      // "bytes 0-99/1234": the whole object's size follows the slash.
      const size = range ? Number(res.ContentRange?.split('/')[1] ?? length) : length;
      return { body: res.Body as Readable, length, size, etag: res.ETag ?? '""', contentType: res.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    assertSafeKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return { size: res.ContentLength ?? 0, etag: res.ETag ?? '""', contentType: res.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertSafeKey(prefix, { prefix: true });
    // List a page, delete it, list again: the deleted keys are gone from the next listing (S3 lists
    // are strongly consistent), so no continuation token is needed.
    for (;;) {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, MaxKeys: 1000 }));
      const keys = (page.Contents ?? []).map((o) => o.Key!).filter(Boolean);
      if (keys.length === 0) return;
      await this.deleteKeys(keys);
    }
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const res = await this.client.send(
      new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
    );
    if (res.Errors?.length) throw new StorageError(`could not delete ${res.Errors.length} objects, e.g. ${res.Errors[0]!.Key}: ${res.Errors[0]!.Message}`);
  }
}

function fileRangeStream(range: FileRange): Readable {
  if (range.length === 0) return Readable.from([]);
  return createReadStream(range.path, { start: range.start, end: range.start + range.length - 1, highWaterMark: 1024 * 1024 });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
