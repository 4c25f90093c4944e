import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TEmploymentType, TRole } from '@asah/contracts/roles';
import { Agency } from '../agencies/agency.entity';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';

/**
 * A person who signs in: an employee of an agency (learner, instructor, agency admin) or a
 * platform admin (no agency). NIP is national, so it is unique across agencies; so is email.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_users_agency')
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  @Index('uq_users_nip', { unique: true })
  @Column({ type: 'text', nullable: true })
  nip: string | null;

  @Column({ type: 'text' })
  name: string;

  /** Stored lower-case; the unique index makes sign-in by email unambiguous. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'employment_type', type: 'text', nullable: true })
  employmentType: TEmploymentType | null;

  @Index('ix_users_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit | null;

  @Index('ix_users_position')
  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @ManyToOne(() => Position, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id' })
  position?: Position | null;

  @Column({ type: 'text', array: true, default: () => "'{learner}'" })
  roles: TRole[];

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
