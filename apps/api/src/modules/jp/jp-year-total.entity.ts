import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * The sum of an employee's ledger entries in one year, kept by JpLedgerService.credit/revoke in the
 * same transaction as the entry (backfilled from the ledger at start when missing). The needs
 * analysis reads 100,000 of these instead of summing the whole year's ledger on every request.
 */
@Entity('jp_year_totals')
export class JpYearTotal {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_jp_year_totals' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_jp_year_totals' })
  year: number;

  /** numeric arrives as text. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  earned: string;
}
