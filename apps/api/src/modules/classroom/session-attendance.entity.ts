import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrolment } from '../enrolments/enrolment.entity';
import { User } from '../users/user.entity';
import { ClassroomSession } from './classroom-session.entity';

/** A learner present at a session (absent: no row), marked by an instructor or by QR check-in. */
@Entity('session_attendance')
@Check('ck_session_attendance_method', "method IN ('instructor', 'qr')")
export class SessionAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid', primaryKeyConstraintName: 'pk_session_attendance' })
  sessionId: string;

  @ManyToOne(() => ClassroomSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ClassroomSession;

  @Index('ix_session_attendance_user')
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_session_attendance' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_session_attendance_enrolment')
  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'text' })
  method: 'instructor' | 'qr';

  @Index('ix_session_attendance_recorded_by')
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: User | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
