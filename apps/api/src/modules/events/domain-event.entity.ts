import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A durable domain event (an outbox row), written in the SAME transaction as the change it reports,
 * so it exists exactly when the change was committed. Subscribers read it afterwards (EventsService.drain).
 * `dedupe_key` makes emitting the same fact twice (e.g. a completion retried) store it once.
 */
@Entity('domain_events')
@Index('ix_domain_events_type_occurred', ['type', 'occurredAt'])
@Index('uq_domain_events_dedupe', ['dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class DomainEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}

/**
 * One subscriber's handling of one event. The handler runs in the transaction that marks the row
 * `done`, so its database effects and the mark commit together: each subscriber sees each event
 * once (a failed attempt rolls back and is retried at the next drain; attempts and the error are kept).
 */
@Entity('event_deliveries')
@Check('ck_event_deliveries_status', "status IN ('done', 'failed')")
@Index('ix_event_deliveries_pending', ['subscriber'], { where: "status <> 'done'" })
export class EventDelivery {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'pk_event_deliveries' })
  eventId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_event_deliveries' })
  subscriber: string;

  @Column({ type: 'text' })
  status: 'done' | 'failed';

  @Column({ type: 'integer', default: 1 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
