import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { TNotificationData, TNotificationType } from '@asah/contracts/notifications';
import { returning } from '../../common/db/sql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { renderEmail } from './email-templates';

interface Claimed {
  id: string;
  type: TNotificationType;
  data: TNotificationData;
  email: string;
  name: string;
}

/**
 * Emails notifications from the `notifications` table (the outbox): each run claims unsent ones
 * (`FOR UPDATE SKIP LOCKED`, so several API processes never send one twice), marks them sent, then
 * sends through SMTP_URL, or writes them to the log when no SMTP server is configured. A failed send
 * is recorded in `email_error` and not retried (the notification stays in the bell).
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.env.SMTP_URL ? createTransport(config.env.SMTP_URL) : null;
  }

  async flush(limit = 100): Promise<{ sent: number; logged: number; failed: number }> {
    const claimed = await returning<Claimed>(
      this.db.manager,
      `UPDATE notifications n SET emailed_at = now()
         FROM users u
        WHERE u.id = n.user_id AND n.id IN (
          SELECT id FROM notifications WHERE emailed_at IS NULL AND created_at > now() - interval '2 days'
           ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.type, n.data, u.email, u.name`,
      [limit],
    );
    const result = { sent: 0, logged: 0, failed: 0 };
    for (const n of claimed) {
      const email = renderEmail(n.type, n.data, n.name);
      if (!this.transport) {
        this.logger.log({ to: n.email, subject: email.subject, notificationId: n.id }, 'Email (SMTP_URL not set, not sent)');
        result.logged++;
        continue;
      }
      try {
        await this.transport.sendMail({ from: this.config.env.MAIL_FROM, to: { name: n.name, address: n.email }, subject: email.subject, text: email.text });
        result.sent++;
      } catch (error) {
        this.logger.warn({ err: error, notificationId: n.id }, 'Email not sent');
        await this.db.query(`UPDATE notifications SET email_error = $2 WHERE id = $1`, [n.id, String((error as Error).message ?? error).slice(0, 500)]);
        result.failed++;
      }
    }
    return result;
  }
}
