import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Position } from '../positions/position.entity';

/**
 * An override of one position's standard for one competency (by code, so that an agency copy of a
 * national competency keeps its standards). NULL required_level: explicitly not required. A
 * competency without a row follows the default of the position type (@asah/competency/standards).
 */
@Entity('position_standards')
@Check('ck_position_standards_level', 'required_level IS NULL OR required_level BETWEEN 1 AND 5')
export class PositionStandard {
  @PrimaryColumn({ name: 'position_id', type: 'uuid', primaryKeyConstraintName: 'pk_position_standards' })
  positionId: string;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: Position;

  @PrimaryColumn({ name: 'competency_code', type: 'text', primaryKeyConstraintName: 'pk_position_standards' })
  competencyCode: string;

  @Index('ix_position_standards_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'required_level', type: 'smallint', nullable: true })
  requiredLevel: number | null;
}
