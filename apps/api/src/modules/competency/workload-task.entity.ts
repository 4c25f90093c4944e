import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';

/** ABK: one task of a position in a unit, with its yearly volume and standard minutes per unit of output. */
@Entity('workload_tasks')
@Index('ix_workload_tasks_unit_position', ['unitId', 'positionId', 'sort'])
@Check('ck_workload_tasks_amounts', 'yearly_volume >= 0 AND standard_minutes > 0')
export class WorkloadTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_workload_tasks_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Index('ix_workload_tasks_position')
  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: Position;

  @Column({ type: 'integer' })
  sort: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'yearly_volume', type: 'numeric', precision: 14, scale: 2 })
  yearlyVolume: string;

  @Column({ name: 'standard_minutes', type: 'numeric', precision: 10, scale: 2 })
  standardMinutes: string;
}
