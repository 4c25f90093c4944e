import { EntityManager } from 'typeorm';

/** Event types other modules subscribe to, with their payloads. */
export interface EventPayloads {
  /** An enrolment became `completed` (EnrolmentsService.creditCourseCompletion, once per enrolment). */
  'course.completed': { enrolmentId: string; userId: string; courseId: string; cohortId: string | null; completedAt: string };
}
export type EventType = keyof EventPayloads;

export interface StoredEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  payload: EventPayloads[T];
  occurredAt: Date;
}

/**
 * A subscriber's handler. It runs inside the transaction that records the delivery, with that
 * transaction's manager: its writes and the "done" mark commit together, so each event is handled
 * once per subscriber. A throw rolls both back; the event is retried at the next drain.
 */
export type EventHandler<T extends EventType> = (event: StoredEvent<T>, manager: EntityManager) => Promise<void>;

/** NOTIFY channel: PostgreSQL delivers it on commit, so listeners wake up exactly when an event is visible. */
export const EVENTS_CHANNEL = 'asah_domain_events';

/**
 * Writes an event in the caller's transaction (the outbox pattern): the event exists exactly when
 * the change it reports was committed. The same `dedupeKey` is stored once.
 */
export async function emitEvent<T extends EventType>(manager: EntityManager, type: T, payload: EventPayloads[T], dedupeKey?: string): Promise<void> {
  await manager.query(`INSERT INTO domain_events (type, payload, dedupe_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [type, JSON.stringify(payload), dedupeKey ?? null]);
  await manager.query(`SELECT pg_notify($1, $2)`, [EVENTS_CHANNEL, type]);
}
