import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TAssessmentSource } from '@asah/contracts/competency';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

/**
 * One assessment result (history is kept: nothing is overwritten). Which result is current is
 * decided by @asah/competency/assessments (newest valid day, then source priority); the needs
 * analysis does the same in SQL with the index below. Course evidence carries its course and is
 * unique per employee, course and competency, so a completion counts once.
 */
@Entity('assessments')
// Covers every column the current-level query reads, in the package's order up to the day: the needs
// analysis reads a million results by a backward index-only scan, sorting only results of the same day.
@Index('ix_assessments_current', ['agencyId', 'userId', 'competencyCode', 'assessedOn', 'source', 'level', 'validUntil'])
@Index('uq_assessments_course_evidence', ['userId', 'courseId', 'competencyCode'], { unique: true, where: 'course_id IS NOT NULL' })
@Check('ck_assessments_level', 'level BETWEEN 1 AND 5')
@Check('ck_assessments_source', "source IN ('assessment_centre', 'competency_test', 'supervisor', 'self', 'course_evidence')")
@Check('ck_assessments_validity', 'valid_until IS NULL OR valid_until >= assessed_on')
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Index('ix_assessments_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'competency_code', type: 'text' })
  competencyCode: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'text' })
  source: TAssessmentSource;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Index('ix_assessments_course')
  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => Course, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'course_id' })
  course?: Course | null;

  @Index('ix_assessments_recorded_by')
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
