import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Maintained counts behind the needs-analysis heatmap (current-counts.ts keeps them true). Reading a
 * million assessment results per request cost seconds at 100,000 employees; these tables let the
 * heatmap read a few thousand counters instead. None of them is a source of truth: every row can be
 * rebuilt from users, assessments and the standards, and the reader rebuilds whatever it finds out
 * of date (moved or deactivated employees, expired results, changed standards). No foreign keys on
 * purpose: a deleted employee's row must stay until its counts are taken back.
 */

/** An employee as last counted: active, placed in a unit and holding a position. */
@Entity('competency_counted_employees')
@Index('ix_competency_counted_employees_agency', ['agencyId', 'unitId', 'positionId'])
export class CompetencyCountedEmployee {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_counted_employees' })
  userId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  /** Last day on which the levels below hold (a result expires, a dated result starts); NULL: until the next write. */
  @Index('ix_competency_counted_employees_until', { where: 'holds_until IS NOT NULL' })
  @Column({ name: 'holds_until', type: 'date', nullable: true })
  holdsUntil: string | null;

  /** Some required competency assessed below its required level, without / with course evidence counted. */
  @Column({ type: 'boolean' })
  needing: boolean;

  @Column({ name: 'needing_with_evidence', type: 'boolean' })
  needingWithEvidence: boolean;
}

/** The current level of a counted employee in one competency, under each evidence rule (NULL: none valid). */
@Entity('competency_current_levels')
export class CompetencyCurrentLevel {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_current_levels' })
  userId: string;

  @PrimaryColumn({ name: 'competency_code', type: 'text', primaryKeyConstraintName: 'pk_competency_current_levels' })
  competencyCode: string;

  /** Without course evidence (evidence rule flag_only). */
  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  /** With course evidence (evidence rule raise_level). */
  @Column({ name: 'level_with_evidence', type: 'smallint', nullable: true })
  levelWithEvidence: number | null;
}

/** How many counted employees of a unit and position have a competency at a level (per evidence rule). */
@Entity('competency_level_counts')
export class CompetencyLevelCount {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_level_counts' })
  agencyId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_level_counts' })
  unitId: string;

  @PrimaryColumn({ name: 'position_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_level_counts' })
  positionId: string;

  @PrimaryColumn({ name: 'competency_code', type: 'text', primaryKeyConstraintName: 'pk_competency_level_counts' })
  competencyCode: string;

  @PrimaryColumn({ name: 'with_evidence', type: 'boolean', primaryKeyConstraintName: 'pk_competency_level_counts' })
  withEvidence: boolean;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_competency_level_counts' })
  level: number;

  @Column({ type: 'integer' })
  employees: number;
}

/** Counted employees per unit and position, and how many of them need development (per evidence rule). */
@Entity('competency_placement_counts')
export class CompetencyPlacementCount {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_placement_counts' })
  agencyId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_placement_counts' })
  unitId: string;

  @PrimaryColumn({ name: 'position_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_placement_counts' })
  positionId: string;

  @Column({ type: 'integer' })
  employees: number;

  @Column({ type: 'integer' })
  needing: number;

  @Column({ name: 'needing_with_evidence', type: 'integer' })
  needingWithEvidence: number;
}

/** Per agency: what the counters were computed with, so that a change made elsewhere is noticed by the reader. */
@Entity('competency_count_states')
export class CompetencyCountState {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_count_states' })
  agencyId: string;

  /** JSON: position id → a hash of its resolved standard when its holders' `needing` flags were computed. */
  @Column({ name: 'standards_hash', type: 'text' })
  standardsHash: string;

  /** `count:xor` of the counted employees' (id, unit, position) hashes; compared with the users' own to notice moves cheaply. */
  @Column({ name: 'placement_fingerprint', type: 'text', nullable: true })
  placementFingerprint: string | null;
}
