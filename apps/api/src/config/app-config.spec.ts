import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAppConfig, dataDirOf } from './app-config';
import { parseEnv } from './config.schema';

const SECRET = { JWT_SECRET: 's'.repeat(32) };
const build = (env: NodeJS.ProcessEnv) => buildAppConfig(parseEnv({ ...SECRET, ...env }), 'postgres://x/y', false);

describe('dataDirOf', () => {
  it('takes a relative DATA_DIR from the repository root, not the working directory', () => {
    const dir = dataDirOf({ DATA_DIR: '.data' });
    // The root is where turbo.json is; `npm start` runs the API from apps/api.
    expect(existsSync(join(dir, '..', 'turbo.json'))).toBe(true);
    expect(dir).not.toContain(join('apps', 'api'));
    expect(dataDirOf({ DATA_DIR: '/srv/asah' })).toBe('/srv/asah');
  });
});

describe('buildAppConfig', () => {
  it('allows the local portal origins when no public URL is set', () => {
    expect(build({ NODE_ENV: 'test', PORT: '4000' }).allowedOrigins).toEqual(['http://localhost:4000', 'http://127.0.0.1:4000']);
  });

  it('adds the Vite dev servers in development only', () => {
    expect(build({}).allowedOrigins).toEqual(expect.arrayContaining(['http://localhost:5173', 'http://localhost:5174']));
    expect(build({ NODE_ENV: 'test' }).allowedOrigins).not.toContain('http://localhost:5173');
  });

  it('behind a public URL allows that origin plus the extra ones, and uses secure cookies for https', () => {
    const config = build({ NODE_ENV: 'test', PUBLIC_URL: 'https://asah.semarangkota.go.id/', ALLOWED_ORIGINS: 'https://admin.asah.id, ,https://x.id/path' });
    expect(config.allowedOrigins).toEqual(['https://asah.semarangkota.go.id', 'https://admin.asah.id', 'https://x.id']);
    expect(config.cookieSecure).toBe(true);
  });

  it('lets COOKIE_SECURE override what the URL suggests', () => {
    expect(build({ NODE_ENV: 'test', PUBLIC_URL: 'https://asah.id', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(build({ NODE_ENV: 'test' }).cookieSecure).toBe(false);
  });
});
