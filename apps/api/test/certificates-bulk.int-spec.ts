import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { buildAppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/config.schema';
import { BulkIssueService } from '../src/modules/certificates/bulk.service';
import { configOf } from './support/content';
import { aTemplate } from './support/certificates';
import { expectApiError } from './support/http';
import { createTestApp, portalAgent, TestApp } from './support/test-app';
import { AgencyCast, PASSWORD, aCohort, aCourse, aUser, aWorld, anEnrolment } from './factories/builders';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

describe('bulk certificate issuing', () => {
  let t: TestApp;
  let semarang: AgencyCast;
  let ambon: AgencyCast;

  beforeAll(async () => {
    t = await createTestApp();
    ({ semarang, ambon } = await aWorld(t.db));
  }, 120_000);
  afterAll(() => t?.close());

  it('reports every person of a NIP list, issues once, and a second run changes nothing', async () => {
    const admin = await t.signIn(semarang.admin.email, PASSWORD);
    const templateId = await aTemplate(admin);
    const { course } = await aCourse(t.db).in(semarang.agency).published().create();
    const done = await aUser(t.db).in(semarang.agency).create();
    const notDone = await aUser(t.db).in(semarang.agency).create();
    await anEnrolment(t.db).of(done).in(course).status('completed').create();
    const res = await admin.post(`/api/courses/${course.id}/certificates/bulk`).send({
      by: 'nips',
      nips: [done.nip, notDone.nip, done.nip, '123', ambon.learner.nip],
      onlyCompleted: true,
      templateId,
    });
    expect(res.status).toBe(202);
    // Invalid, unknown, repeated and not-completed people are settled when the job is created.
    expect(res.body).toMatchObject({ status: 'queued', total: 5, processed: 4 });

    // Jobs are off in tests: run it as the worker would, twice.
    await t.app.get(BulkIssueService).run(res.body.id);
    await t.app.get(BulkIssueService).run(res.body.id);
    const job = (await admin.get(`/api/certificate-jobs/${res.body.id}`)).body;
    expect(job).toMatchObject({ status: 'completed', total: 5, processed: 5, counts: { issued: 1, duplicate: 1, invalid_nip: 1, unknown_nip: 1, not_completed: 1, already_issued: 0 } });
    const items = (await admin.get(`/api/certificate-jobs/${res.body.id}/items`)).body.items;
    expect(items.map((i: { outcome: string }) => i.outcome)).toEqual(['issued', 'not_completed', 'duplicate', 'invalid_nip', 'unknown_nip']);
    expect(items[0].certificateNumber).toMatch(/^SERT\//);
    expect(await t.db.query(`SELECT user_id FROM certificates WHERE course_id = $1`, [course.id])).toEqual([{ user_id: done.id }]);

    // Another agency's admin cannot start or read it.
    const other = await t.signIn(ambon.admin.email, PASSWORD);
    expectApiError(await other.get(`/api/certificate-jobs/${res.body.id}`), 404, 'NOT_FOUND');
    expectApiError(await other.post(`/api/courses/${course.id}/certificates/bulk`).send({ by: 'users', userIds: [done.id], templateId }), 404, 'NOT_FOUND');
  }, 120_000);

  it('survives an API restart in the middle: no duplicates, no gaps', async () => {
    // Two API processes in turn on one database, with the pg-boss workers on.
    const first = await createTestApp({ JOBS_ENABLED: 'true' });
    const db = first.db;
    const config = configOf(first.app);
    const { semarang: s } = await aWorld(db);
    const admin = await first.signIn(s.admin.email, PASSWORD);
    const templateId = await aTemplate(admin);
    const { course } = await aCourse(db).in(s.agency).published().create();
    const cohort = await aCohort(db, course).create();
    const learners = [];
    for (let i = 0; i < 240; i++) learners.push(await aUser(db).in(s.agency).create());
    for (const l of learners) await anEnrolment(db).of(l).inCohort(cohort).status('completed').create();

    const started = await admin.post(`/api/courses/${course.id}/certificates/bulk`).send({ by: 'cohort', cohortId: cohort.id, templateId });
    expect(started.status).toBe(202);
    const jobId = started.body.id;
    const progress = () => admin.get(`/api/certificate-jobs/${jobId}`).then((r) => r.body);
    await until('the first batch', progress, (j) => j.processed >= 100);
    // Stop the API while the job runs: shutdown lets the current batch finish and stops there.
    await first.app.close();
    const [{ n: issuedBefore }] = await db_query(config.databaseUrl, `SELECT count(*)::int AS n FROM certificates WHERE course_id = '${course.id}'`);
    expect(issuedBefore).toBeGreaterThanOrEqual(100);
    expect(issuedBefore).toBeLessThan(240);

    // Start again: the job resumes by itself.
    const second = await startApp(config.databaseUrl, config.dataDir);
    try {
      const agent = portalAgent(second);
      await agent.post('/api/auth/login').send({ identifier: s.admin.email, password: PASSWORD }).expect(200);
      const job = await until('the job to complete', () => agent.get(`/api/certificate-jobs/${jobId}`).then((r) => r.body), (j) => j.status === 'completed');
      expect(job).toMatchObject({ total: 240, processed: 240, counts: { issued: 240, already_issued: 0, failed: 0 } });
      const second_db = second.get(DataSource);
      const rows: { user_id: string; number: string; pdf_key: string | null }[] = await second_db.query(`SELECT user_id, number, pdf_key FROM certificates WHERE course_id = $1 ORDER BY number`, [course.id]);
      expect(rows).toHaveLength(240);
      expect(new Set(rows.map((r) => r.user_id)).size).toBe(240);
      expect(rows.map((r) => Number(r.number.split('/').pop()))).toEqual(rows.map((_, i) => i + 1));
      expect(rows.filter((r) => !r.pdf_key)).toEqual([]);
    } finally {
      await second.close();
      await first.close().catch(() => undefined);
    }
  }, 600_000);
});

async function db_query(url: string, sql: string): Promise<{ n: number }[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** A second API process on an existing test database (what a restart is). */
async function startApp(databaseUrl: string, dataDir: string): Promise<INestApplication> {
  const config = buildAppConfig(
    parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: dataDir, DATABASE_POOL_SIZE: '4', JOBS_ENABLED: 'true' }),
    databaseUrl,
    false,
  );
  config.migrateOnStart = false;
  const app = await createApp(config);
  await app.init();
  return app;
}
