import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseActivity } from '../courses/course-activity.entity';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

/**
 * A session of a classroom activity, for one cohort or (cohort NULL) for everyone with a place in the
 * course. `checkin_secret` keys the rotating check-in codes; it never leaves the API.
 */
@Entity('classroom_sessions')
@Index('ix_classroom_sessions_activity_start', ['activityId', 'startsAt'])
@Check('ck_classroom_sessions_times', 'ends_at > starts_at')
@Check('ck_classroom_sessions_jp', 'jp >= 0')
@Check('ck_classroom_sessions_capacity', 'capacity IS NULL OR capacity >= 1')
export class ClassroomSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_classroom_sessions_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @ManyToOne(() => CourseActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: CourseActivity;

  @Index('ix_classroom_sessions_cohort')
  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @ManyToOne(() => Cohort, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort | null;

  @Column({ type: 'text' })
  title: string;

  @Index('ix_classroom_sessions_starts_at')
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0 })
  jp: string;

  @Column({ name: 'checkin_secret', type: 'text', select: false })
  checkinSecret: string;

  @Index('ix_classroom_sessions_created_by')
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
