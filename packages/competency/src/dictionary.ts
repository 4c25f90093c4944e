/**
 * Competency dictionaries (kamus kompetensi), after Permenpan RB 38/2017: three groups, five
 * levels per competency, each level with a description and behaviour indicators.
 * Managerial and socio-cultural competencies are national; technical ones belong to an agency.
 */
export const COMPETENCY_GROUPS = ['manajerial', 'sosial_kultural', 'teknis'] as const;
export type CompetencyGroup = (typeof COMPETENCY_GROUPS)[number];

export const COMPETENCY_LEVELS = [1, 2, 3, 4, 5] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

/** Level names set by the regulation. */
export const DEFAULT_LEVEL_NAMES: Readonly<Record<CompetencyLevel, string>> = {
  1: 'Paham',
  2: 'Dasar',
  3: 'Menengah',
  4: 'Mumpuni',
  5: 'Ahli',
};

export interface CompetencyLevelDefinition {
  level: CompetencyLevel;
  name: string;
  description: string;
  indicators: string[];
}

export interface Competency {
  code: string;
  name: string;
  group: CompetencyGroup;
  /** What the competency means as a whole; optional. */
  definition?: string;
  /** The owning agency; required for `teknis`, `null` for the national competencies. */
  agencyId: string | null;
  levels: CompetencyLevelDefinition[];
}

export function isCompetencyGroup(value: unknown): value is CompetencyGroup {
  return (COMPETENCY_GROUPS as readonly unknown[]).includes(value);
}

export function isCompetencyLevel(value: unknown): value is CompetencyLevel {
  return (COMPETENCY_LEVELS as readonly unknown[]).includes(value);
}

export interface DictionaryRules {
  /** Upper-case segments joined by `.`, `-` or `_`, e.g. `M.01`, `SK.01`, `T.KES.03`. */
  codePattern: RegExp;
  codeMaxLength: number;
  /**
   * Prefix a group's codes must start with. A technical code may not start with another group's
   * prefix, so `M.09` can never be mistaken for a national managerial competency.
   */
  groupPrefixes: Readonly<Partial<Record<CompetencyGroup, string>>>;
  levelNames: Readonly<Record<CompetencyLevel, string>>;
  minIndicatorsPerLevel: number;
}

export const DEFAULT_DICTIONARY_RULES: DictionaryRules = {
  codePattern: /^[A-Z][A-Z0-9]*(?:[._-][A-Z0-9]+)*$/,
  // The contracts' ZCode allows 50; 30 keeps codes readable in the heatmap's column headers.
  codeMaxLength: 30,
  groupPrefixes: { manajerial: 'M.', sosial_kultural: 'SK.' },
  levelNames: DEFAULT_LEVEL_NAMES,
  minIndicatorsPerLevel: 1,
};

export const DICTIONARY_PROBLEM_CODES = [
  'CODE_INVALID',
  'CODE_PREFIX',
  'CODE_DUPLICATE',
  'NAME_MISSING',
  'GROUP_INVALID',
  'AGENCY_REQUIRED',
  'LEVEL_INVALID',
  'LEVEL_DUPLICATE',
  'LEVEL_MISSING',
  'LEVEL_NAME_MISMATCH',
  'DESCRIPTION_MISSING',
  'INDICATORS_MISSING',
  'INDICATOR_EMPTY',
] as const;
export type DictionaryProblemCode = (typeof DICTIONARY_PROBLEM_CODES)[number];

export interface DictionaryProblem {
  code: DictionaryProblemCode;
  /** The competency the problem is about, as written (may itself be the invalid part). */
  competencyCode: string;
  /** Field name as in the JSON format: `code`, `name`, `group`, `agencyId`, `levels`, `level`, `description`, … */
  field: string;
  /** Set when the problem is inside one level. */
  level?: number;
  /** Position of that level in `levels`, for pointing into a JSON document. */
  levelIndex?: number;
  message: string;
}

/** Every problem of one competency; an empty list means it is valid. */
export function validateCompetency(
  competency: Competency,
  rules: DictionaryRules = DEFAULT_DICTIONARY_RULES,
): DictionaryProblem[] {
  const problems: DictionaryProblem[] = [];
  const add = (code: DictionaryProblemCode, field: string, message: string, at: { level?: number; levelIndex?: number } = {}) =>
    problems.push({ code, competencyCode: competency.code, field, ...at, message });

  problems.push(...codeProblems(competency, rules));
  if (!competency.name?.trim()) add('NAME_MISSING', 'name', 'The competency needs a name');
  if (!isCompetencyGroup(competency.group)) {
    add('GROUP_INVALID', 'group', `Group must be one of ${COMPETENCY_GROUPS.join(', ')}`);
  } else if (competency.group === 'teknis' && !competency.agencyId?.trim()) {
    add('AGENCY_REQUIRED', 'agencyId', 'Technical competencies belong to an agency');
  }

  const seen = new Set<number>();
  for (const [levelIndex, definition] of (competency.levels ?? []).entries()) {
    const level = definition.level;
    if (!isCompetencyLevel(level)) {
      add('LEVEL_INVALID', 'level', `Level must be an integer from 1 to 5, got ${String(level)}`, { levelIndex });
      continue;
    }
    if (seen.has(level)) {
      add('LEVEL_DUPLICATE', 'level', `Level ${level} appears more than once`, { level, levelIndex });
      continue;
    }
    seen.add(level);
    problems.push(...levelProblems(competency.code, definition, levelIndex, rules));
  }
  for (const level of COMPETENCY_LEVELS) {
    if (!seen.has(level)) add('LEVEL_MISSING', 'levels', `Level ${level} is missing`, { level });
  }
  return problems;
}

function codeProblems(competency: Competency, rules: DictionaryRules): DictionaryProblem[] {
  const { code, group } = competency;
  const problem = (problemCode: DictionaryProblemCode, message: string): DictionaryProblem[] => [
    { code: problemCode, competencyCode: code, field: 'code', message },
  ];
  if (typeof code !== 'string' || code.length > rules.codeMaxLength || !rules.codePattern.test(code)) {
    return problem(
      'CODE_INVALID',
      `Use at most ${rules.codeMaxLength} upper-case letters and digits in segments joined by ".", "-" or "_" (e.g. M.01)`,
    );
  }
  const ownPrefix = rules.groupPrefixes[group];
  if (ownPrefix && !code.startsWith(ownPrefix)) {
    return problem('CODE_PREFIX', `Codes of group ${group} start with "${ownPrefix}"`);
  }
  for (const [otherGroup, prefix] of Object.entries(rules.groupPrefixes)) {
    if (otherGroup !== group && prefix && code.startsWith(prefix)) {
      return problem('CODE_PREFIX', `The prefix "${prefix}" is reserved for group ${otherGroup}`);
    }
  }
  return [];
}

function levelProblems(
  competencyCode: string,
  definition: CompetencyLevelDefinition,
  levelIndex: number,
  rules: DictionaryRules,
): DictionaryProblem[] {
  const { level } = definition;
  const problems: DictionaryProblem[] = [];
  const add = (code: DictionaryProblemCode, field: string, message: string) =>
    problems.push({ code, competencyCode, field, level, levelIndex, message });

  const expectedName = rules.levelNames[level];
  if (definition.name !== expectedName) {
    add('LEVEL_NAME_MISMATCH', 'name', `Level ${level} is named "${expectedName}"`);
  }
  if (!definition.description?.trim()) add('DESCRIPTION_MISSING', 'description', `Level ${level} needs a description`);
  const indicators = definition.indicators ?? [];
  if (indicators.some((indicator) => !indicator?.trim())) {
    add('INDICATOR_EMPTY', 'indicators', `Level ${level} has an empty indicator`);
  }
  if (indicators.filter((indicator) => indicator?.trim()).length < rules.minIndicatorsPerLevel) {
    add('INDICATORS_MISSING', 'indicators', `Level ${level} needs at least ${rules.minIndicatorsPerLevel} indicator(s)`);
  }
  return problems;
}

/** Problems of every competency plus codes used twice. */
export function validateDictionary(
  competencies: readonly Competency[],
  rules: DictionaryRules = DEFAULT_DICTIONARY_RULES,
): DictionaryProblem[] {
  const problems: DictionaryProblem[] = [];
  const seen = new Set<string>();
  for (const competency of competencies) {
    problems.push(...validateCompetency(competency, rules));
    if (seen.has(competency.code)) {
      problems.push({
        code: 'CODE_DUPLICATE',
        competencyCode: competency.code,
        field: 'code',
        message: `Code ${competency.code} is used more than once`,
      });
    }
    seen.add(competency.code);
  }
  return problems;
}

/** Levels sorted 1 → 5, whatever order they were stored in. */
export function sortedLevels(competency: Competency): CompetencyLevelDefinition[] {
  return [...competency.levels].sort((a, b) => a.level - b.level);
}

export function findCompetency(competencies: readonly Competency[], code: string): Competency | undefined {
  return competencies.find((competency) => competency.code === code);
}

/**
 * The dictionary an agency works with: the national competencies plus its own technical ones.
 * An agency's edited copy of a national competency (same code) replaces the national text.
 */
export function agencyDictionary(
  national: readonly Competency[],
  agencyCompetencies: readonly Competency[],
): Competency[] {
  const byCode = new Map<string, Competency>();
  for (const competency of national) byCode.set(competency.code, competency);
  for (const competency of agencyCompetencies) byCode.set(competency.code, competency);
  return [...byCode.values()];
}
