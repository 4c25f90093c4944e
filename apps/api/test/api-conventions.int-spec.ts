import request from 'supertest';
import { ZApiError } from '@asah/contracts/errors';
import { PASSWORD, aWorld } from './factories/builders';
import { expectApiError } from './support/http';
import { controllerRoutes } from './support/routes';
import { createTestApp, TestApp } from './support/test-app';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT: '1kb' });
  });
  afterAll(() => t.close());

  describe('errors', () => {
    it('[client] sending broken JSON gets 400 MALFORMED_JSON, never a 500', async () => {
      const res = await t.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send('{"identifier": "x", ');
      expectApiError(res, 400, 'MALFORMED_JSON');
    });

    it('[client] sending a body over BODY_LIMIT gets 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await t.anonymous().post('/api/auth/login').send({ identifier: 'x'.repeat(2048), password: 'y' });
      expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('[client] calling an unknown route under /api gets a JSON 404', async () => {
      const res = await t.anonymous().get('/api/does-not-exist');
      expectApiError(res, 404, 'NOT_FOUND');
      expect(res.headers['content-type']).toMatch(/application\/json/);
    });

    it('[client] every kind of error has the one shape with a request id', async () => {
      const { semarang } = await aWorld(t.db);
      const learner = await t.signIn(semarang.learner.email, PASSWORD);
      const admin = await t.signIn(semarang.admin.email, PASSWORD);
      const responses = await Promise.all([
        t.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send('{'),
        t.anonymous().get('/api/auth/me'),
        learner.get('/api/users'),
        admin.get('/api/users/7b0d4b4e-0000-4000-8000-000000000000'),
        admin.get('/api/users/not-a-uuid'),
        admin.post('/api/units').send({ code: 'bad code!', name: '' }),
        t.anonymous().get('/api/nowhere'),
      ]);
      expect(responses.map((r) => r.status)).toEqual([400, 401, 403, 404, 400, 400, 404]);
      for (const res of responses) {
        expect(ZApiError.safeParse(res.body).success).toBe(true);
        expect(res.body.requestId).toEqual(expect.any(String));
        expect(res.body.requestId).toBe(res.headers['x-request-id']);
      }
    });

    it('[load balancer] sending x-request-id gets it echoed in the header and the error body', async () => {
      const res = await t.anonymous().get('/api/auth/me').set('x-request-id', 'lb-42.abc');
      expect(res.headers['x-request-id']).toBe('lb-42.abc');
      expect(res.body.requestId).toBe('lb-42.abc');
      const ok = await t.anonymous().get('/api/health').set('x-request-id', 'lb-43');
      expect(ok.headers['x-request-id']).toBe('lb-43');
    });

    it('[client] sending a malformed x-request-id gets a fresh one instead', async () => {
      const res = await t.anonymous().get('/api/health').set('x-request-id', 'bad id with spaces');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('health', () => {
    it('[load balancer] GET /api/health answers 200 with the database up', async () => {
      const res = await t.anonymous().get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up', latencyMs: expect.any(Number) }, version: expect.any(String) });
    });

    it('[load balancer] gets 503 while the database does not answer', async () => {
      const query = jest.spyOn(t.db, 'query').mockRejectedValueOnce(new Error('connection refused'));
      try {
        const res = await t.anonymous().get('/api/health');
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ status: 'degraded', database: { status: 'down', latencyMs: null } });
      } finally {
        query.mockRestore();
      }
    });
  });

  describe('documentation', () => {
    const VALID_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'];

    /** Every `type` keyword of the schemas below `node`, with where it is. */
    function typesIn(node: unknown, path = '#'): { path: string; type: unknown }[] {
      if (!node || typeof node !== 'object') return [];
      const type = (node as { type?: unknown }).type;
      // A property *named* "type" (positions have one) holds a schema object, not a type name.
      const here = type !== undefined && (typeof type !== 'object' || Array.isArray(type)) ? [{ path, type }] : [];
      return [...here, ...Object.entries(node).flatMap(([k, v]) => typesIn(v, `${path}/${k}`))];
    }

    it('[integrator] reads an OpenAPI 3 document listing every route with its request schema', async () => {
      const res = await t.anonymous().get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      const doc = res.body;
      expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });

      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(documented.sort()).toEqual(controllerRoutes(t.app).map((r) => r.key).sort());

      const resolve = (ref: string) => ref.split('/').slice(1).reduce((o, k) => o[k], doc);
      const bodySchema = (path: string, method: string) => {
        const schema = doc.paths[path][method].requestBody.content['application/json'].schema;
        return schema.$ref ? resolve(schema.$ref) : schema;
      };
      expect(bodySchema('/api/auth/login', 'post')).toMatchObject({ type: 'object', required: expect.arrayContaining(['identifier', 'password']) });
      const createUser = bodySchema('/api/users', 'post');
      expect(createUser.required).toEqual(expect.arrayContaining(['name', 'email']));
      expect(createUser.properties.nip).toMatchObject({ type: 'string', nullable: true });
      expect(createUser.properties.roles).toMatchObject({ type: 'array' });
      expect(doc.paths['/api/users/import'].post.requestBody.content).toHaveProperty('multipart/form-data');
      expect(doc.paths['/api/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['q', 'page', 'pageSize', 'unitId', 'includeSubunits', 'status', 'sort']),
      );

      // OpenAPI 3.0 allows one type name per schema; a list (or a nullable field turned into an
      // array) would mislead every generated client.
      expect(typesIn(doc.components).filter(({ type }) => !VALID_TYPES.includes(type as string))).toEqual([]);
      for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>)) {
        if (schema.properties && 'nip' in schema.properties) expect({ name, nip: schema.properties.nip }).toMatchObject({ name, nip: { type: 'string' } });
      }
    });

    it('[integrator] opens the interactive documentation at /api/docs', async () => {
      const res = await request(t.app.getHttpServer()).get('/api/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('swagger');
    });
  });
});
