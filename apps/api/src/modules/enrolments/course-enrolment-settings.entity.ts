import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TEnrolmentPolicy } from '@asah/contracts/enrolments';
import { Course } from '../courses/course.entity';

/** Enrolment settings of a course; a course without a row takes self-enrolment and has no deadline. */
@Entity('course_enrolment_settings')
@Check('ck_course_enrolment_settings_policy', "enrolment_policy IN ('self', 'approval', 'admin_only')")
@Check('ck_course_enrolment_settings_days', 'deadline_days IS NULL OR deadline_days >= 1')
export class CourseEnrolmentSettings {
  @PrimaryColumn({ name: 'course_id', type: 'uuid', primaryKeyConstraintName: 'pk_course_enrolment_settings' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'enrolment_policy', type: 'text', default: 'self' })
  enrolmentPolicy: TEnrolmentPolicy;

  /** Enrolments without a cohort must be completed this many days after enrolling. */
  @Column({ name: 'deadline_days', type: 'integer', nullable: true })
  deadlineDays: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
