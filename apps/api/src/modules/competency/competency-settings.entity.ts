import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TEvidenceRule } from '@asah/contracts/competency';
import { Agency } from '../agencies/agency.entity';
import { User } from '../users/user.entity';

/** An agency's competency rules; without a row the defaults of @asah/competency apply. */
@Entity('competency_settings')
@Check('ck_competency_settings_evidence', "evidence_rule IN ('raise_level', 'flag_only')")
@Check('ck_competency_settings_major', 'major_gap_from BETWEEN 1 AND 4')
@Check('ck_competency_settings_hours', 'effective_hours_per_year > 0')
@Check('ck_competency_settings_rounding', "rounding_mode IN ('round', 'ceil', 'floor')")
@Check('ck_competency_settings_threshold', 'rounding_threshold IS NULL OR (rounding_threshold > 0 AND rounding_threshold <= 1)')
export class CompetencySettings {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_settings' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ name: 'evidence_rule', type: 'text' })
  evidenceRule: TEvidenceRule;

  @Column({ name: 'major_gap_from', type: 'smallint' })
  majorGapFrom: number;

  @Column({ name: 'effective_hours_per_year', type: 'numeric', precision: 7, scale: 2 })
  effectiveHoursPerYear: string;

  @Column({ name: 'rounding_mode', type: 'text' })
  roundingMode: 'round' | 'ceil' | 'floor';

  @Column({ name: 'rounding_threshold', type: 'numeric', precision: 4, scale: 3, nullable: true })
  roundingThreshold: string | null;

  /** Approves the yearly development plan. */
  @Index('ix_competency_settings_head')
  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'head_user_id' })
  head?: User | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
