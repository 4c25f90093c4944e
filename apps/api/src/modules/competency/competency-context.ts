import { EntityManager } from 'typeorm';
import type { TCompetencyHeader, TEvidenceRule, TStaffRounding } from '@asah/contracts/competency';
import { ASSESSMENT_SOURCES, type AssessmentResult, type AssessmentSource, type CurrentLevelOptions } from '@asah/competency/assessments';
import { agencyDictionary, COMPETENCY_GROUPS, type Competency as RuleCompetency } from '@asah/competency/dictionary';
import { DEFAULT_GAP_THRESHOLDS, type GapThresholds } from '@asah/competency/gaps';
import { resolvePositionStandard, type PositionStandard } from '@asah/competency/standards';
import { DEFAULT_WORKLOAD_CONFIG, type WorkloadConfig } from '@asah/competency/workload';
import type { TFunctionalLevel, TPositionType } from '@asah/contracts/positions';
import { DomainError } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { CompetencySettings } from './competency-settings.entity';
import { Competency } from './competency.entity';
import { PositionStandard as StandardRow } from './position-standard.entity';

/**
 * What every competency feature needs about an agency, loaded the same way everywhere: the merged
 * dictionary (national + the agency's own, agency copies replacing national text), its settings
 * with the package defaults, and the position standards resolved by @asah/competency.
 */

export const DEFAULT_EVIDENCE_RULE: TEvidenceRule = 'flag_only';

export interface ResolvedSettings {
  agencyId: string;
  evidenceRule: TEvidenceRule;
  thresholds: GapThresholds;
  workload: WorkloadConfig;
  staffRounding: TStaffRounding;
  headUserId: string | null;
  isDefault: boolean;
}

export async function loadSettings(manager: EntityManager, agencyId: string): Promise<ResolvedSettings> {
  const row = await manager.findOneBy(CompetencySettings, { agencyId });
  if (!row) {
    const rounding = DEFAULT_WORKLOAD_CONFIG.rounding;
    return {
      agencyId,
      evidenceRule: DEFAULT_EVIDENCE_RULE,
      thresholds: DEFAULT_GAP_THRESHOLDS,
      workload: DEFAULT_WORKLOAD_CONFIG,
      staffRounding: { mode: rounding.mode, threshold: rounding.mode === 'round' ? (rounding.threshold ?? null) : null },
      headUserId: null,
      isDefault: true,
    };
  }
  const threshold = row.roundingThreshold === null ? null : Number(row.roundingThreshold);
  const rounding: WorkloadConfig['rounding'] =
    row.roundingMode === 'round' ? { mode: 'round', ...(threshold === null ? {} : { threshold }) } : { mode: row.roundingMode };
  return {
    agencyId,
    evidenceRule: row.evidenceRule,
    thresholds: { majorFrom: row.majorGapFrom },
    workload: { effectiveHoursPerYear: Number(row.effectiveHoursPerYear), rounding },
    staffRounding: { mode: row.roundingMode, threshold: row.roundingMode === 'round' ? threshold : null },
    headUserId: row.headUserId,
    isDefault: false,
  };
}

/** The sources whose results set the current level under the agency's evidence rule. */
export function levelOptions(settings: ResolvedSettings, asOf: string = jakartaDay()): CurrentLevelOptions {
  const countedSources: AssessmentSource[] =
    settings.evidenceRule === 'raise_level' ? [...ASSESSMENT_SOURCES] : ASSESSMENT_SOURCES.filter((s) => s !== 'course_evidence');
  return { asOf, countedSources };
}

const GROUP_ORDER = new Map(COMPETENCY_GROUPS.map((g, i) => [g, i]));

/** Dictionary order: manajerial, sosial kultural, teknis; by code within a group. */
export function compareCompetencies(a: { group: string; code: string }, b: { group: string; code: string }): number {
  return (GROUP_ORDER.get(a.group as never) ?? 9) - (GROUP_ORDER.get(b.group as never) ?? 9) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export interface AgencyDictionary {
  /** Merged rows (agency copies replace national ones), in dictionary order. */
  rows: Competency[];
  /** The same as package values. */
  rules: RuleCompetency[];
  byCode: Map<string, Competency>;
  headers: TCompetencyHeader[];
}

export async function loadDictionary(manager: EntityManager, agencyId: string): Promise<AgencyDictionary> {
  const rows = await manager
    .getRepository(Competency)
    .createQueryBuilder('c')
    .where('c.agency_id IS NULL OR c.agency_id = :agencyId', { agencyId })
    .getMany();
  const national = rows.filter((r) => r.agencyId === null);
  const own = rows.filter((r) => r.agencyId !== null);
  const merged = agencyDictionary(national.map(toRule), own.map(toRule));
  const byId = new Map<string, Competency>();
  for (const r of national) byId.set(r.code, r);
  for (const r of own) byId.set(r.code, r);
  const ordered = merged.map((c) => byId.get(c.code)!).sort(compareCompetencies);
  return {
    rows: ordered,
    rules: ordered.map(toRule),
    byCode: new Map(ordered.map((r) => [r.code, r])),
    headers: ordered.map((r) => ({ code: r.code, name: r.name, group: r.group })),
  };
}

export function toRule(row: Competency): RuleCompetency {
  return {
    code: row.code,
    name: row.name,
    group: row.group,
    ...(row.definition === null ? {} : { definition: row.definition }),
    agencyId: row.agencyId,
    levels: [...row.levels].sort((a, b) => a.level - b.level) as RuleCompetency['levels'],
  };
}

export interface PositionInfo {
  id: string;
  code: string;
  name: string;
  type: TPositionType;
  functional_level: TFunctionalLevel | null;
}

/** The effective standard of each position (package rules over the agency's overrides). */
export async function loadStandards(
  manager: EntityManager,
  agencyId: string,
  dictionary: AgencyDictionary,
  positions?: PositionInfo[],
): Promise<{ positions: PositionInfo[]; standards: Map<string, PositionStandard> }> {
  const list: PositionInfo[] =
    positions ??
    (await manager.query(`SELECT id, code, name, type, functional_level FROM positions WHERE agency_id = $1 ORDER BY code`, [agencyId]));
  const overrides: StandardRow[] = list.length
    ? await manager.query(
        `SELECT position_id AS "positionId", competency_code AS "competencyCode", required_level AS "requiredLevel"
           FROM position_standards WHERE position_id = ANY($1)`,
        [list.map((p) => p.id)],
      )
    : [];
  const byPosition = new Map<string, StandardRow[]>();
  for (const o of overrides) {
    const l = byPosition.get(o.positionId);
    if (l) l.push(o);
    else byPosition.set(o.positionId, [o]);
  }
  const standards = new Map<string, PositionStandard>();
  for (const p of list) {
    standards.set(
      p.id,
      resolvePositionStandard({
        position: { id: p.id, type: p.type, functionalLevel: p.functional_level },
        dictionary: dictionary.rules,
        overrides: (byPosition.get(p.id) ?? []).map((o) => ({ competencyCode: o.competencyCode, requiredLevel: o.requiredLevel as never })),
      }),
    );
  }
  return { positions: list, standards };
}

export interface AssessmentRecord {
  id: string;
  user_id: string;
  competency_code: string;
  level: number;
  source: AssessmentSource;
  assessed_on: string;
  valid_until: string | null;
}

export function toResult(r: AssessmentRecord): AssessmentResult & { id: string } {
  return {
    id: r.id,
    employeeId: r.user_id,
    competencyCode: r.competency_code,
    level: r.level as AssessmentResult['level'],
    source: r.source,
    assessedOn: r.assessed_on,
    validUntil: r.valid_until,
  };
}

/** Dates come back from `date` columns as text (pg type parser), which keeps them calendar days. */
export const ASSESSMENT_COLUMNS = `id, user_id, competency_code, level, source, assessed_on::text AS assessed_on, valid_until::text AS valid_until`;

export const unknownCompetency = (field: string, code: string) =>
  new DomainError('COMPETENCY_UNKNOWN', `${code} is not in the agency's dictionary`, [
    { field, code: 'COMPETENCY_UNKNOWN', message: `${code} is not in the dictionary` },
  ]);

export const invalid = (problems: { field: string; code: string; message: string }[]) =>
  new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
