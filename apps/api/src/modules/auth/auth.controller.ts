import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZChangePasswordRequest, ZLoginRequest, ZMe } from '@asah/contracts/auth';
import { AnyRole, CurrentActor, Public } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { REFRESH_COOKIE } from '../../common/auth/cookies';
import { DomainError } from '../../common/errors/domain-error';
import { AuthCookies } from './auth-cookies';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

class LoginDto extends createZodDto(ZLoginRequest) {}
class ChangePasswordDto extends createZodDto(ZChangePasswordRequest) {}
class MeDto extends createZodDto(ZMe) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly cookies: AuthCookies,
  ) {}

  @Public()
  @Post('login')
  @ZodResponse({ status: 200, type: MeDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { tokens, me } = await this.auth.login(body, { ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] });
    this.cookies.set(res, tokens);
    return me;
  }

  @Public()
  @Post('refresh')
  @HttpCode(204)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = req.cookies?.[REFRESH_COOKIE];
    if (!token) throw new DomainError('SESSION_EXPIRED', 'No session to refresh; sign in again');
    try {
      this.cookies.set(res, await this.sessions.rotate(token));
    } catch (error) {
      this.cookies.clear(res);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = req.cookies?.[REFRESH_COOKIE];
    if (token) await this.sessions.revokeByRefreshToken(token);
    this.cookies.clear(res);
  }

  @AnyRole()
  @Get('me')
  @ZodResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.userId);
  }

  @AnyRole()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor.userId, actor.sessionId, body);
  }
}
