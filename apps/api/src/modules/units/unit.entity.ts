import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Agency } from '../agencies/agency.entity';

/** A work unit (unit kerja / OPD). Units form one tree per agency. */
@Entity('units')
@Unique('uq_units_agency_code', ['agencyId', 'code'])
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_units_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Index('ix_units_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Unit | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** The head of the unit (kepala unit): approves enrolment requests of the unit and its sub-units. */
  @Index('ix_units_head')
  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId: string | null;

  // Named rather than imported: user.entity.ts imports this file.
  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'head_user_id' })
  head?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
