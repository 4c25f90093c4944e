import { ConfigError, parseEnv } from './config.schema';

const messageOf = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseEnv', () => {
  it('runs with nothing set: the embedded defaults', () => {
    expect(parseEnv({})).toMatchObject({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 3000,
      DATA_DIR: '.data',
      EMBEDDED_PG_PORT: 54329,
      DATABASE_POOL_SIZE: 10,
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_DAYS: 30,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      BODY_LIMIT: '1mb',
      LOG_LEVEL: 'info',
      SEED_DEMO: true,
      TRUST_PROXY: 0,
    });
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset, as docker-compose passes them', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads numbers and booleans from text', () => {
    expect(parseEnv({ PORT: '8080', SEED_DEMO: 'false', COOKIE_SECURE: '1', LOG_PRETTY: '0' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      COOKIE_SECURE: true,
      LOG_PRETTY: false,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SEED_DEMO', 'yes'],
    ['BODY_LIMIT', '10 megabytes'],
    ['JWT_SECRET', 'too-short'],
    ['PUBLIC_URL', 'asah.go.id'],
    ['PUBLIC_URL', 'localhost:3000'],
    ['ALLOWED_ORIGINS', 'localhost:5173'],
    ['ALLOWED_ORIGINS', 'http://localhost:5173,asah.go.id'],
    ['LOG_LEVEL', 'verbose'],
  ])('names %s when it is %p', (name, value) => {
    expect(messageOf({ [name]: value })).toContain(name);
  });

  it('accepts a list of http(s) origins, blanks between commas included', () => {
    expect(parseEnv({ ALLOWED_ORIGINS: 'http://localhost:5173, ,https://admin.asah.id' }).ALLOWED_ORIGINS).toBeDefined();
  });

  it('names every bad variable at once', () => {
    const message = messageOf({ PORT: 'abc', LOGIN_MAX_FAILURES: '0' });
    expect(message).toContain('PORT');
    expect(message).toContain('LOGIN_MAX_FAILURES');
  });

  it('requires JWT_SECRET and DATABASE_URL in production', () => {
    const message = messageOf({ NODE_ENV: 'production' });
    expect(message).toMatch(/JWT_SECRET: JWT_SECRET is required in production/);
    expect(message).toMatch(/DATABASE_URL: DATABASE_URL is required in production/);
    expect(message).toMatch(/CREDENTIAL_KEY_SECRET: CREDENTIAL_KEY_SECRET is required in production/);
  });

  it('starts in production when the secrets and the database are given', () => {
    const env = parseEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://asah@db/asah', CREDENTIAL_KEY_SECRET: 'k'.repeat(32) });
    expect(env).toMatchObject({ NODE_ENV: 'production', DATABASE_URL: 'postgres://asah@db/asah' });
  });
});

describe('JP defaults', () => {
  it('default to 20 JP minimum for PNS and a 24 JP cap for PPPK', () => {
    expect(parseEnv({})).toMatchObject({ JP_TARGET_PNS: 20, JP_CAP_PNS: null, JP_TARGET_PPPK: null, JP_CAP_PPPK: 24 });
  });

  it('take a number of JP or none', () => {
    expect(parseEnv({ JP_TARGET_PNS: '90', JP_CAP_PPPK: 'none', JP_TARGET_PPPK: '12.5' })).toMatchObject({ JP_TARGET_PNS: 90, JP_CAP_PPPK: null, JP_TARGET_PPPK: 12.5 });
  });

  it('name the variable when the value is neither', () => {
    expect(messageOf({ JP_CAP_PPPK: 'dua puluh' })).toMatch(/JP_CAP_PPPK: a number of JP/);
    expect(messageOf({ JP_TARGET_PNS: '-1' })).toMatch(/JP_TARGET_PNS/);
  });
});

describe('notifications', () => {
  it('send email only with an smtp(s) SMTP_URL, and name the variable otherwise', () => {
    expect(parseEnv({})).toMatchObject({ MAIL_FROM: 'Asah <no-reply@asah.local>' });
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({ SMTP_URL: 'smtp://asah:rahasia@mail.semarangkota.go.id:587' }).SMTP_URL).toBe('smtp://asah:rahasia@mail.semarangkota.go.id:587');
    expect(messageOf({ SMTP_URL: 'http://mail.example.go.id' })).toMatch(/SMTP_URL: SMTP_URL looks like smtp:\/\//);
  });
});
