import PgBoss from 'pg-boss';
import { createQueue } from '../src/modules/events/create-queue';
import { createTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * API processes (or servers) starting together on a fresh database create the same pg-boss queues at
 * once; plain `boss.createQueue` deadlocks there (3 of 4 creators failed with 40P01 in every try by
 * hand). createQueue() must let all of them start.
 */
describe('job queues created by several processes at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[platform] four pg-boss instances on a fresh schema all create the same five queues', async () => {
    const url = (t.db.options as { url: string }).url;
    for (let round = 0; round < 2; round += 1) {
      await t.db.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
      const bosses = Array.from({ length: 4 }, () => new PgBoss({ connectionString: url, schema: 'pgboss', max: 2 }));
      try {
        const results = await Promise.allSettled(
          bosses.map(async (boss) => {
            boss.on('error', () => undefined);
            await boss.start();
            for (const name of ['a', 'b', 'c', 'd', 'e']) await createQueue(boss, name, { name });
          }),
        );
        expect(results.map((r) => (r.status === 'fulfilled' ? 'ok' : String((r.reason as { code?: string }).code ?? r.reason)))).toEqual(['ok', 'ok', 'ok', 'ok']);
        const queues: { name: string }[] = await t.db.query(`SELECT name FROM pgboss.queue WHERE name NOT LIKE '\_\_pgboss%' ORDER BY name`);
        expect(queues.map((q) => q.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
      } finally {
        await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, wait: true }).catch(() => undefined)));
      }
    }
  });
});
