import { buildAppConfig } from './app-config';
import { ConfigError, parseEnv } from './config.schema';

const SECRET = { JWT_SECRET: 's'.repeat(32), NODE_ENV: 'test' };
const build = (env: NodeJS.ProcessEnv) => buildAppConfig(parseEnv({ ...SECRET, ...env }), 'postgres://x/y', false);
const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('content configuration', () => {
  it('runs with nothing set: local storage under DATA_DIR, content origin on PORT + 1', () => {
    const config = build({ PORT: '4000', DATA_DIR: '/srv/asah' });
    expect(config.storage).toEqual({ driver: 'local', root: '/srv/asah/content' });
    expect(config.uploadTmpDir).toBe('/srv/asah/tmp');
    expect(config.content).toMatchObject({ port: 4001, publicUrl: 'http://localhost:4001', origin: 'http://localhost:4001', launchTtlSeconds: 120, sessionTtlSeconds: 28800, cookieSecure: false });
    expect(config.packageLimits).toEqual({ maxBytes: 1024 ** 3, maxEntries: 10_000, maxUncompressedBytes: 2 * 1024 ** 3, maxRatio: 100 });
  });

  it('derives the content token key from JWT_SECRET, different from it and stable', () => {
    const a = build({});
    expect(a.content.tokenSecret.equals(build({}).content.tokenSecret)).toBe(true);
    expect(a.content.tokenSecret.toString('utf8')).not.toContain(SECRET.JWT_SECRET);
    expect(build({ JWT_SECRET: 't'.repeat(32) }).content.tokenSecret.equals(a.content.tokenSecret)).toBe(false);
  });

  it('uses the configured content address, trailing slash dropped, https making its cookie secure', () => {
    const config = build({ PUBLIC_URL: 'https://asah.semarangkota.go.id', CONTENT_PUBLIC_URL: 'https://konten.asah.semarangkota.go.id/' });
    expect(config.content).toMatchObject({ publicUrl: 'https://konten.asah.semarangkota.go.id', origin: 'https://konten.asah.semarangkota.go.id', cookieSecure: true });
  });

  it('refuses a content address that is also a portal origin: package scripts could call the API', () => {
    expect(messageOf(() => build({ PUBLIC_URL: 'https://asah.id', CONTENT_PUBLIC_URL: 'https://asah.id/content' }))).toContain('CONTENT_PUBLIC_URL');
    expect(messageOf(() => build({ ALLOWED_ORIGINS: 'http://localhost:3001' }))).toContain('CONTENT_PUBLIC_URL');
  });

  it('refuses CONTENT_PORT equal to PORT', () => {
    expect(messageOf(() => parseEnv({ PORT: '3000', CONTENT_PORT: '3000' }))).toContain('CONTENT_PORT');
  });

  it('needs a bucket for the s3 driver, and both halves of a key pair', () => {
    expect(messageOf(() => parseEnv({ STORAGE_DRIVER: 's3' }))).toContain('S3_BUCKET');
    expect(messageOf(() => parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' }))).toContain('S3_SECRET_ACCESS_KEY');
    expect(messageOf(() => parseEnv({ STORAGE_DRIVER: 'gcs' }))).toContain('STORAGE_DRIVER');
    expect(messageOf(() => parseEnv({ S3_ENDPOINT: 'minio:9000' }))).toContain('S3_ENDPOINT');
  });

  it('configures s3 with path-style addressing for a custom endpoint', () => {
    const config = build({ STORAGE_DRIVER: 's3', S3_BUCKET: 'asah', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_PREFIX: 'prod/' });
    expect(config.storage).toEqual({
      driver: 's3',
      bucket: 'asah',
      prefix: 'prod/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    });
    expect(messageOf(() => parseEnv({ S3_PREFIX: '/abs' }))).toContain('S3_PREFIX');
  });
});
