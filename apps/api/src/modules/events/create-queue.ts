import type PgBoss from 'pg-boss';

/** Deadlock, unique violation, serialization failure: what two creators of the same queue get. */
const RACE_CODES = new Set(['40P01', '23505', '40001']);

/**
 * `boss.createQueue`, tried again when it lost a race: pg-boss 10 creates a queue (a row and a
 * partition) without a lock, and API processes or servers starting together on a fresh database
 * create the same queues at once and deadlock. The second try finds the queue there.
 */
export async function createQueue(boss: Pick<PgBoss, 'createQueue'>, name: string, options?: PgBoss.Queue, pause = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await boss.createQueue(name, options);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || typeof code !== 'string' || !RACE_CODES.has(code)) throw error;
      await pause(50 * attempt + Math.random() * 100);
    }
  }
}
