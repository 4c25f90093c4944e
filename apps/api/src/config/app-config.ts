import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Env } from './config.schema';

/** Typed, derived configuration the rest of the API receives through the APP_CONFIG token. */
export interface AppConfig {
  env: Env;
  isProduction: boolean;
  dataDir: string;
  databaseUrl: string;
  embeddedDatabase: boolean;
  jwtSecret: string;
  allowedOrigins: string[];
  cookieSecure: boolean;
  portals: { learnerDir: string; adminDir: string };
  /** Apply pending migrations at start (off only in tests, whose databases are cloned migrated). */
  migrateOnStart: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Outside production a missing JWT_SECRET is generated once and kept under DATA_DIR, so sessions
 * survive restarts of the embedded run without asking a newcomer to configure anything.
 */
function devSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The repository (or image) root: src/config and dist/config both sit four levels below it. */
const ROOT_DIR = resolve(__dirname, '../../../..');

export function buildAppConfig(env: Env, databaseUrl: string, embeddedDatabase: boolean): AppConfig {
  // Relative to the root, not the working directory, so `npm start` and a workspace script agree.
  const dataDir = resolve(ROOT_DIR, env.DATA_DIR);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const origins = new Set<string>([new URL(publicUrl).origin]);
  if (!env.PUBLIC_URL) origins.add(`http://127.0.0.1:${env.PORT}`);
  if (env.NODE_ENV === 'development') {
    // The Vite dev servers of `npm run dev` proxy /api here and keep their own Origin.
    origins.add('http://localhost:5173');
    origins.add('http://localhost:5174');
  }
  for (const o of env.ALLOWED_ORIGINS?.split(',') ?? []) if (o.trim()) origins.add(new URL(o.trim()).origin);
  const appsDir = resolve(__dirname, '../../..');
  return {
    env,
    isProduction: env.NODE_ENV === 'production',
    dataDir,
    databaseUrl,
    embeddedDatabase,
    jwtSecret: env.JWT_SECRET ?? devSecret(dataDir),
    allowedOrigins: [...origins],
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    portals: { learnerDir: resolve(appsDir, 'learner/dist'), adminDir: resolve(appsDir, 'admin/dist') },
    migrateOnStart: true,
  };
}
