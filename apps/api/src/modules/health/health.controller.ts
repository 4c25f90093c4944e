import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { THealth, ZHealth } from '@asah/contracts/health';
import { Public } from '../../common/auth/access.decorators';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

class HealthDto extends createZodDto(ZHealth) {}

const VERSION = process.env.npm_package_version ?? '0.0.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** For load balancers: 200 when the database answers, 503 otherwise. */
  @Public()
  @Get()
  @ZodResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) res: Response): Promise<THealth> {
    const started = performance.now();
    let up = true;
    try {
      await this.db.query('SELECT 1');
    } catch {
      up = false;
    }
    const latencyMs = up ? Math.round((performance.now() - started) * 10) / 10 : null;
    if (!up) res.status(503);
    return {
      status: up ? 'ok' : 'degraded',
      database: { status: up ? 'up' : 'down', embedded: this.config.embeddedDatabase, latencyMs },
      version: VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
