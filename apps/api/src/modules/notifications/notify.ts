import { EntityManager } from 'typeorm';
import type { TNotificationData, TNotificationType } from '@asah/contracts/notifications';

export interface Recipient {
  userId: string;
  data: TNotificationData;
  /** Set for reminders: the same key for the same user is notified once. */
  dedupeKey?: string;
}

/**
 * Notifies inside the caller's transaction, so a notification exists exactly when the change it
 * reports was committed. Email follows from the outbox (MailOutbox). Returns how many were new.
 */
export async function notify(manager: EntityManager, type: TNotificationType, recipients: Recipient[]): Promise<number> {
  if (!recipients.length) return 0;
  const result: { id: string }[] = await manager.query(
    `INSERT INTO notifications (user_id, type, data, dedupe_key)
     SELECT r.user_id, $1, r.data, r.dedupe_key FROM unnest($2::uuid[], $3::jsonb[], $4::text[]) AS r(user_id, data, dedupe_key)
     ON CONFLICT DO NOTHING RETURNING id`,
    [type, recipients.map((r) => r.userId), recipients.map((r) => JSON.stringify(r.data)), recipients.map((r) => r.dedupeKey ?? null)],
  );
  return result.length;
}

/**
 * Who is told that `learnerId` waits for a decision: the heads of their unit and of the units above
 * it; when none is set, the agency's active admins. Never the learner themself.
 */
export async function approversOf(manager: EntityManager, learnerId: string): Promise<string[]> {
  const heads: { id: string }[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT k.id, k.parent_id, k.head_user_id FROM units k JOIN users u ON u.unit_id = k.id WHERE u.id = $1
       UNION ALL SELECT k.id, k.parent_id, k.head_user_id FROM units k JOIN up ON k.id = up.parent_id
     ) SELECT DISTINCT h.id FROM up JOIN users h ON h.id = up.head_user_id WHERE h.active AND h.id <> $1`,
    [learnerId],
  );
  if (heads.length) return heads.map((h) => h.id);
  const admins: { id: string }[] = await manager.query(
    `SELECT a.id FROM users a JOIN users l ON l.agency_id = a.agency_id WHERE l.id = $1 AND a.active AND 'agency_admin' = ANY(a.roles) AND a.id <> $1`,
    [learnerId],
  );
  return admins.map((a) => a.id);
}
