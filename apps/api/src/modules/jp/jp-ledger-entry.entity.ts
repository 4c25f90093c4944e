import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TJpSourceType } from '@asah/contracts/jp-ledger';
import { User } from '../users/user.entity';

/**
 * One credit of JP to one employee, traceable to its source. The unique (source_type, source_id,
 * user_id) makes crediting idempotent: a completion, an attendance or a log credits once at most.
 * `year` is the Asia/Jakarta year of `occurred_on` (checked), stored for the yearly sums.
 */
@Entity('jp_ledger_entries')
@Unique('uq_jp_ledger_source', ['sourceType', 'sourceId', 'userId'])
@Index('ix_jp_ledger_user_year', ['userId', 'year'])
@Check('ck_jp_ledger_year', 'year = EXTRACT(YEAR FROM occurred_on)')
@Check('ck_jp_ledger_jp', 'jp >= 0')
@Check('ck_jp_ledger_source_type', "source_type IN ('course_completion', 'classroom_session', 'non_classroom')")
export class JpLedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer' })
  year: number;

  /** numeric arrives as text; the mappers turn it into a number. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  jp: string;

  @Column({ name: 'source_type', type: 'text' })
  sourceType: TJpSourceType;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
