import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TPositionType } from '@asah/contracts/positions';
import type { TEmploymentType } from '@asah/contracts/roles';
import { Agency } from '../agencies/agency.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Course } from '../courses/course.entity';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

export interface RuleResult {
  enrolled: number;
  waitlisted: number;
  alreadyEnrolled: number;
}

/**
 * A saved bulk enrolment of an agency's employees ("all Pengawas in Dinas Kesehatan") into a course
 * or cohort, re-applied on demand. Deleting its unit, position, cohort or course deletes the rule: a
 * rule whose criterion disappeared would otherwise match more people than intended.
 */
@Entity('enrolment_rules')
@Check('ck_enrolment_rules_criteria', 'unit_id IS NOT NULL OR position_id IS NOT NULL OR position_type IS NOT NULL OR employment_type IS NOT NULL')
export class EnrolmentRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_enrolment_rules_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ type: 'text' })
  name: string;

  @Index('ix_enrolment_rules_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index('ix_enrolment_rules_cohort')
  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort | null;

  @Index('ix_enrolment_rules_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit | null;

  @Column({ name: 'include_subunits', type: 'boolean', default: true })
  includeSubunits: boolean;

  @Index('ix_enrolment_rules_position')
  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: Position | null;

  @Column({ name: 'position_type', type: 'text', nullable: true })
  positionType: TPositionType | null;

  @Column({ name: 'employment_type', type: 'text', nullable: true })
  employmentType: TEmploymentType | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Index('ix_enrolment_rules_created_by')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @Column({ name: 'last_applied_at', type: 'timestamptz', nullable: true })
  lastAppliedAt: Date | null;

  @Index('ix_enrolment_rules_last_applied_by')
  @Column({ name: 'last_applied_by', type: 'uuid', nullable: true })
  lastAppliedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'last_applied_by' })
  lastApplier?: User | null;

  @Column({ name: 'last_result', type: 'jsonb', nullable: true })
  lastResult: RuleResult | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
