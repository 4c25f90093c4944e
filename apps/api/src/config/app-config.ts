import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, Env } from './config.schema';

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
  content: ContentConfig;
  storage: StorageConfig;
  /** Uploads are streamed here first (same disk as local storage, so a rename is cheap). */
  uploadTmpDir: string;
  packageLimits: { maxBytes: number; maxEntries: number; maxUncompressedBytes: number; maxRatio: number };
  uploadMaxBytes: number;
  /** SCORM runtime on the content origin (`/rt/...`, modules/tracking). */
  runtime: { scorm12SuspendDataMax: number; commitMaxBytes: number; commitLingerMs: number; attemptTokenTtlSeconds: number };
  certificates: CertificatesConfig;
}

/** Certificates: where verification links point, the key that seals signing keys, public limits. */
export interface CertificatesConfig {
  /** Learner portal base URL without trailing slash (PUBLIC_URL): QR codes point at `<it>/verify/<code>`, credential ids at `<it>/api/...`. */
  publicUrl: string;
  /** AES-256-GCM key for the agencies' private keys: SHA-256 of CREDENTIAL_KEY_SECRET. */
  keySecret: Buffer;
  verifyRatePerMinute: number;
}

/** The content origin: a second listener serving package files, videos and covers (docs/architecture.md). */
export interface ContentConfig {
  port: number;
  /** Base URL browsers use, without trailing slash. */
  publicUrl: string;
  origin: string;
  /** HMAC key of launch and content tokens, derived from JWT_SECRET so there is one secret to manage. */
  tokenSecret: Buffer;
  launchTtlSeconds: number;
  sessionTtlSeconds: number;
  cookieSecure: boolean;
}

export type StorageConfig =
  | { driver: 'local'; root: string }
  | {
      driver: 's3';
      bucket: string;
      prefix: string;
      endpoint?: string;
      region: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
    };


export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Outside production a missing JWT_SECRET is generated once and kept under DATA_DIR, so sessions
 * survive restarts of the embedded run without asking a newcomer to configure anything.
 */
function devSecret(dataDir: string, name = 'jwt-secret'): string {
  const file = resolve(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The repository (or image) root: src/config and dist/config both sit four levels below it. */
const ROOT_DIR = resolve(__dirname, '../../../..');

/** DATA_DIR as an absolute path: relative to the root, not the working directory, so `npm start` and a workspace script agree. */
export function dataDirOf(env: Pick<Env, 'DATA_DIR'>): string {
  return resolve(ROOT_DIR, env.DATA_DIR);
}

export function buildAppConfig(env: Env, databaseUrl: string, embeddedDatabase: boolean): AppConfig {
  const dataDir = dataDirOf(env);
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
  const jwtSecret = env.JWT_SECRET ?? devSecret(dataDir);
  const content = contentConfig(env, jwtSecret, origins);
  return {
    env,
    isProduction: env.NODE_ENV === 'production',
    dataDir,
    databaseUrl,
    embeddedDatabase,
    jwtSecret,
    allowedOrigins: [...origins],
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    portals: { learnerDir: resolve(appsDir, 'learner/dist'), adminDir: resolve(appsDir, 'admin/dist') },
    migrateOnStart: true,
    content,
    storage: storageConfig(env, dataDir),
    uploadTmpDir: resolve(dataDir, 'tmp'),
    packageLimits: {
      maxBytes: env.PACKAGE_MAX_BYTES,
      maxEntries: env.PACKAGE_MAX_ENTRIES,
      maxUncompressedBytes: env.PACKAGE_MAX_UNCOMPRESSED_BYTES,
      maxRatio: env.PACKAGE_MAX_RATIO,
    },
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    runtime: {
      scorm12SuspendDataMax: env.SCORM12_SUSPEND_DATA_MAX_CHARS,
      commitMaxBytes: env.RUNTIME_COMMIT_MAX_BYTES,
      commitLingerMs: env.RUNTIME_COMMIT_LINGER_MS,
      attemptTokenTtlSeconds: env.ATTEMPT_TOKEN_TTL_SECONDS,
    },
    certificates: {
      publicUrl: publicUrl.replace(/\/+$/, ''),
      keySecret: createHash('sha256').update(env.CREDENTIAL_KEY_SECRET ?? devSecret(dataDir, 'credential-key-secret')).digest(),
      verifyRatePerMinute: env.VERIFY_RATE_LIMIT_PER_MINUTE,
    },
  };
}

function contentConfig(env: Env, jwtSecret: string, portalOrigins: Set<string>): ContentConfig {
  const port = env.CONTENT_PORT ?? env.PORT + 1;
  const publicUrl = (env.CONTENT_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const origin = new URL(publicUrl).origin;
  // Package JavaScript runs on this origin: if it were a portal origin, it could call the API as the viewer.
  if (portalOrigins.has(origin)) {
    throw new ConfigError(`Invalid configuration:\n  CONTENT_PUBLIC_URL: ${origin} is also a portal origin; content must be served from its own origin`);
  }
  return {
    port,
    publicUrl,
    origin,
    tokenSecret: createHmac('sha256', jwtSecret).update('asah content tokens v1').digest(),
    launchTtlSeconds: env.CONTENT_LAUNCH_TTL_SECONDS,
    sessionTtlSeconds: env.CONTENT_SESSION_TTL_SECONDS,
    cookieSecure: env.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
  };
}

function storageConfig(env: Env, dataDir: string): StorageConfig {
  if (env.STORAGE_DRIVER === 'local') return { driver: 'local', root: resolve(dataDir, 'content') };
  return {
    driver: 's3',
    bucket: env.S3_BUCKET!,
    prefix: env.S3_PREFIX,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    credentials: env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! } : undefined,
  };
}
