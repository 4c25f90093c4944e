import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TCompetencySettings, TUpdateCompetencySettingsRequest } from '@asah/contracts/competency';
import { Actor } from '../../common/auth/actor';
import { resolveAgency } from '../agencies/agency-scope';
import { invalid, loadSettings } from './competency-context';
import { CompetencySettings } from './competency-settings.entity';

/** The agency's evidence rule, gap threshold, ABK hours and rounding, and the head of agency. */
@Injectable()
export class CompetencySettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor, requestedAgency: string | undefined): Promise<TCompetencySettings> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    return this.read(agencyId);
  }

  async update(actor: Actor, input: TUpdateCompetencySettingsRequest): Promise<TCompetencySettings> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    await this.db.transaction(async (tx) => {
      const current = await loadSettings(tx, agencyId);
      if (input.headOfAgencyUserId) {
        const found = await tx.query(`SELECT 1 FROM users WHERE id = $1 AND agency_id = $2 AND active`, [input.headOfAgencyUserId, agencyId]);
        if (!found.length) throw invalid([{ field: 'headOfAgencyUserId', code: 'USER_UNKNOWN', message: 'No active employee of this agency has this id' }]);
      }
      const rounding = input.staffRounding ?? current.staffRounding;
      await tx.upsert(
        CompetencySettings,
        {
          agencyId,
          evidenceRule: input.evidenceRule ?? current.evidenceRule,
          majorGapFrom: input.majorGapFrom ?? current.thresholds.majorFrom,
          effectiveHoursPerYear: String(input.effectiveHoursPerYear ?? current.workload.effectiveHoursPerYear),
          roundingMode: rounding.mode,
          roundingThreshold: rounding.mode === 'round' && rounding.threshold != null ? String(rounding.threshold) : null,
          headUserId: input.headOfAgencyUserId === undefined ? current.headUserId : input.headOfAgencyUserId,
        },
        ['agencyId'],
      );
    });
    return this.read(agencyId);
  }

  private async read(agencyId: string): Promise<TCompetencySettings> {
    const s = await loadSettings(this.db.manager, agencyId);
    const [head] = s.headUserId ? await this.db.query(`SELECT id, name, nip FROM users WHERE id = $1`, [s.headUserId]) : [];
    return {
      agencyId,
      evidenceRule: s.evidenceRule,
      majorGapFrom: s.thresholds.majorFrom,
      effectiveHoursPerYear: s.workload.effectiveHoursPerYear,
      staffRounding: s.staffRounding,
      headOfAgency: head ? { id: head.id, name: head.name, nip: head.nip } : null,
      isDefault: s.isDefault,
    };
  }
}
