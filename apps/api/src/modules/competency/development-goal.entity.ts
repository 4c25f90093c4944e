import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

/** A goal of an employee's individual development plan (IDP). */
@Entity('development_goals')
@Check('ck_development_goals_progress', 'progress BETWEEN 0 AND 100')
@Check('ck_development_goals_level', 'target_level IS NULL OR target_level BETWEEN 1 AND 5')
export class DevelopmentGoal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_development_goals_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Index('ix_development_goals_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'competency_code', type: 'text', nullable: true })
  competencyCode: string | null;

  @Column({ name: 'target_level', type: 'smallint', nullable: true })
  targetLevel: number | null;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Index('ix_development_goals_course')
  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @ManyToOne(() => Course, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'course_id' })
  course?: Course | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
