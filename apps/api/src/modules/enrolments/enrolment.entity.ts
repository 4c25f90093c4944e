import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TDecision, TEnrolmentMethod, TEnrolmentStatus } from '@asah/contracts/enrolments';
import { Cohort } from '../cohorts/cohort.entity';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';
import { EnrolmentRule } from './enrolment-rule.entity';

/**
 * One learner in one course, optionally in one cohort. Never deleted: unenrolling sets `withdrawn`.
 * Three partial unique indexes: one row per (course, learner) without cohort and per (cohort, learner),
 * so enrolling twice finds the same row; and at most one enrolment under way or completed per course
 * and learner, so nobody sits in two cohorts of a course or takes a completed course again.
 */
@Entity('enrolments')
@Index('uq_enrolments_course_user_no_cohort', ['courseId', 'userId'], { unique: true, where: 'cohort_id IS NULL' })
@Index('uq_enrolments_cohort_user', ['cohortId', 'userId'], { unique: true, where: 'cohort_id IS NOT NULL' })
@Index('uq_enrolments_course_user_current', ['courseId', 'userId'], {
  unique: true,
  where: "status IN ('requested', 'waitlisted', 'approved', 'active', 'completed')",
})
@Index('ix_enrolments_cohort_status', ['cohortId', 'status'])
@Index('ix_enrolments_user_status', ['userId', 'status'])
@Check('ck_enrolments_status', "status IN ('requested', 'waitlisted', 'approved', 'active', 'completed', 'withdrawn', 'expired')")
@Check('ck_enrolments_method', "method IN ('self', 'approval', 'admin', 'bulk', 'rule')")
@Check('ck_enrolments_decision', "decision IS NULL OR decision IN ('approved', 'rejected')")
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_enrolments_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort | null;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  status: TEnrolmentStatus;

  @Column({ type: 'text' })
  method: TEnrolmentMethod;

  /** Complete by this day (Asia/Jakarta). */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** When the current enrolment began (reset when enrolling again after a withdrawal); orders the waitlist. */
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Index('ix_enrolments_requested_by')
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User | null;

  @Column({ name: 'request_reason', type: 'text', nullable: true })
  requestReason: string | null;

  @Column({ type: 'text', nullable: true })
  decision: TDecision | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Index('ix_enrolments_decided_by')
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: User | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Index('ix_enrolments_withdrawn_by')
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'withdrawn_by' })
  withdrawer?: User | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Index('ix_enrolments_rule')
  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId: string | null;

  @ManyToOne(() => EnrolmentRule, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rule_id' })
  rule?: EnrolmentRule | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
