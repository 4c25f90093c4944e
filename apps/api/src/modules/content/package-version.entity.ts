import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ParsedPackage, PackageReport, LaunchPage } from '@asah/scorm/package-report';
import type { TPackageStandard, TPackageType } from '@asah/contracts/content';
import { CourseActivity } from '../courses/course-activity.entity';
import { User } from '../users/user.entity';

/**
 * One imported SCORM or cmi5 package of an activity. Its files live in storage under
 * `packages/<id>/`, never change, and stay readable after a newer version becomes `current`, so
 * attempts started on an older version keep working. `structure` is the parsed manifest (items,
 * resources, sequencing) or cmi5 course the runtime needs.
 */
@Entity('package_versions')
@Index('uq_package_versions_activity_version', ['activityId', 'version'], { unique: true })
@Index('uq_package_versions_current', ['activityId'], { unique: true, where: 'current' })
export class PackageVersion {
  /** Chosen before the files are stored, since their keys carry it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_package_versions' })
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @ManyToOne(() => CourseActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: CourseActivity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean', default: false })
  current: boolean;

  @Column({ name: 'package_type', type: 'text' })
  packageType: TPackageType;

  @Column({ type: 'text' })
  standard: TPackageStandard;

  @Column({ type: 'text', nullable: true })
  edition: '2nd' | '3rd' | '4th' | null;

  @Column({ name: 'standard_label', type: 'text' })
  standardLabel: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'jsonb' })
  report: PackageReport;

  @Column({ type: 'jsonb' })
  structure: ParsedPackage;

  @Column({ name: 'launch_pages', type: 'jsonb' })
  launchPages: LaunchPage[];

  @Column({ name: 'file_count', type: 'integer' })
  fileCount: number;

  /** bigint: PostgreSQL returns it as text; the mapper turns it into a number. */
  @Column({ name: 'total_bytes', type: 'bigint' })
  totalBytes: string;

  @Index('ix_package_versions_uploaded_by')
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
