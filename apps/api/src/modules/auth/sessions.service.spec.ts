import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { SessionsService } from './sessions.service';

describe('SessionsService.verifyAccessToken', () => {
  const jwt = new JwtService({ secret: 'a-test-secret-of-some-length-0123456789' });
  // Only the token check is under test: it touches neither the database nor the config.
  const sessions = new SessionsService({} as DataSource, jwt, {} as AppConfig);
  const sign = (claims: object, expiresIn: number) => jwt.signAsync(claims, { expiresIn, algorithm: 'HS256' });

  afterEach(() => jest.restoreAllMocks());

  it('accepts a valid token again from memory, and refuses it once expired', async () => {
    const token = await sign({ sub: 'u1', sid: 's1' }, 60);
    await expect(sessions.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'u1', sid: 's1' });
    await expect(sessions.verifyAccessToken(token)).resolves.toMatchObject({ sub: 'u1', sid: 's1' });
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(sessions.verifyAccessToken(token)).resolves.toBeNull();
  });

  it('refuses a token with another signature even after the genuine one was remembered', async () => {
    const token = await sign({ sub: 'u1', sid: 's1' }, 60);
    await sessions.verifyAccessToken(token);
    const [header, payload] = token.split('.');
    await expect(sessions.verifyAccessToken(`${header}.${payload}.AAAA`)).resolves.toBeNull();
    const other = await new JwtService({ secret: 'another-secret-another-secret-0123456789' }).signAsync({ sub: 'u1', sid: 's1' }, { expiresIn: 60 });
    await expect(sessions.verifyAccessToken(other)).resolves.toBeNull();
  });

  it('refuses a token without a session id', async () => {
    await expect(sessions.verifyAccessToken(await sign({ sub: 'u1' }, 60))).resolves.toBeNull();
  });
});
