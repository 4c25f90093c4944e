import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TCompetencyGroup, TCompetencyLevelDefinition } from '@asah/contracts/competency';
import { Agency } from '../agencies/agency.entity';

/**
 * One competency of a dictionary. National rows (agency_id NULL: M.01–M.08, SK.01) are seeded at
 * boot from @asah/competency and shared by every agency; an agency's rows are its technical
 * competencies and its edited copies of national ones (same code), which replace the national
 * text for that agency only. The five levels live in one JSON column: they are always read and
 * written together with the competency.
 */
@Entity('competencies')
@Index('uq_competencies_national_code', ['code'], { unique: true, where: 'agency_id IS NULL' })
@Index('uq_competencies_agency_code', ['agencyId', 'code'], { unique: true, where: 'agency_id IS NOT NULL' })
@Check('ck_competencies_group', "\"group\" IN ('manajerial', 'sosial_kultural', 'teknis')")
@Check('ck_competencies_teknis_agency', "\"group\" <> 'teknis' OR agency_id IS NOT NULL")
export class Competency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  group: TCompetencyGroup;

  @Column({ type: 'text', nullable: true })
  definition: string | null;

  @Column({ type: 'jsonb' })
  levels: TCompetencyLevelDefinition[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
