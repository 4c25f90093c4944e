import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TNotification, TNotificationData, TNotificationPage, TNotificationQuery, TNotificationType } from '@asah/contracts/notifications';
import { Actor } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { notify, Recipient } from './notify';

interface Row {
  id: string;
  type: TNotificationType;
  data: TNotificationData;
  read_at: Date | null;
  created_at: Date;
}

/** The bell: a user's own notifications, newest first; and `notify` for features outside this module (certificates). */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** For other features: notifies inside their transaction (or on its own). */
  notify(type: TNotificationType, recipients: Recipient[], manager: EntityManager = this.db.manager): Promise<number> {
    return notify(manager, type, recipients);
  }

  async list(actor: Actor, query: TNotificationQuery): Promise<TNotificationPage> {
    const where = `user_id = $1${query.unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const [{ total, unread }] = await this.db.query(
      `SELECT count(*) FILTER (WHERE ${query.unreadOnly ? 'read_at IS NULL' : 'true'})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE user_id = $1`,
      [actor.userId],
    );
    const rows: Row[] = await this.db.query(
      `SELECT id, type, data, read_at, created_at FROM notifications WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [actor.userId, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize, unreadCount: unread };
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [actor.userId]);
    return { count };
  }

  /** Someone else's notification is a 404. Reading twice keeps the first time. */
  async markRead(actor: Actor, id: string): Promise<TNotification> {
    const [, updated] = await this.db.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, actor.userId]);
    if (!updated) throw notFound('Notification');
    const [row]: Row[] = await this.db.query(`SELECT id, type, data, read_at, created_at FROM notifications WHERE id = $1`, [id]);
    return toDto(row);
  }

  async markAllRead(actor: Actor): Promise<{ count: number }> {
    const [, count] = await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [actor.userId]);
    return { count };
  }
}

function toDto(r: Row): TNotification {
  return { id: r.id, type: r.type, data: r.data, readAt: r.read_at?.toISOString() ?? null, createdAt: r.created_at.toISOString() };
}
