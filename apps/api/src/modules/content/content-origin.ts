import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { signContentToken, verifyContentToken } from './content-tokens';
import { etagMatches, parseRange } from './http-range';

/** Cookie of a launched package version, limited to `/v/<versionId>/`. Never an API cookie. */
export const CONTENT_COOKIE = 'asah_content';

const IMMUTABLE_PRIVATE = 'private, max-age=31536000, immutable';
const IMMUTABLE_PUBLIC = 'public, max-age=31536000, immutable';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** File types a browser shows without running anything of the uploader's; others are downloaded. */
const INLINE_TYPES = /^(video\/|audio\/|image\/(png|jpeg|gif|webp)$|application\/pdf$|text\/plain$)/;

interface Target {
  key: string;
  cacheControl: string;
  /** For files: the download name, shown inline or as an attachment. */
  fileName?: string;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

/**
 * The content origin: a second HTTP listener in the API process (CONTENT_PORT), read-only, serving
 *   /launch?t=<token>      exchanges a launch token for the version's cookie, redirects into it
 *   /v/<versionId>/<path>  package files, with that cookie
 *   /f/<fileId>/<name>?t=  activity files and videos, with a file token
 *   /c/<id>/<name>         course cover images, public
 * It reads no API cookie and sends no CORS header, so package JavaScript running here cannot act
 * as the viewer on the API (whose OriginGuard also refuses this origin). Keys are immutable, so
 * every answer can be cached for a year and revalidated by ETag.
 */
@Injectable()
export class ContentOrigin implements OnModuleDestroy {
  private readonly logger = new Logger('ContentOrigin');
  private readonly frameAncestors: string;
  private server: Server | null = null;
  /** Routes other modules add under a path prefix (the SCORM runtime's `/rt/`); they own method checks and headers. */
  private readonly mounts: { prefix: string; handler: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> }[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {
    // 'self': packages frame their own pages (multi-SCO frames, cmi5 framed AUs).
    this.frameAncestors = ["'self'", ...config.allowedOrigins].join(' ');
  }

  /** The request listener, for tests that do not need a port. */
  readonly handler = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error) => {
      this.logger.error({ err: error, url: req.url }, 'content origin failure');
      if (!res.headersSent) this.refuse(res, new Refusal(500, 'Internal error'));
      else res.destroy();
    });
  };

  /** Serves every request whose path starts with `prefix` by `handler` (before the read-only rule). */
  mount(prefix: string, handler: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>): void {
    this.mounts.push({ prefix, handler });
  }

  async listen(port: number, host?: string): Promise<AddressInfo> {
    const server = createServer(this.handler);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', `frame-ancestors ${this.frameAncestors}`);
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
    const mounted = this.mounts.find((m) => req.url?.startsWith(m.prefix));
    if (mounted) return mounted.handler(req, res, new URL(req.url ?? '/', 'http://content.invalid'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return this.refuse(res, new Refusal(405, 'Read-only'));
    }
    const url = new URL(req.url ?? '/', 'http://content.invalid');
    try {
      if (url.pathname === '/launch') return this.launch(url, res);
      const target = this.resolve(req, url);
      await this.serve(req, res, target);
    } catch (error) {
      if (error instanceof Refusal) return this.refuse(res, error);
      throw error;
    }
  }

  /** Exchanges a launch token for a cookie scoped to the version and redirects to the launch page. */
  private launch(url: URL, res: ServerResponse): void {
    const grant = verifyContentToken(this.config.content.tokenSecret, url.searchParams.get('t'));
    if (!grant || grant.kind !== 'launch') throw new Refusal(403, 'This launch link is invalid or has expired; open the activity again');
    const base = `/v/${grant.versionId}/`;
    // Resolved against the version folder, so a launch path can never leave it.
    const target = new URL(grant.path, `http://content.invalid${base}`);
    const location = target.pathname.startsWith(base) ? target.pathname + target.search : base;
    const ttl = this.config.content.sessionTtlSeconds;
    const cookie = signContentToken(this.config.content.tokenSecret, {
      kind: 'package',
      versionId: grant.versionId,
      userId: grant.userId,
      exp: Math.floor(Date.now() / 1000) + ttl,
    });
    res.setHeader('Set-Cookie', `${CONTENT_COOKIE}=${cookie}; Path=${base}; Max-Age=${ttl}; HttpOnly; SameSite=Lax${this.config.content.cookieSecure ? '; Secure' : ''}`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Location', location);
    res.statusCode = 302;
    res.end();
  }

  private resolve(req: IncomingMessage, url: URL): Target {
    const [, area, id, ...rest] = url.pathname.split('/');
    if (area === 'v' && id && UUID.test(id) && rest.length) {
      const grants = cookieValues(req.headers.cookie, CONTENT_COOKIE).map((v) => verifyContentToken(this.config.content.tokenSecret, v));
      if (!grants.some((g) => g?.kind === 'package' && g.versionId === id)) {
        throw new Refusal(403, 'Open this content from the course; its access has expired or was never granted');
      }
      return { key: `packages/${id}/${decodePath(rest)}`, cacheControl: IMMUTABLE_PRIVATE };
    }
    if (area === 'f' && id && UUID.test(id) && rest.length === 1) {
      const grant = verifyContentToken(this.config.content.tokenSecret, url.searchParams.get('t'));
      if (grant?.kind !== 'file' || grant.fileId !== id) throw new Refusal(403, 'This link is invalid or has expired; open the activity again');
      const name = decodePath(rest);
      return { key: `files/${id}/${name}`, cacheControl: IMMUTABLE_PRIVATE, fileName: name };
    }
    if (area === 'c' && id && UUID.test(id) && rest.length === 1) return { key: `covers/${id}/${decodePath(rest)}`, cacheControl: IMMUTABLE_PUBLIC };
    throw new Refusal(404, 'Not found');
  }

  private async serve(req: IncomingMessage, res: ServerResponse, target: Target): Promise<void> {
    const info = await this.storage.head(target.key);
    if (!info) throw new Refusal(404, 'Not found');
    res.setHeader('ETag', info.etag);
    res.setHeader('Cache-Control', target.cacheControl);
    res.setHeader('Accept-Ranges', 'bytes');
    if (etagMatches(req.headers['if-none-match'], info.etag)) {
      res.statusCode = 304;
      return void res.end();
    }
    res.setHeader('Content-Type', info.contentType);
    if (target.fileName) {
      const disposition = INLINE_TYPES.test(info.contentType) ? 'inline' : 'attachment';
      res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(target.fileName)}`);
    }
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== info.etag ? null : parseRange(req.headers.range, info.size);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${info.size}`);
      throw new Refusal(416, 'Range not satisfiable');
    }
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);
    res.setHeader('Content-Length', range ? range.end - range.start + 1 : info.size);
    if (req.method === 'HEAD' || info.size === 0) return void res.end();
    const object = await this.storage.get(target.key, range ?? undefined);
    if (!object) throw new Refusal(404, 'Not found');
    await pipeline(object.body, res).catch((error: NodeJS.ErrnoException) => {
      // The viewer went away (seeking a video does this constantly): not an error of ours.
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    });
  }

  private refuse(res: ServerResponse, refusal: Refusal): void {
    res.statusCode = refusal.status;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.removeHeader('ETag');
    res.removeHeader('Accept-Ranges');
    res.removeHeader('Content-Disposition');
    res.end(`${refusal.message}\n`);
  }
}

/** Every value of a cookie: one per Path the browser holds it for. */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}

/** URL path segments to a storage path; refuses anything that is not a plain relative path. */
function decodePath(segments: string[]): string {
  try {
    const decoded = segments.map((s) => decodeURIComponent(s));
    if (decoded.some((s) => s === '' || s === '.' || s === '..' || /[\\/\u0000-\u001f]/.test(s))) throw new Refusal(404, 'Not found');
    return decoded.join('/');
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(400, 'Malformed path');
  }
}
