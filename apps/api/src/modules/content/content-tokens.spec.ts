import { randomBytes } from 'node:crypto';
import { signContentToken, verifyContentToken } from './content-tokens';

const secret = randomBytes(32);
const VERSION = '7c0e3f55-3a5e-4b8e-9d62-0b7d1f1f8d11';
const USER = '1b0e3f55-3a5e-4b8e-9d62-0b7d1f1f8d22';
const now = 1_800_000_000;

describe('content tokens', () => {
  it('round-trips each kind of grant', () => {
    const grants = [
      { kind: 'launch' as const, versionId: VERSION, userId: USER, path: 'shared/launchpage.html?x=1', exp: now + 60 },
      { kind: 'package' as const, versionId: VERSION, userId: USER, exp: now + 60 },
      { kind: 'file' as const, fileId: VERSION, userId: USER, exp: now + 60 },
    ];
    for (const grant of grants) expect(verifyContentToken(secret, signContentToken(secret, grant), now)).toEqual(grant);
  });

  it('refuses an expired token', () => {
    const token = signContentToken(secret, { kind: 'package', versionId: VERSION, userId: USER, exp: now });
    expect(verifyContentToken(secret, token, now)).toBeNull();
  });

  it('refuses a token signed with another key, or changed after signing', () => {
    const token = signContentToken(secret, { kind: 'package', versionId: VERSION, userId: USER, exp: now + 60 });
    expect(verifyContentToken(randomBytes(32), token, now)).toBeNull();
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'p', i: 'another-version', u: USER, e: now + 60 })).toString('base64url');
    expect(verifyContentToken(secret, `${forged}.${signature}`, now)).toBeNull();
  });

  it.each([[''], ['abc'], ['a.b.c'], [null], ['x'.repeat(5000)]])('refuses the malformed token %p', (token) => {
    expect(verifyContentToken(secret, token as string, now)).toBeNull();
  });
});

describe('attempt tokens', () => {
  const secret = Buffer.from('attempt-test-secret');
  const exp = Math.floor(Date.now() / 1000) + 60;

  it('round-trips and is bound to its attempt', () => {
    const token = signContentToken(secret, { kind: 'attempt', attemptId: 'a1', userId: 'u1', exp });
    expect(verifyContentToken(secret, token)).toEqual({ kind: 'attempt', attemptId: 'a1', userId: 'u1', exp });
    expect(verifyContentToken(Buffer.from('other'), token)).toBeNull();
    expect(verifyContentToken(secret, token, exp + 1)).toBeNull();
  });
});
