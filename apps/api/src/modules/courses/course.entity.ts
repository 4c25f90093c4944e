import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TCompletionRule, TCourseCategory, TCourseCompetency, TCourseStatus, TDeliveryMode } from '@asah/contracts/courses';
import { Agency } from '../agencies/agency.entity';
import { User } from '../users/user.entity';

/**
 * A course of one agency, or a platform-wide one (agency_id NULL) that every agency can read and
 * only platform admins change. Codes are unique per agency and among platform-wide courses; two
 * partial indexes, because a plain unique (agency_id, code) treats every NULL as distinct.
 */
@Entity('courses')
@Index('uq_courses_agency_code', ['agencyId', 'code'], { unique: true, where: 'agency_id IS NOT NULL' })
@Index('uq_courses_platform_code', ['code'], { unique: true, where: 'agency_id IS NULL' })
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_courses_agency')
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  /** Plain text. */
  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'cover_image_key', type: 'text', nullable: true })
  coverImageKey: string | null;

  @Column({ type: 'text' })
  category: TCourseCategory;

  @Column({ name: 'delivery_mode', type: 'text' })
  deliveryMode: TDeliveryMode;

  /** JP credited on completion. PostgreSQL returns numeric as text; the mapper turns it into a number. */
  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0 })
  jp: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  competencies: TCourseCompetency[];

  @Column({ name: 'completion_rule', type: 'text', default: 'all_required' })
  completionRule: TCompletionRule;

  @Column({ name: 'completion_activity_ids', type: 'uuid', array: true, default: () => "'{}'" })
  completionActivityIds: string[];

  @Column({ name: 'certificate_on_completion', type: 'boolean', default: false })
  certificateOnCompletion: boolean;

  @Index('ix_courses_status')
  @Column({ type: 'text', default: 'draft' })
  status: TCourseStatus;

  @Index('ix_courses_created_by')
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
