import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TContentFileKind } from '@asah/contracts/content';
import { CourseActivity } from '../courses/course-activity.entity';
import { User } from '../users/user.entity';

/**
 * The file or video of a `file` / `video` activity, stored under `files/<id>/<fileName>`. A new
 * upload adds a row and becomes `current`; older files stay stored, like package versions.
 */
@Entity('content_files')
@Index('ix_content_files_activity', ['activityId', 'createdAt'])
@Index('uq_content_files_current', ['activityId'], { unique: true, where: 'current' })
export class ContentFile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_content_files' })
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @ManyToOne(() => CourseActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: CourseActivity;

  @Column({ type: 'text' })
  kind: TContentFileKind;

  @Column({ type: 'boolean', default: false })
  current: boolean;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Index('ix_content_files_uploaded_by')
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
