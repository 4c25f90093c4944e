import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gunzip } from 'node:zlib';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { lookup } from 'mime-types';
import { ATTEMPT_TOKEN_HEADER, ATTEMPT_TOKEN_PARAM, ZSequencingStateRequest, type TCommitAck } from '@asah/contracts/tracking';
import { generalCommitError } from '@asah/scorm/cmi-validate';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CONTENT_COOKIE, ContentOrigin } from '../content/content-origin';
import { signContentToken, verifyContentToken, type ContentGrant } from '../content/content-tokens';
import { RuntimeRefusal, RuntimeService, type AttemptMeta } from './runtime.service';

/** packages/launcher/dist, built by the launcher workspace (src and dist of the API sit at the same depth). */
export const LAUNCHER_DIST = resolve(__dirname, '../../../../../packages/launcher/dist');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class BadBody {
  constructor(
    readonly status: number,
    readonly message: string,
  ) {}
}

/**
 * The SCORM runtime on the content origin, mounted at `/rt/` of ContentOrigin:
 *   GET  /rt/_launcher/<file>                        launcher assets (public, immutable)
 *   GET  /rt/<attemptId>/?t=                         the launcher page (+ the version's package cookie)
 *   GET  /rt/<attemptId>/state?t=                    TRuntimeState (a new session)
 *   POST /rt/<attemptId>/sco/<id>/commit?t=[&terminate=true]   a commit → TCommitAck
 *   PUT  /rt/<attemptId>/sequencing?t=               sequencing state (POST too, for beacons)
 *   POST /rt/<attemptId>/sco/<id>/launched?t=        an item was launched (assets complete)
 * The attempt token (`?t=` or the x-attempt-token header) is the only credential: cookies are never
 * read here, so the portal session can neither be used nor be needed (sendBeacon works). No CORS
 * header is ever sent: only pages of the content origin itself (the launcher) can read answers.
 */
@Injectable()
export class RuntimeRoutes implements OnModuleInit {
  private readonly logger = new Logger('ScormRuntimeHttp');
  private readonly frameAncestors: string;
  private readonly grants = new Map<string, ContentGrant>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly origin: ContentOrigin,
    private readonly runtime: RuntimeService,
  ) {
    // The launcher page may be framed by the portals only (it frames the SCOs itself).
    this.frameAncestors = config.allowedOrigins.join(' ') || "'none'";
  }

  onModuleInit(): void {
    this.origin.mount('/rt/', (req, res, url) => this.handle(req, res, url));
  }

  /** For tests without a port. */
  readonly handler = (req: IncomingMessage, res: ServerResponse) => this.origin.handler(req, res);

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const parts = url.pathname.split('/').slice(2);
    try {
      if (parts[0] === '_launcher') return await this.asset(req, res, parts.slice(1));
      const [attemptId, area, identifier, action, ...rest] = parts;
      if (!attemptId || !UUID.test(attemptId)) return this.text(res, 404, 'Not found');
      const meta = await this.authorise(req, url, attemptId);
      if (!meta) return this.json(res, 403, { result: false, errorCode: 101, errorMessage: 'This attempt link is invalid or has expired; open the activity again from the course' });
      const token = this.tokenOf(req, url)!;
      const method = req.method ?? 'GET';
      if (area === '' || area === undefined) {
        if (method !== 'GET' && method !== 'HEAD') return this.methodNotAllowed(res, 'GET, HEAD');
        return await this.page(req, res, meta);
      }
      if (area === 'state' && identifier === undefined) {
        if (method !== 'GET') return this.methodNotAllowed(res, 'GET');
        return this.json(res, 200, await this.runtime.state(meta, token));
      }
      if (area === 'sequencing' && identifier === undefined) {
        if (method !== 'PUT' && method !== 'POST') return this.methodNotAllowed(res, 'PUT, POST');
        const parsed = ZSequencingStateRequest.safeParse(await this.body(req));
        if (!parsed.success) return this.json(res, 400, { result: false, errorCode: 391, errorMessage: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        return this.json(res, 200, await this.runtime.saveSequencing(meta, parsed.data));
      }
      if (area === 'sco' && identifier && rest.length === 0 && (action === 'commit' || action === 'launched')) {
        if (method !== 'POST' && method !== 'PUT') return this.methodNotAllowed(res, 'POST');
        const sco = decodeURIComponent(identifier);
        if (action === 'launched') return this.json(res, 200, await this.runtime.launched(meta, sco));
        const body = await this.body(req).catch((error: unknown) => {
          if (error instanceof BadBody) throw new RuntimeRefusal(error.status, error.message, generalCommitError(meta.standard));
          throw error;
        });
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return this.json(res, 400, { result: false, errorCode: generalCommitError(meta.standard), errorMessage: 'The commit must be a JSON object' });
        }
        const ack = await this.runtime.commit(meta, sco, body as Record<string, unknown>, url.searchParams.get('terminate') === 'true');
        return this.json(res, 200, ack);
      }
      return this.text(res, 404, 'Not found');
    } catch (error) {
      if (error instanceof RuntimeRefusal) return this.json(res, error.status, { result: false, errorCode: error.errorCode, errorMessage: error.message });
      if (error instanceof BadBody) return this.json(res, error.status, { result: false, errorCode: 101, errorMessage: error.message });
      // The browser went away mid-request (page closed, network cut): nothing to answer, nothing stored.
      if (req.destroyed || (error as NodeJS.ErrnoException)?.code === 'ECONNRESET') return void res.destroy();
      // Database down, pool exhausted...: 503, so scorm-again keeps the commit and retries; never a 500.
      this.logger.error({ err: error, url: url.pathname }, 'runtime request failed');
      if (!res.headersSent) return this.json(res, 503, { result: false, errorCode: 101, errorMessage: 'The server could not store this now; it will be retried' });
      res.destroy();
    }
  }

  private tokenOf(req: IncomingMessage, url: URL): string | null {
    const header = req.headers[ATTEMPT_TOKEN_HEADER];
    return url.searchParams.get(ATTEMPT_TOKEN_PARAM) ?? (typeof header === 'string' ? header : null);
  }

  /** The attempt the token grants, when it is this one. */
  private async authorise(req: IncomingMessage, url: URL, attemptId: string): Promise<AttemptMeta | null> {
    const grant = this.verified(this.tokenOf(req, url));
    if (grant?.kind !== 'attempt' || grant.attemptId !== attemptId || grant.exp <= Date.now() / 1000) return null;
    const meta = await this.runtime.meta(attemptId);
    return meta && meta.userId === grant.userId ? meta : null;
  }

  /**
   * A launcher sends the same token with every commit of a session: its HMAC is checked once per
   * process and remembered (keyed by the whole token, so only that exact string hits; the expiry is
   * checked on every request by the caller).
   */
  private verified(token: string | null): ContentGrant | null {
    if (!token) return null;
    const known = this.grants.get(token);
    if (known) return known;
    const grant = verifyContentToken(this.config.content.tokenSecret, token);
    if (grant) {
      if (this.grants.size >= 50_000) this.grants.clear();
      this.grants.set(token, grant);
    }
    return grant;
  }

  /** The launcher page, with the version's package cookie so the SCO frames it opens can load. */
  private async page(req: IncomingMessage, res: ServerResponse, meta: AttemptMeta): Promise<void> {
    const file = resolve(LAUNCHER_DIST, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info) return this.text(res, 503, 'The SCORM launcher is not built yet (packages/launcher/dist is missing); run `npx turbo run build --filter=@asah/launcher`.');
    const ttl = this.config.content.sessionTtlSeconds;
    const cookie = signContentToken(this.config.content.tokenSecret, { kind: 'package', versionId: meta.versionId, userId: meta.userId, exp: Math.floor(Date.now() / 1000) + ttl });
    res.setHeader(
      'Set-Cookie',
      `${CONTENT_COOKIE}=${cookie}; Path=/v/${meta.versionId}/; Max-Age=${ttl}; HttpOnly; SameSite=Lax${this.config.content.cookieSecure ? '; Secure' : ''}`,
    );
    res.setHeader('Content-Security-Policy', `frame-ancestors ${this.frameAncestors}`);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', info.size);
    res.statusCode = 200;
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res);
  }

  private async asset(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.methodNotAllowed(res, 'GET, HEAD');
    if (!parts.length || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) return this.text(res, 404, 'Not found');
    const file = resolve(LAUNCHER_DIST, ...parts.map((p) => decodeURIComponent(p)));
    if (!file.startsWith(LAUNCHER_DIST + sep)) return this.text(res, 404, 'Not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      const built = await stat(LAUNCHER_DIST).catch(() => null);
      return built ? this.text(res, 404, 'Not found') : this.text(res, 503, 'The SCORM launcher is not built yet (packages/launcher/dist is missing).');
    }
    // Vite names assets by content hash; index.html is never served from here.
    res.setHeader('Cache-Control', parts[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('Content-Type', lookup(extname(file)) || 'application/octet-stream');
    res.setHeader('Content-Length', info.size);
    res.statusCode = 200;
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res);
  }

  /**
   * JSON (application/json or the beacon's text/plain), at most RUNTIME_COMMIT_MAX_BYTES, both as sent
   * and, for a gzip body (`content-encoding: gzip`, the launcher's sequencing saves), unpacked: a
   * small body cannot unpack into a huge one. Any other content-encoding is refused.
   */
  private async body(req: IncomingMessage): Promise<unknown> {
    const max = this.config.runtime.commitMaxBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) throw new BadBody(413, `The body is over ${max} bytes`);
    const raw = await readBody(req, max);
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') throw new BadBody(415, `Content-Encoding ${encoding} is not accepted (gzip or none)`);
    const text = (encoding === 'gzip' ? await gunzipWithin(raw, max) : raw).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      throw new BadBody(400, 'The body is not JSON');
    }
  }

  private json(res: ServerResponse, status: number, body: TCommitAck | object): void {
    const text = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  }

  private text(res: ServerResponse, status: number, message: string): void {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`${message}\n`);
  }

  private methodNotAllowed(res: ServerResponse, allow: string): void {
    res.setHeader('Allow', allow);
    this.text(res, 405, 'Method not allowed');
  }
}

/**
 * The request body, at most `max` bytes (BadBody 413 beyond; the rest is not kept). Listeners, not
 * `for await`: this runs on every commit and the async iterator costs more than the rest of the read.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > max) return fail(new BadBody(413, `The body is over ${max} bytes`));
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    req.on('error', fail);
    // The browser went away before the end (page closed, network cut): nothing to store.
    req.on('close', () => {
      if (!settled) fail(Object.assign(new Error('The request was aborted'), { code: 'ECONNRESET' }));
    });
  });
}

/** Unpacks a gzip body into at most `max` bytes; a corrupt or oversized one is a clear 400 / 413. */
function gunzipWithin(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, { maxOutputLength: max }, (error, result) => {
      if (!error) return resolve(result);
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return reject(new BadBody(413, `The body is over ${max} bytes once unpacked`));
      reject(new BadBody(400, `The body is not valid gzip (${error.message})`));
    });
  });
}
