import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TEnrolmentPolicy } from '@asah/contracts/enrolments';
import { Agency } from '../agencies/agency.entity';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

/**
 * A cohort (angkatan) of a course. `agency_id` is the agency running it: the course's own agency, or
 * for a platform-wide course an agency running it for its employees, or NULL (a platform cohort open
 * to every agency). Seats are counted from `enrolments` while the row is locked (see cohort-seats.ts).
 */
@Entity('cohorts')
@Check('ck_cohorts_dates', 'ends_on >= starts_on')
@Check('ck_cohorts_capacity', 'capacity IS NULL OR capacity >= 1')
@Check('ck_cohorts_policy', "enrolment_policy IS NULL OR enrolment_policy IN ('self', 'approval', 'admin_only')")
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_cohorts_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index('ix_cohorts_agency')
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'waitlist_enabled', type: 'boolean', default: true })
  waitlistEnabled: boolean;

  @Column({ name: 'enrolment_opens_at', type: 'timestamptz', nullable: true })
  enrolmentOpensAt: Date | null;

  @Column({ name: 'enrolment_closes_at', type: 'timestamptz', nullable: true })
  enrolmentClosesAt: Date | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** NULL: the course's policy. */
  @Column({ name: 'enrolment_policy', type: 'text', nullable: true })
  enrolmentPolicy: TEnrolmentPolicy | null;

  @Index('ix_cohorts_created_by')
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
