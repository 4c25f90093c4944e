import { INestApplication } from '@nestjs/common';
import request, { Response } from 'supertest';
import type { TErrorCode } from '@asah/contracts/errors';
import { CLIENT_HEADER } from '@asah/contracts/api-paths';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../../src/common/auth/cookies';

export interface SetCookie {
  value: string;
  /** Attribute names lower-cased (`path`, `samesite`, `httponly`...); flags have the value `true`. */
  attributes: Record<string, string | true>;
}

/** The cookies a response sets, by name. */
export function setCookies(res: Response): Record<string, SetCookie> {
  const header = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  return Object.fromEntries(
    header.map((line) => {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const attributes = Object.fromEntries(
        attrs.map((a) => {
          const i = a.indexOf('=');
          return i < 0 ? [a.toLowerCase(), true] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
        }),
      );
      return [pair.slice(0, eq), { value: decodeURIComponent(pair.slice(eq + 1)), attributes }];
    }),
  );
}

/** The access and refresh tokens a sign-in or refresh response handed out. */
export function sessionTokens(res: Response): { access: string; refresh: string } {
  const cookies = setCookies(res);
  const access = cookies[ACCESS_COOKIE]?.value;
  const refresh = cookies[REFRESH_COOKIE]?.value;
  if (!access || !refresh) throw new Error(`expected both session cookies, got ${Object.keys(cookies).join(', ') || 'none'}`);
  return { access, refresh };
}

/**
 * A portal-like client that presents exactly the given tokens (no cookie jar), to replay a token
 * captured earlier: a stolen refresh token, an access token from before logout.
 */
export function withTokens(app: INestApplication, tokens: { access?: string; refresh?: string }) {
  const cookie = [
    tokens.access ? `${ACCESS_COOKIE}=${tokens.access}` : '',
    tokens.refresh ? `${REFRESH_COOKIE}=${tokens.refresh}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const server = app.getHttpServer();
  return {
    get: (url: string) => request(server).get(url).set(CLIENT_HEADER, '1').set('Cookie', cookie),
    post: (url: string) => request(server).post(url).set(CLIENT_HEADER, '1').set('Cookie', cookie),
  };
}

/** Asserts the one API error shape and, when given, the field a detail names. */
export function expectApiError(res: Response, status: number, code: TErrorCode, field?: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.body).toMatchObject({ statusCode: status, code, message: expect.any(String), requestId: expect.any(String) });
  if (field !== undefined) expect(fieldsOf(res)).toContain(field);
}

/** The fields named by a validation error's details. */
export function fieldsOf(res: Response): string[] {
  return Array.isArray(res.body?.details) ? res.body.details.map((d: { field: string }) => d.field) : [];
}

/** The detail for one field, to check its code. */
export function detailFor(res: Response, field: string): { field: string; code: string; message: string } | undefined {
  return Array.isArray(res.body?.details) ? res.body.details.find((d: { field: string }) => d.field === field) : undefined;
}
