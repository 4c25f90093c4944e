import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TDevelopmentRoute } from '@asah/contracts/competency';
import { Cohort } from '../cohorts/cohort.entity';
import { DevelopmentPlan } from './development-plan.entity';

/**
 * A program of a development plan. Target employees are an id array: they are read and written as
 * one list with the program, and checked against the agency's users on every write.
 */
@Entity('development_programs')
@Check('ck_development_programs_route', "route IN ('klasikal', 'non_klasikal')")
@Check('ck_development_programs_dates', 'ends_on >= starts_on')
@Check('ck_development_programs_amounts', 'jp_per_person > 0 AND budget >= 0')
export class DevelopmentProgram {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_development_programs_plan')
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => DevelopmentPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: DevelopmentPlan;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'competency_code', type: 'text' })
  competencyCode: string;

  @Column({ type: 'text' })
  route: TDevelopmentRoute;

  @Column({ type: 'text' })
  form: string;

  @Column({ type: 'text' })
  provider: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'jp_per_person', type: 'numeric', precision: 6, scale: 2 })
  jpPerPerson: string;

  /** Rupiah; bigint arrives as text. */
  @Column({ type: 'bigint' })
  budget: string;

  @Column({ name: 'target_employee_ids', type: 'uuid', array: true, default: () => "'{}'" })
  targetEmployeeIds: string[];

  @Index('ix_development_programs_cohort')
  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
