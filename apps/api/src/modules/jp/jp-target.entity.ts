import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TEmploymentType } from '@asah/contracts/roles';
import { Agency } from '../agencies/agency.entity';
import { User } from '../users/user.entity';

/**
 * An agency's own JP target (minimum per year) and cap (most that counts) for one employment type.
 * Without a row the platform defaults from the configuration apply (JP_TARGET_PNS, JP_CAP_PPPK, ...).
 */
@Entity('jp_targets')
@Check('ck_jp_targets_type', "employment_type IN ('PNS', 'PPPK')")
@Check('ck_jp_targets_cap', 'target_jp IS NULL OR cap_jp IS NULL OR cap_jp >= target_jp')
@Check('ck_jp_targets_amounts', '(target_jp IS NULL OR target_jp >= 0) AND (cap_jp IS NULL OR cap_jp >= 0)')
export class JpTarget {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_jp_targets' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @PrimaryColumn({ name: 'employment_type', type: 'text', primaryKeyConstraintName: 'pk_jp_targets' })
  employmentType: TEmploymentType;

  /** NULL: no minimum. */
  @Column({ name: 'target_jp', type: 'numeric', precision: 6, scale: 2, nullable: true })
  targetJp: string | null;

  /** NULL: no cap. */
  @Column({ name: 'cap_jp', type: 'numeric', precision: 6, scale: 2, nullable: true })
  capJp: string | null;

  @Index('ix_jp_targets_updated_by')
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by' })
  updater?: User | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
