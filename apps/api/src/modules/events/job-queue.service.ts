import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { createQueue } from './create-queue';

export interface QueueDefinition {
  name: string;
  /** Called with each job's data; a throw fails the job (pg-boss retries it when `retryLimit` allows). */
  handler: (data: Record<string, unknown>) => Promise<void>;
  /** Cron (UTC) on which an empty job is sent, e.g. a safety-net poll. */
  cron?: string;
  policy?: PgBoss.QueuePolicy;
  retryLimit?: number;
  /** Called once the queue is running (e.g. to resume work left by a stopped process). */
  onStart?: () => Promise<void>;
}

/**
 * Background work of the events and certificates features, on pg-boss 10 in PostgreSQL (schema
 * `pgboss`, shared with the scheduled jobs). Modules `define` their queues during init; the boss
 * starts at bootstrap when jobs are enabled (JOBS_ENABLED; off by default in tests, which call the
 * services' run methods directly so they stay deterministic). `stopping` tells long handlers to
 * stop between units of work at shutdown; what is left is resumed by the next start.
 */
@Injectable()
export class JobQueueService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private readonly queues: QueueDefinition[] = [];
  private boss: PgBoss | null = null;
  private stoppingFlag = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.env.JOBS_ENABLED ?? this.config.env.NODE_ENV !== 'test';
  }

  get stopping(): boolean {
    return this.stoppingFlag;
  }

  define(queue: QueueDefinition): void {
    this.queues.push(queue);
  }

  /** Sends a job; false when jobs are off (the caller then relies on a direct run or the next start). */
  async send(name: string, data: Record<string, unknown>, options: PgBoss.SendOptions = {}): Promise<boolean> {
    if (!this.boss || this.stoppingFlag) return false;
    await this.boss.send(name, data, options);
    return true;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const boss = new PgBoss({ connectionString: this.config.databaseUrl, schema: 'pgboss', max: 3, application_name: 'asah-queues' });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    for (const q of this.queues) {
      await createQueue(boss, q.name, { name: q.name, policy: q.policy ?? 'standard', retryLimit: q.retryLimit ?? 3, retryDelay: 5 });
      if (q.cron) await boss.schedule(q.name, q.cron, {});
      await boss.work<Record<string, unknown>>(q.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await q.handler(job.data ?? {});
      });
    }
    this.boss = boss;
    for (const q of this.queues) await q.onStart?.();
  }

  beforeApplicationShutdown(): void {
    this.stoppingFlag = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 15_000, wait: true });
    this.boss = null;
  }
}
