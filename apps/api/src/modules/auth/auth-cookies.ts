import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ACCESS_COOKIE, REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '../../common/auth/cookies';
import type { IssuedTokens } from './sessions.service';

/** Tokens live only in httpOnly, SameSite=Strict cookies: page scripts (and SCORM content) never see them. */
@Injectable()
export class AuthCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  set(res: Response, tokens: IssuedTokens): void {
    const base = this.base();
    res.cookie(ACCESS_COOKIE, tokens.accessToken, { ...base, path: '/api', maxAge: this.config.env.ACCESS_TOKEN_TTL_SECONDS * 1000 });
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, { ...base, path: REFRESH_COOKIE_PATH, maxAge: this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000 });
  }

  clear(res: Response): void {
    const base = this.base();
    res.clearCookie(ACCESS_COOKIE, { ...base, path: '/api' });
    res.clearCookie(REFRESH_COOKIE, { ...base, path: REFRESH_COOKIE_PATH });
  }

  private base(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure };
  }
}
