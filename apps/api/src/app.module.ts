import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { LogFn, Logger } from 'pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { requestId } from './common/http/request-id';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { CompetencyModule } from './modules/competency/competency.module';
import { ContentModule } from './modules/content/content.module';
import { AuthModule } from './modules/auth/auth.module';
import { CertificatesModule } from './modules/certificates/certificates.module';
import { ClassroomModule } from './modules/classroom/classroom.module';
import { CohortsModule } from './modules/cohorts/cohorts.module';
import { CoursesModule } from './modules/courses/courses.module';
import { DevelopmentLogsModule } from './modules/development-logs/development-logs.module';
import { EnrolmentsModule } from './modules/enrolments/enrolments.module';
import { EventsModule } from './modules/events/events.module';
import { HealthModule } from './modules/health/health.module';
import { JpModule } from './modules/jp/jp.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PositionsModule } from './modules/positions/positions.module';
import { SeedModule } from './modules/seed/seed.module';
import { StorageModule } from './modules/storage/storage.module';
import { TrackingModule } from './modules/tracking/tracking.module';
import { UnitsModule } from './modules/units/units.module';
import { UsersModule } from './modules/users/users.module';

/** Nest's one-line-per-route start-up messages bury the start banner; warnings still pass. */
const CHATTY_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);
function dropStartupChatter(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const first = args[0] as { context?: string } | undefined;
  if (level < 40 && first && typeof first === 'object' && CHATTY_CONTEXTS.has(first.context ?? '')) return;
  method.apply(this, args);
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            hooks: { logMethod: dropStartupChatter },
            // Assigned before the body parser (see bootstrap.ts); reused here so logs and errors agree.
            genReqId: (req, res) => requestId(req, res),
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            transport: config.env.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, config.env.DATABASE_POOL_SIZE, config.migrateOnStart),
          migrationsRun: config.migrateOnStart,
        }),
        HealthModule,
        AuthModule,
        AgenciesModule,
        UnitsModule,
        PositionsModule,
        UsersModule,
        CoursesModule,
        SeedModule,
        EventsModule,
        StorageModule,
        ContentModule,
        CohortsModule,
        EnrolmentsModule,
        JpModule,
        ClassroomModule,
        DevelopmentLogsModule,
        NotificationsModule,
        CertificatesModule,
        TrackingModule,
        CompetencyModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
