import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TActivityProgressStatus, TScormStandard } from '@asah/contracts/tracking';
import { PackageVersion } from '../content/package-version.entity';
import { CourseActivity } from '../courses/course-activity.entity';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

const STATUS_CHECK = "status IN ('not_started', 'incomplete', 'completed', 'passed', 'failed')";

/**
 * One attempt of a learner (or, `preview`, of a course editor) at a SCORM activity, on the package
 * version it started with. Numbered per (activity, user, preview). `session_count` is bumped by
 * every runtime state fetch (one launcher page load); commits carry it, so (session, sequence)
 * orders commits across page loads. Status and score are the attempt's rollup of its SCOs (or the
 * sequencing rollup the launcher sent).
 */
@Entity('tracking_attempts')
@Index('uq_tracking_attempts_number', ['activityId', 'userId', 'preview', 'attemptNumber'], { unique: true })
@Index('ix_tracking_attempts_user_course', ['userId', 'courseId'])
@Check('ck_tracking_attempts_status', STATUS_CHECK)
export class TrackingAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_tracking_attempts_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_tracking_attempts_activity')
  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @ManyToOne(() => CourseActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: CourseActivity;

  @Index('ix_tracking_attempts_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Index('ix_tracking_attempts_version')
  @Column({ name: 'package_version_id', type: 'uuid' })
  packageVersionId: string;

  @ManyToOne(() => PackageVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'package_version_id' })
  packageVersion?: PackageVersion;

  @Column({ type: 'text' })
  standard: TScormStandard;

  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber: number;

  /** A course editor's preview: tracked, never rolled up to activity results or the course. */
  @Column({ type: 'boolean', default: false })
  preview: boolean;

  @Column({ name: 'session_count', type: 'integer', default: 0 })
  sessionCount: number;

  @Column({ type: 'text', default: 'not_started' })
  status: TActivityProgressStatus;

  @Column({ name: 'score_scaled', type: 'double precision', nullable: true })
  scoreScaled: number | null;

  @Column({ name: 'score_raw', type: 'double precision', nullable: true })
  scoreRaw: number | null;

  @Column({ name: 'total_time_seconds', type: 'double precision', default: 0 })
  totalTimeSeconds: number;

  /** scorm-again's sequencing state as the launcher saved it (2004 sequenced packages). */
  @Column({ name: 'sequencing_state', type: 'jsonb', nullable: true })
  sequencingState: unknown;

  @Column({ name: 'sequencing_session', type: 'integer', default: 0 })
  sequencingSession: number;

  /** The item to resume at. */
  @Column({ name: 'current_item', type: 'text', nullable: true })
  currentItem: string | null;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/**
 * The CMI state of one SCO (or asset) in one attempt: the whole `cmi` as committed (jsonb, without
 * suspend_data, which has its own column) and the normalised facts. Total time = time of the
 * sessions before `last_session` + the session_time reported in `last_session`, so it accumulates
 * across sessions without trusting the client's total.
 */
@Entity('tracking_sco_states')
@Index('uq_tracking_sco_states_attempt_sco', ['attemptId', 'scoIdentifier'], { unique: true })
export class TrackingScoState {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => TrackingAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: TrackingAttempt;

  @Column({ name: 'sco_identifier', type: 'text' })
  scoIdentifier: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  cmi: Record<string, unknown>;

  /** 2004 adl.data stores the SCO wrote. */
  @Column({ name: 'adl_data', type: 'jsonb', nullable: true })
  adlData: unknown;

  @Column({ name: 'completion_status', type: 'text', nullable: true })
  completionStatus: string | null;

  @Column({ name: 'success_status', type: 'text', nullable: true })
  successStatus: string | null;

  @Column({ name: 'score_raw', type: 'double precision', nullable: true })
  scoreRaw: number | null;

  @Column({ name: 'score_min', type: 'double precision', nullable: true })
  scoreMin: number | null;

  @Column({ name: 'score_max', type: 'double precision', nullable: true })
  scoreMax: number | null;

  @Column({ name: 'score_scaled', type: 'double precision', nullable: true })
  scoreScaled: number | null;

  @Column({ name: 'total_time_seconds', type: 'double precision', default: 0 })
  totalTimeSeconds: number;

  /** Sum of the session times of sessions before `last_session`. */
  @Column({ name: 'prior_time_seconds', type: 'double precision', default: 0 })
  priorTimeSeconds: number;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'suspend_data', type: 'text', nullable: true })
  suspendData: string | null;

  /** What the next launch reports as cmi(.core).entry: 'resume' after exit 'suspend'. */
  @Column({ type: 'text', nullable: true })
  entry: string | null;

  @Column({ type: 'text', nullable: true })
  exit: string | null;

  @Column({ name: 'last_session', type: 'integer', default: 0 })
  lastSession: number;

  @Column({ name: 'last_sequence', type: 'integer', default: 0 })
  lastSequence: number;

  /** Distinct sessions that committed. */
  @Column({ type: 'integer', default: 0 })
  sessions: number;

  @Column({ name: 'last_commit_at', type: 'timestamptz', nullable: true })
  lastCommitAt: Date | null;
}

/** cmi.interactions.n of a SCO, one row each, replaced when the SCO changes them. */
@Entity('tracking_interactions')
export class TrackingInteraction {
  @PrimaryColumn({ name: 'sco_state_id', type: 'uuid', primaryKeyConstraintName: 'pk_tracking_interactions' })
  scoStateId: string;

  @ManyToOne(() => TrackingScoState, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sco_state_id' })
  scoState?: TrackingScoState;

  @PrimaryColumn({ name: 'idx', type: 'integer', primaryKeyConstraintName: 'pk_tracking_interactions' })
  index: number;

  @Index('ix_tracking_interactions_attempt')
  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => TrackingAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: TrackingAttempt;

  @Index('ix_tracking_interactions_interaction')
  @Column({ name: 'interaction_id', type: 'text' })
  interactionId: string;

  @Column({ type: 'text', nullable: true })
  type: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'learner_response', type: 'text', nullable: true })
  learnerResponse: string | null;

  @Column({ name: 'correct_responses', type: 'text', array: true, default: () => "'{}'" })
  correctResponses: string[];

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'double precision', nullable: true })
  weighting: number | null;

  @Column({ type: 'text', nullable: true })
  latency: string | null;

  @Column({ type: 'text', nullable: true })
  timestamp: string | null;

  @Column({ name: 'objective_ids', type: 'text', array: true, default: () => "'{}'" })
  objectiveIds: string[];
}

/** cmi.objectives.n of a SCO, one row each. */
@Entity('tracking_objectives')
export class TrackingObjective {
  @PrimaryColumn({ name: 'sco_state_id', type: 'uuid', primaryKeyConstraintName: 'pk_tracking_objectives' })
  scoStateId: string;

  @ManyToOne(() => TrackingScoState, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sco_state_id' })
  scoState?: TrackingScoState;

  @PrimaryColumn({ name: 'idx', type: 'integer', primaryKeyConstraintName: 'pk_tracking_objectives' })
  index: number;

  @Index('ix_tracking_objectives_attempt')
  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => TrackingAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: TrackingAttempt;

  @Index('ix_tracking_objectives_objective')
  @Column({ name: 'objective_id', type: 'text' })
  objectiveId: string;

  @Column({ name: 'completion_status', type: 'text', nullable: true })
  completionStatus: string | null;

  @Column({ name: 'success_status', type: 'text', nullable: true })
  successStatus: string | null;

  @Column({ name: 'score_scaled', type: 'double precision', nullable: true })
  scoreScaled: number | null;

  @Column({ name: 'score_raw', type: 'double precision', nullable: true })
  scoreRaw: number | null;

  @Column({ name: 'score_min', type: 'double precision', nullable: true })
  scoreMin: number | null;

  @Column({ name: 'score_max', type: 'double precision', nullable: true })
  scoreMax: number | null;

  @Column({ name: 'progress_measure', type: 'double precision', nullable: true })
  progressMeasure: number | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/**
 * Every commit received, once: the unique (attempt, sco, session, sequence) makes a replayed commit
 * a no-op, and the rows are the audit trail (which elements changed, and their new values, capped).
 * `applied` is false for a commit older than the stored state (it arrived late and changed nothing).
 */
@Entity('tracking_commits')
@Index('uq_tracking_commits_key', ['attemptId', 'scoIdentifier', 'session', 'sequence'], { unique: true })
export class TrackingCommit {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId: string;

  @ManyToOne(() => TrackingAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: TrackingAttempt;

  @Column({ name: 'sco_identifier', type: 'text' })
  scoIdentifier: string;

  @Column({ type: 'integer' })
  session: number;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'boolean', default: false })
  terminate: boolean;

  @Column({ type: 'boolean', default: true })
  applied: boolean;

  @Column({ name: 'changed_keys', type: 'text', array: true, default: () => "'{}'" })
  changedKeys: string[];

  /** New values of the changed elements (suspend_data and long values shortened). */
  @Column({ type: 'jsonb', nullable: true })
  diff: Record<string, string> | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}

/**
 * The result of an activity for a learner over their (non-preview) attempts: the best attempt's
 * status and score. One row per (user, activity) once launched; course progress and the course
 * rule read these. Written in the request that changed them.
 */
@Entity('activity_results')
@Index('uq_activity_results_user_activity', ['userId', 'activityId'], { unique: true })
@Index('ix_activity_results_course_user', ['courseId', 'userId'])
@Check('ck_activity_results_status', STATUS_CHECK)
export class ActivityResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_activity_results_activity')
  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @ManyToOne(() => CourseActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: CourseActivity;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'text' })
  status: TActivityProgressStatus;

  @Column({ name: 'score_scaled', type: 'double precision', nullable: true })
  scoreScaled: number | null;

  @Column({ name: 'score_raw', type: 'double precision', nullable: true })
  scoreRaw: number | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
