import { z } from 'zod';
import { DEFAULT_JP_TARGETS } from '@asah/competency/jp-ledger';

const isHttpOrigin = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** JP per year, or `none` (no target / no cap); the defaults are the regulation's (@asah/competency). */
const jpLimit = (regulation: number | null) =>
  z
    .union([z.literal('none'), z.coerce.number().min(0).max(9999.99)], { message: 'a number of JP (e.g. 20 or 24.5) or none' })
    .default(regulation ?? 'none')
    .transform((v) => (v === 'none' ? null : v));

/**
 * Every environment variable the API reads, with the defaults of the embedded run.
 * docs/configuration.md documents each one; keep the two in step.
 */
export const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Public base URL of the portals, e.g. https://asah.semarangkota.go.id. Used for Origin checks and links. */
    // Only http(s): `localhost:3000` parses as a URL of scheme "localhost:" whose origin is "null",
    // which would let sandboxed and file:// pages pass the Origin check.
    PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL, e.g. https://asah.example.go.id' }).optional(),
    /** Extra origins allowed to call the API with cookies (comma-separated), e.g. the Vite dev servers. */
    ALLOWED_ORIGINS: z
      .string()
      .refine((list) => list.split(',').every((o) => !o.trim() || isHttpOrigin(o.trim())), {
        message: 'ALLOWED_ORIGINS is a comma-separated list of http(s) origins, e.g. http://localhost:5173',
      })
      .optional(),
    DATABASE_URL: z.string().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** API processes on this machine (node:cluster shares PORT and CONTENT_PORT); each has its own pool. */
    API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    DATA_DIR: z.string().default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    COOKIE_SECURE: bool.optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(10).default(900),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'BODY_LIMIT looks like 1mb or 512kb').default('1mb'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.optional(),
    SEED_DEMO: bool.default(true),
    /** Trust X-Forwarded-* from this many proxies (a load balancer in front counts as one). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),

    // Course content: storage, the content origin, package limits (docs/configuration.md).
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    S3_BUCKET: z.string().optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'S3_ENDPOINT must be an http(s) URL, e.g. https://s3.example.go.id' }).optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.optional(),
    /** Key prefix inside the bucket, so one bucket can hold several deployments. */
    S3_PREFIX: z.string().regex(/^([\w.-]+\/)*$/, 'S3_PREFIX is empty or folders ending in /, e.g. asah/').default(''),
    /** Port of the content origin listener; defaults to PORT + 1. */
    CONTENT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Address browsers use for the content origin, e.g. https://konten.asah.example.go.id. */
    CONTENT_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'CONTENT_PUBLIC_URL must be an http(s) URL, e.g. https://konten.asah.example.go.id' }).optional(),
    /** How long a package launch link may wait before it is opened. */
    CONTENT_LAUNCH_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    /** How long a launched package, or a file or video link, stays readable. */
    CONTENT_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
    /** Longest SCORM 1.2 suspend_data accepted (characters); 1.2 says 4096, authoring tools write more. 2004 keeps its 64000. */
    SCORM12_SUSPEND_DATA_MAX_CHARS: z.coerce.number().int().min(4096).max(16 * 1024 * 1024).default(64 * 1024),
    /** Largest runtime commit body (bytes) the content origin reads. */
    RUNTIME_COMMIT_MAX_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(2 * 1024 * 1024),
    /** How long a runtime commit may wait for others to share its database write (group commit); 0 = never waits. */
    RUNTIME_COMMIT_LINGER_MS: z.coerce.number().min(0).max(100).default(15),
    /** How long an attempt token (the launcher's only credential) works after launch. */
    ATTEMPT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(7 * 24 * 3600).default(12 * 3600),
    PACKAGE_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
    PACKAGE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    PACKAGE_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
    PACKAGE_MAX_RATIO: z.coerce.number().min(2).max(100_000).default(100),
    /** Largest file or video of a file/video activity. */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),

    // Platform defaults of the yearly JP target and cap per employment type; agencies may set their own.
    JP_TARGET_PNS: jpLimit(DEFAULT_JP_TARGETS.PNS.target),
    JP_CAP_PNS: jpLimit(DEFAULT_JP_TARGETS.PNS.cap),
    JP_TARGET_PPPK: jpLimit(DEFAULT_JP_TARGETS.PPPK.target),
    JP_CAP_PPPK: jpLimit(DEFAULT_JP_TARGETS.PPPK.cap),

    // Notifications and scheduled jobs (pg-boss, in PostgreSQL).
    /** smtp(s)://user:pass@host:port; without it emails are written to the log instead. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'SMTP_URL looks like smtp://user:password@mail.example.go.id:587' }).optional(),
    MAIL_FROM: z.string().min(3).default('Asah <no-reply@asah.local>'),
    /** Run scheduled jobs (reminders, email outbox) in this process; default on, off in tests. */
    JOBS_ENABLED: bool.optional(),

    // Certificates: encryption of the agencies' signing keys, public verification limits.
    /** Encrypts the agencies' Ed25519 private keys at rest (AES-256-GCM, key = SHA-256 of this). Generated under DATA_DIR outside production. */
    CREDENTIAL_KEY_SECRET: z.string().min(32, 'CREDENTIAL_KEY_SECRET must be at least 32 characters').optional(),
    /** Public verification calls (page and credential check) per client address per minute. */
    VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_SECRET is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.CREDENTIAL_KEY_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['CREDENTIAL_KEY_SECRET'], message: 'CREDENTIAL_KEY_SECRET is required in production (it encrypts the certificate signing keys)' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL is required in production' });
    }
    if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'S3_BUCKET is required when STORAGE_DRIVER is s3' });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['S3_SECRET_ACCESS_KEY'], message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
    }
    const contentPort = env.CONTENT_PORT ?? env.PORT + 1;
    if (contentPort === env.PORT || contentPort > 65535) {
      ctx.addIssue({ code: 'custom', path: ['CONTENT_PORT'], message: 'CONTENT_PORT must be a port other than PORT (default PORT + 1)' });
    }
  });

export type Env = z.infer<typeof ZEnv>;

export class ConfigError extends Error {}

/** Reads the environment once at boot; a bad value stops the process with the variable's name. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
