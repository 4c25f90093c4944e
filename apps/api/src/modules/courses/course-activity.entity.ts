import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TActivityType } from '@asah/contracts/courses';
import { CourseSection } from './course-section.entity';
import { Course } from './course.entity';

/**
 * An activity inside a section; `position` orders the activities of one section. `course_id`
 * repeats the section's course so access checks and content tables (SCORM package versions,
 * files) reach the course in one step. `settings` has one shape per type (see the contracts).
 */
@Entity('course_activities')
export class CourseActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_course_activities_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index('ix_course_activities_section')
  @Column({ name: 'section_id', type: 'uuid' })
  sectionId: string;

  @ManyToOne(() => CourseSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: CourseSection;

  @Column({ type: 'text' })
  type: TActivityType;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
