import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TDevelopmentForm, TDevelopmentLogStatus } from '@asah/contracts/development-logs';
import { User } from '../users/user.entity';

/**
 * Development done outside the platform, logged by the learner with a proof file (stored under
 * `proofs/<id>/<name>`), decided by an approver. An approved log is credited to the JP ledger once.
 */
@Entity('development_logs')
@Index('ix_development_logs_user_status', ['userId', 'status'])
@Check('ck_development_logs_status', "status IN ('submitted', 'approved', 'rejected', 'withdrawn')")
@Check('ck_development_logs_dates', 'ended_on >= started_on')
@Check('ck_development_logs_jp', 'jp > 0')
export class DevelopmentLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  form: TDevelopmentForm;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  organiser: string | null;

  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ name: 'ended_on', type: 'date' })
  endedOn: string;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  hours: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2 })
  jp: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Index('ix_development_logs_status')
  @Column({ type: 'text', default: 'submitted' })
  status: TDevelopmentLogStatus;

  @Column({ name: 'proof_key', type: 'text' })
  proofKey: string;

  @Column({ name: 'proof_name', type: 'text' })
  proofName: string;

  @Column({ name: 'proof_type', type: 'text' })
  proofType: string;

  @Column({ name: 'proof_size', type: 'bigint' })
  proofSize: string;

  @Index('ix_development_logs_decided_by')
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: User | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
