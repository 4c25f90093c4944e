import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { API_PREFIX } from '@asah/contracts/api-paths';
import type { TApiError } from '@asah/contracts/errors';
import { AppModule } from './app.module';
import { fixBareNullables } from './common/http/openapi-nullable';
import { fastLane } from './common/http/fast-lane';
import { requestId } from './common/http/request-id';
import { AppConfig } from './config/app-config';
import { SessionsService } from './modules/auth/sessions.service';
import { DemoSeeder } from './modules/seed/demo-seeder';
import { learningFastRoutes } from './modules/tracking/learning.fast-routes';
import { ProgressService } from './modules/tracking/progress.service';

/** Builds the whole application (without listening), shared by main.ts and the integration tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    requestId(req, res);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': config.cookieSecure ? [] : null,
          // The portals frame packages, show covers and play videos from the content origin.
          'frame-src': ["'self'", config.content.origin],
          'img-src': ["'self'", 'data:', config.content.origin],
          'media-src': ["'self'", config.content.origin],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(fastLane(learningFastRoutes(app.get(ProgressService)), app.get(SessionsService), config.allowedOrigins));
  app.use(express.json({ limit: config.env.BODY_LIMIT }), bodyParserErrors);
  app.setGlobalPrefix(API_PREFIX.slice(1));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Asah API')
      .setDescription('Competency development for ASN. Cookie session; unsafe methods need the `x-asah-client: 1` header.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX.slice(1)}/docs`, app, cleanupOpenApiDoc(fixBareNullables(document)), {
    jsonDocumentUrl: `${API_PREFIX.slice(1)}/docs/openapi.json`,
  });

  servePortal(app, '/admin', config.portals.adminDir);
  servePortal(app, '/', config.portals.learnerDir);
  return app;
}

/**
 * Nest turns body-parser failures into generic 400s; answering them here gives the client the
 * precise code (malformed JSON vs too large) in the one error shape.
 */
function bodyParserErrors(err: { type?: string } | undefined, req: Request, res: Response, next: NextFunction): void {
  if (err?.type === 'entity.parse.failed') {
    res.status(400).json({ statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', requestId: requestId(req, res) } satisfies TApiError);
  } else if (err?.type === 'entity.too.large') {
    res.status(413).json({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large', requestId: requestId(req, res) } satisfies TApiError);
  } else next(err);
}

/**
 * Serves a built portal with history-API fallback to its index.html. Hashed assets are cached
 * forever; index.html never, so a deploy is picked up on the next load.
 */
function servePortal(app: NestExpressApplication, base: string, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const isApi = (url: string) => url === API_PREFIX || url.startsWith(`${API_PREFIX}/`);
  app.use(base, (req: Request, res: Response, next: NextFunction) => {
    if (isApi(req.originalUrl) || (base === '/' && req.originalUrl.startsWith('/admin'))) return next();
    assets(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (req.path.startsWith('/assets/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}

/** Seeds the demo on an empty database (SEED_DEMO=false turns it off). */
export async function seedDemo(app: INestApplication, config: AppConfig): Promise<boolean> {
  if (!config.env.SEED_DEMO) return false;
  return app.get(DemoSeeder).seedIfEmpty();
}
