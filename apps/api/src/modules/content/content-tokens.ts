import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a content token grants on the content origin. Tokens are HMAC-signed (key derived from
 * JWT_SECRET, see AppConfig.content) and self-contained, so the content origin needs no database
 * and works the same behind any number of processes.
 * - `launch`: in the launch URL the API hands out; the content origin exchanges it for a `package`
 *   cookie and redirects to `path` inside the version.
 * - `package`: the cookie value, limited by its Path to `/v/<versionId>/` and checked against it.
 * - `file`: in the query of a file or video URL (`<video>` cannot send a cookie it never received).
 * - `attempt`: the SCORM launcher's only credential on `/rt/<attemptId>/...` (modules/tracking):
 *   reads and writes that one attempt; no cookie, so `sendBeacon` works and the portal session is
 *   never involved.
 */
export type ContentGrant =
  | { kind: 'launch'; versionId: string; userId: string; path: string; exp: number }
  | { kind: 'package'; versionId: string; userId: string; exp: number }
  | { kind: 'file'; fileId: string; userId: string; exp: number }
  | { kind: 'attempt'; attemptId: string; userId: string; exp: number };

type Wire = { k: 'l' | 'p' | 'f' | 'a'; i: string; u: string; e: number; p?: string };

const KINDS = { launch: 'l', package: 'p', file: 'f', attempt: 'a' } as const;

const mac = (secret: Buffer, body: string) => createHmac('sha256', secret).update(`asah-content.${body}`).digest();

/** `exp` is in seconds since the epoch. */
export function signContentToken(secret: Buffer, grant: ContentGrant): string {
  const wire: Wire = {
    k: KINDS[grant.kind],
    i: grant.kind === 'file' ? grant.fileId : grant.kind === 'attempt' ? grant.attemptId : grant.versionId,
    u: grant.userId,
    e: grant.exp,
    ...(grant.kind === 'launch' ? { p: grant.path } : {}),
  };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The grant, or `null` when the token is malformed, forged or expired. */
export function verifyContentToken(secret: Buffer, token: string | undefined | null, nowSeconds = Date.now() / 1000): ContentGrant | null {
  if (!token || token.length > 4096) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let wire: Wire;
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof wire.e !== 'number' || wire.e <= nowSeconds || typeof wire.i !== 'string' || typeof wire.u !== 'string') return null;
  if (wire.k === 'l' && typeof wire.p === 'string') return { kind: 'launch', versionId: wire.i, userId: wire.u, path: wire.p, exp: wire.e };
  if (wire.k === 'p') return { kind: 'package', versionId: wire.i, userId: wire.u, exp: wire.e };
  if (wire.k === 'f') return { kind: 'file', fileId: wire.i, userId: wire.u, exp: wire.e };
  if (wire.k === 'a') return { kind: 'attempt', attemptId: wire.i, userId: wire.u, exp: wire.e };
  return null;
}
