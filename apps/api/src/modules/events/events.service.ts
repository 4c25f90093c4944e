import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EVENTS_CHANNEL, EventHandler, EventType, StoredEvent } from './events';
import { JobQueueService } from './job-queue.service';

export const EVENTS_QUEUE = 'domain-events';
/** A handler failing this many times is left alone (visible in event_deliveries) until someone looks. */
export const MAX_ATTEMPTS = 10;
const BATCH = 200;

interface Subscription {
  name: string;
  type: EventType;
  handler: EventHandler<EventType>;
}

/**
 * Delivers durable domain events (written with `emitEvent` inside the transaction of the change) to
 * subscribers. Other modules call `subscribe` in their constructor or onModuleInit, e.g.
 * `events.subscribe('competency.evidence', 'course.completed', async (event, tx) => { ... })`.
 * Handlers must be idempotent in what they do outside the database; database writes through the
 * given manager commit exactly once.
 *
 * Draining: a pg-boss worker (queue `domain-events`, stately: at most one queued run) triggered by
 * PostgreSQL NOTIFY on commit and, as a safety net, every minute. With jobs off (tests) nothing
 * drains by itself: call `drain()`, which is deterministic.
 */
@Injectable()
export class EventsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Events');
  private readonly subscriptions: Subscription[] = [];
  private listener: Client | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueueService,
  ) {}

  subscribe<T extends EventType>(name: string, type: T, handler: EventHandler<T>): void {
    if (this.subscriptions.some((s) => s.name === name && s.type === type)) throw new Error(`Subscriber ${name} already subscribed to ${type}`);
    this.subscriptions.push({ name, type, handler: handler as unknown as EventHandler<EventType> });
  }

  onModuleInit(): void {
    this.queue.define({ name: EVENTS_QUEUE, policy: 'stately', cron: '* * * * *', retryLimit: 1, handler: async () => void (await this.drain()) });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.enabled) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'asah-events' });
    client.on('error', (error) => this.logger.warn({ err: error }, 'events listener lost its connection; the minute poll still drains'));
    client.on('notification', () => {
      this.queue.send(EVENTS_QUEUE, {}).catch((error) => this.logger.warn({ err: error }, 'could not queue an events drain'));
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.listener = client;
    // Events committed while no process was running.
    await this.queue.send(EVENTS_QUEUE, {});
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Delivers every pending event to every subscriber; returns how many deliveries succeeded. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (const sub of this.subscriptions) {
      const tried: string[] = [];
      for (;;) {
        const rows: { id: string; type: EventType; payload: never; occurred_at: Date }[] = await this.db.query(
          `SELECT e.id, e.type, e.payload, e.occurred_at FROM domain_events e
           WHERE e.type = $1 AND NOT (e.id = ANY($3::uuid[]))
             AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id AND d.subscriber = $2 AND (d.status = 'done' OR d.attempts >= $4))
           ORDER BY e.occurred_at, e.id LIMIT ${BATCH}`,
          [sub.type, sub.name, tried, MAX_ATTEMPTS],
        );
        for (const row of rows) {
          tried.push(row.id);
          if (await this.deliver(sub, { id: row.id, type: row.type, payload: row.payload, occurredAt: row.occurred_at })) delivered += 1;
        }
        if (rows.length < BATCH) break;
      }
    }
    return delivered;
  }

  private async deliver(sub: Subscription, event: StoredEvent): Promise<boolean> {
    try {
      return await this.db.transaction(async (tx) => {
        // The claim: a concurrent drainer blocks on this row and then finds it done.
        const claimed = await tx.query(
          `INSERT INTO event_deliveries (event_id, subscriber, status, attempts) VALUES ($1, $2, 'done', 1)
           ON CONFLICT (event_id, subscriber) DO UPDATE SET status = 'done', attempts = event_deliveries.attempts + 1, last_error = NULL, processed_at = now()
           WHERE event_deliveries.status <> 'done' RETURNING event_id`,
          [event.id, sub.name],
        );
        if (!claimed.length) return false;
        await sub.handler(event, tx);
        return true;
      });
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, subscriber: sub.name }, 'event handler failed; retried at the next drain');
      await this.db.query(
        `INSERT INTO event_deliveries (event_id, subscriber, status, attempts, last_error) VALUES ($1, $2, 'failed', 1, $3)
         ON CONFLICT (event_id, subscriber) DO UPDATE SET status = 'failed', attempts = event_deliveries.attempts + 1, last_error = $3, processed_at = now()
         WHERE event_deliveries.status <> 'done'`,
        [event.id, sub.name, String((error as Error)?.message ?? error).slice(0, 2000)],
      );
      return false;
    }
  }
}
