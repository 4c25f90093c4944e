import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailOutbox } from './mail-outbox';
import { RemindersService } from './reminders.service';
import { createQueue } from '../events/create-queue';

/** Queue names; each has a cron schedule. */
export const JOBS = { daily: 'daily-reminders', mail: 'mail-outbox' } as const;

/**
 * Scheduled jobs in PostgreSQL with pg-boss 10 (its own schema `pgboss`): safe with several API
 * processes, as each cron tick becomes one job that one worker takes. Off with JOBS_ENABLED=false
 * (and by default in tests).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersService,
    private readonly mail: MailOutbox,
  ) {}

  get enabled(): boolean {
    return this.config.env.JOBS_ENABLED ?? this.config.env.NODE_ENV !== 'test';
  }

  /** The running pg-boss instance (null when jobs are off), e.g. to send a job by hand. */
  get queue(): PgBoss | null {
    return this.boss;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const boss = new PgBoss({ connectionString: this.config.databaseUrl, schema: 'pgboss', max: 2, application_name: 'asah-jobs' });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    await createQueue(boss, JOBS.daily);
    await createQueue(boss, JOBS.mail);
    await boss.schedule(JOBS.daily, '0 7 * * *', {}, { tz: JP_TIME_ZONE });
    await boss.schedule(JOBS.mail, '* * * * *', {});
    await boss.work(JOBS.daily, async () => {
      await this.reminders.runDaily();
    });
    await boss.work(JOBS.mail, async () => {
      await this.mail.flush();
    });
    this.boss = boss;
    this.logger.log('Scheduled jobs started: daily reminders at 07:00 WIB, email outbox every minute');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = null;
  }
}
