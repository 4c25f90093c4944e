import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { TFunctionalLevel, TPositionType } from '@asah/contracts/positions';
import { Agency } from '../agencies/agency.entity';

/** A position (jabatan) of an agency, with its type and, for functional positions, a level. */
@Entity('positions')
@Unique('uq_positions_agency_code', ['agencyId', 'code'])
export class Position {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_positions_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: TPositionType;

  @Column({ name: 'functional_level', type: 'text', nullable: true })
  functionalLevel: TFunctionalLevel | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
