import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TNotificationData, TNotificationType } from '@asah/contracts/notifications';
import { User } from '../users/user.entity';

/**
 * One notification to one user. Written in the transaction of the change it reports, so it exists
 * exactly when the change does; emailed afterwards from this table (an outbox: `emailed_at`).
 * `dedupe_key` makes a reminder run twice notify once.
 */
@Entity('notifications')
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_unread', ['userId'], { where: 'read_at IS NULL' })
@Index('ix_notifications_outbox', ['createdAt'], { where: 'emailed_at IS NULL' })
@Index('uq_notifications_dedupe', ['userId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  type: TNotificationType;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: TNotificationData;

  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ name: 'email_error', type: 'text', nullable: true })
  emailError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
