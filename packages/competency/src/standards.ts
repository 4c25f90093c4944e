import type { TFunctionalLevel, TPositionType } from '@asah/contracts/positions';
import { isCompetencyLevel, type Competency, type CompetencyGroup, type CompetencyLevel } from './dictionary';
import { CompetencyError } from './errors';

/**
 * Position competency standards (standar kompetensi jabatan): the level each competency requires
 * for a position. Defaults come from the position type; an agency overrides them per position.
 */
export type LevelByPositionType = Readonly<Partial<Record<TPositionType, CompetencyLevel>>>;
export type LevelByFunctionalLevel = Readonly<Partial<Record<TFunctionalLevel, CompetencyLevel>>>;

/**
 * The usual managerial level by position type (Permenpan RB 38/2017). Functional positions have
 * no default: the agency sets their level per position.
 */
export const DEFAULT_MANAGERIAL_LEVEL_BY_POSITION_TYPE = {
  jpt_madya: 5,
  jpt_pratama: 4,
  administrator: 3,
  pengawas: 2,
  pelaksana: 1,
} as const satisfies LevelByPositionType;

/** Socio-cultural competency (Perekat Bangsa) follows the same ladder as the managerial ones. */
export const DEFAULT_SOSIAL_KULTURAL_LEVEL_BY_POSITION_TYPE = {
  ...DEFAULT_MANAGERIAL_LEVEL_BY_POSITION_TYPE,
} as const satisfies LevelByPositionType;

export interface StandardDefaults {
  /** Per group; a group or position type left out has no default (teknis never has one). */
  byPositionType: Readonly<Partial<Record<CompetencyGroup, LevelByPositionType>>>;
  /** Agency defaults for functional positions by their level; empty by regulation. */
  byFunctionalLevel: Readonly<Partial<Record<CompetencyGroup, LevelByFunctionalLevel>>>;
}

export const DEFAULT_STANDARD_DEFAULTS: StandardDefaults = {
  byPositionType: {
    manajerial: DEFAULT_MANAGERIAL_LEVEL_BY_POSITION_TYPE,
    sosial_kultural: DEFAULT_SOSIAL_KULTURAL_LEVEL_BY_POSITION_TYPE,
  },
  byFunctionalLevel: {},
};

export interface PositionRef {
  id: string;
  type: TPositionType;
  functionalLevel?: TFunctionalLevel | null;
}

/** An agency's setting for one competency of one position; `null` means "not required here". */
export interface StandardOverride {
  competencyCode: string;
  requiredLevel: CompetencyLevel | null;
}

export interface Requirement {
  competencyCode: string;
  group: CompetencyGroup;
  requiredLevel: CompetencyLevel;
  origin: 'default' | 'position';
}

export interface PositionStandard {
  positionId: string;
  /** In dictionary order; competencies not required by the position are absent. */
  requirements: Requirement[];
}

/** The default level for a position and group, or `null` when there is none. */
export function defaultRequiredLevel(
  position: PositionRef,
  group: CompetencyGroup,
  defaults: StandardDefaults = DEFAULT_STANDARD_DEFAULTS,
): CompetencyLevel | null {
  if (position.type === 'fungsional' && position.functionalLevel) {
    const byLevel = defaults.byFunctionalLevel[group]?.[position.functionalLevel];
    if (byLevel !== undefined) return byLevel;
  }
  return defaults.byPositionType[group]?.[position.type] ?? null;
}

/**
 * The effective standard of a position: each competency of the dictionary gets the position's
 * override if there is one, else the default for its group and position type.
 * Overrides naming a competency that is no longer in the dictionary are ignored, so that removing
 * a technical competency never breaks the standards that used it.
 */
export function resolvePositionStandard(input: {
  position: PositionRef;
  dictionary: readonly Competency[];
  overrides?: readonly StandardOverride[];
  defaults?: StandardDefaults;
}): PositionStandard {
  const { position, dictionary, overrides = [], defaults = DEFAULT_STANDARD_DEFAULTS } = input;
  const overrideByCode = indexOverrides(position.id, overrides);
  const requirements: Requirement[] = [];
  for (const competency of dictionary) {
    const override = overrideByCode.get(competency.code);
    const requiredLevel = override ? override.requiredLevel : defaultRequiredLevel(position, competency.group, defaults);
    if (requiredLevel === null) continue;
    requirements.push({
      competencyCode: competency.code,
      group: competency.group,
      requiredLevel,
      origin: override ? 'position' : 'default',
    });
  }
  return { positionId: position.id, requirements };
}

function indexOverrides(positionId: string, overrides: readonly StandardOverride[]): Map<string, StandardOverride> {
  const byCode = new Map<string, StandardOverride>();
  for (const override of overrides) {
    if (override.requiredLevel !== null && !isCompetencyLevel(override.requiredLevel)) {
      throw new CompetencyError('INVALID_INPUT', 'A required level is an integer from 1 to 5', { positionId, ...override });
    }
    if (byCode.has(override.competencyCode)) {
      throw new CompetencyError('DUPLICATE_RECORD', 'A position has one override per competency', { positionId, ...override });
    }
    byCode.set(override.competencyCode, override);
  }
  return byCode;
}

export type StandardProblemCode = 'COMPETENCY_UNKNOWN' | 'LEVEL_INVALID' | 'OVERRIDE_DUPLICATE';

export interface StandardProblem {
  code: StandardProblemCode;
  /** Position of the override in the list given. */
  index: number;
  competencyCode: string;
  message: string;
}

/** Checks an admin's grid edits before they are saved. */
export function validateStandardOverrides(
  overrides: readonly StandardOverride[],
  dictionary: readonly Competency[],
): StandardProblem[] {
  const known = new Set(dictionary.map((competency) => competency.code));
  const seen = new Set<string>();
  const problems: StandardProblem[] = [];
  overrides.forEach(({ competencyCode, requiredLevel }, index) => {
    const add = (code: StandardProblemCode, message: string) => problems.push({ code, index, competencyCode, message });
    if (!known.has(competencyCode)) add('COMPETENCY_UNKNOWN', `${competencyCode} is not in the dictionary`);
    if (requiredLevel !== null && !isCompetencyLevel(requiredLevel)) add('LEVEL_INVALID', 'A required level is an integer from 1 to 5');
    if (seen.has(competencyCode)) add('OVERRIDE_DUPLICATE', `${competencyCode} is set twice`);
    seen.add(competencyCode);
  });
  return problems;
}

export function requiredLevelOf(standard: PositionStandard, competencyCode: string): CompetencyLevel | null {
  return standard.requirements.find((requirement) => requirement.competencyCode === competencyCode)?.requiredLevel ?? null;
}
