import { escapeFormula, formatCsv, parseCsv, unescapeFormula, type CsvDelimiter } from './csv';
import {
  DEFAULT_DICTIONARY_RULES,
  isCompetencyGroup,
  sortedLevels,
  validateCompetency,
  type Competency,
  type CompetencyGroup,
  type CompetencyLevel,
  type CompetencyLevelDefinition,
  type DictionaryProblem,
  type DictionaryProblemCode,
  type DictionaryRules,
} from './dictionary';

/**
 * Dictionary import and export as CSV and JSON, pure functions over strings.
 *
 * CSV: one row per competency level, header row first, columns in any order:
 *   code, name, group, agency_id, definition, level, level_name, description, indicators
 * `agency_id`, `definition` and `level_name` may be left out (a blank level name takes the
 * regulation's name). The competency columns repeat on each of its five rows and must agree.
 * `indicators` holds one indicator per line inside the cell (Alt+Enter in a spreadsheet).
 * Groups are `manajerial`, `sosial_kultural`, `teknis` (any case; `sosial kultural` is accepted).
 *
 * JSON: `{ "format": "asah.competency-dictionary", "version": 1, "competencies": [Competency] }`,
 * or a bare array of competencies.
 *
 * An import returns the competencies that are valid and a problem for everything else, so the
 * caller can show a per-row report and decide whether to import all or nothing.
 */
export const CSV_COLUMNS = [
  'code',
  'name',
  'group',
  'agency_id',
  'definition',
  'level',
  'level_name',
  'description',
  'indicators',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['code', 'name', 'group', 'level', 'description', 'indicators'];

export const DICTIONARY_JSON_FORMAT = 'asah.competency-dictionary';
export const DICTIONARY_JSON_VERSION = 1;

export type ImportProblemCode =
  | DictionaryProblemCode
  | 'CSV_UNTERMINATED_QUOTE'
  | 'CSV_MALFORMED_QUOTE'
  | 'FILE_EMPTY'
  | 'COLUMN_MISSING'
  | 'COLUMN_UNKNOWN'
  | 'COLUMN_DUPLICATE'
  | 'ROW_WIDTH'
  | 'VALUE_CONFLICT'
  | 'VALUE_TYPE'
  | 'AGENCY_MISMATCH'
  | 'JSON_INVALID'
  | 'FORMAT_UNSUPPORTED';

export interface ImportProblem {
  code: ImportProblemCode;
  /** CSV: the line the row starts on. JSON: only for `JSON_INVALID`, when the parser says where. */
  line: number | null;
  /** JSON: where in the document, e.g. `competencies[2].levels[0].indicators`. */
  path: string | null;
  /** The CSV column or JSON field the problem is about. */
  field: string | null;
  competencyCode: string | null;
  level?: number;
  message: string;
}

export interface DictionaryImport {
  competencies: Competency[];
  problems: ImportProblem[];
}

export interface DictionaryImportOptions {
  rules?: DictionaryRules;
  /**
   * The agency importing. Technical competencies with no agency get this one; a row naming a
   * different agency is refused. Leave undefined to take agency ids as written.
   */
  agencyId?: string;
}

// ---------------------------------------------------------------------------------------------
// CSV

export function exportDictionaryCsv(
  competencies: readonly Competency[],
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const competency of competencies) {
    for (const level of sortedLevels(competency)) {
      const values: Record<CsvColumn, string> = {
        code: competency.code,
        name: competency.name,
        group: competency.group,
        agency_id: competency.agencyId ?? '',
        definition: competency.definition ?? '',
        level: String(level.level),
        level_name: level.name,
        description: level.description,
        indicators: level.indicators.join('\n'),
      };
      rows.push(CSV_COLUMNS.map((column) => escapeFormula(values[column])));
    }
  }
  return formatCsv(rows, options);
}

interface CompetencyDraft {
  competency: Competency;
  firstLine: number;
  lineByLevel: Map<number, number>;
  broken: boolean;
}

export function importDictionaryCsv(text: string, options: DictionaryImportOptions = {}): DictionaryImport {
  const rules = options.rules ?? DEFAULT_DICTIONARY_RULES;
  const parsed = parseCsv(text);
  const problems: ImportProblem[] = parsed.problems.map((problem) => ({
    ...problem,
    path: null,
    field: null,
    competencyCode: null,
  }));
  const [header, ...rows] = parsed.records;
  if (!header) {
    problems.push(csvProblem('FILE_EMPTY', 1, null, null, 'The file has no header row'));
    return { competencies: [], problems };
  }

  const columns = readHeader(header.fields, problems);
  if (!columns) return { competencies: [], problems };

  const drafts = new Map<string, CompetencyDraft>();
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      problems.push(
        csvProblem('ROW_WIDTH', row.line, null, null, `The row has ${row.fields.length} cells, the header ${header.fields.length}`),
      );
      continue;
    }
    const cell = (column: CsvColumn): string => {
      const index = columns.get(column);
      return index === undefined ? '' : unescapeFormula(row.fields[index]).trim();
    };
    readCsvRow(row.line, cell, drafts, problems, options, rules);
  }
  return finishDrafts(drafts, problems, rules, (draft, problem) => ({
    line: problem.level === undefined ? draft.firstLine : (draft.lineByLevel.get(problem.level) ?? draft.firstLine),
    path: null,
    field: csvColumnOfProblem(problem),
  }));
}

/** Validation speaks JSON field names; a CSV report names the column. */
function csvColumnOfProblem(problem: DictionaryProblem): CsvColumn {
  if (problem.field === 'agencyId') return 'agency_id';
  if (problem.field === 'levels') return 'level';
  if (problem.field === 'name' && problem.level !== undefined) return 'level_name';
  return problem.field as CsvColumn;
}

function readHeader(fields: string[], problems: ImportProblem[]): Map<CsvColumn, number> | null {
  const columns = new Map<CsvColumn, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push(csvProblem('COLUMN_UNKNOWN', 1, raw, null, `Unknown column "${raw}"; columns are ${CSV_COLUMNS.join(', ')}`));
      return;
    }
    const column = name as CsvColumn;
    if (columns.has(column)) problems.push(csvProblem('COLUMN_DUPLICATE', 1, column, null, `Column ${column} appears twice`));
    else columns.set(column, index);
  });
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columns.has(column));
  for (const column of missing) problems.push(csvProblem('COLUMN_MISSING', 1, column, null, `Column ${column} is missing`));
  return missing.length > 0 ? null : columns;
}

function readCsvRow(
  line: number,
  cell: (column: CsvColumn) => string,
  drafts: Map<string, CompetencyDraft>,
  problems: ImportProblem[],
  options: DictionaryImportOptions,
  rules: DictionaryRules,
): void {
  const code = cell('code');
  const group = normaliseGroup(cell('group'));
  const levelText = cell('level');
  const rowProblem = (problemCode: ImportProblemCode, field: string, message: string) =>
    problems.push(csvProblem(problemCode, line, field, code || null, message));

  if (!/^[1-5]$/.test(levelText)) {
    rowProblem('LEVEL_INVALID', 'level', `Level must be an integer from 1 to 5, got "${levelText}"`);
    markBroken(drafts, code);
    return;
  }
  if (!isCompetencyGroup(group)) {
    rowProblem('GROUP_INVALID', 'group', `Group must be manajerial, sosial_kultural or teknis, got "${cell('group')}"`);
    markBroken(drafts, code);
    return;
  }
  const agencyId = resolveAgency(cell('agency_id'), group, options);
  if (agencyId === false) {
    rowProblem('AGENCY_MISMATCH', 'agency_id', `Row belongs to agency ${cell('agency_id')}, not to the importing agency`);
    markBroken(drafts, code);
    return;
  }

  const level = Number(levelText) as CompetencyLevel;
  const competency: Competency = {
    code,
    name: cell('name'),
    group,
    agencyId,
    ...(cell('definition') ? { definition: cell('definition') } : {}),
    levels: [],
  };
  const draft = drafts.get(code) ?? { competency, firstLine: line, lineByLevel: new Map(), broken: false };
  drafts.set(code, draft);
  if (draft.broken) return;

  for (const field of ['name', 'group', 'agencyId', 'definition'] as const) {
    if (draft.competency[field] !== competency[field]) {
      rowProblem('VALUE_CONFLICT', csvColumnOf(field), `${csvColumnOf(field)} differs from line ${draft.firstLine} of ${code}`);
      draft.broken = true;
      return;
    }
  }
  if (draft.lineByLevel.has(level)) {
    rowProblem('LEVEL_DUPLICATE', 'level', `Level ${level} of ${code} is already on line ${draft.lineByLevel.get(level)}`);
    draft.broken = true;
    return;
  }
  draft.lineByLevel.set(level, line);
  draft.competency.levels.push({
    level,
    name: cell('level_name') || rules.levelNames[level],
    description: cell('description'),
    indicators: splitIndicators(cell('indicators')),
  });
}

function markBroken(drafts: Map<string, CompetencyDraft>, code: string): void {
  const draft = drafts.get(code);
  if (draft) draft.broken = true;
  // A competency whose first row is broken still must not import from its remaining rows.
  else drafts.set(code, { competency: placeholder(code), firstLine: 0, lineByLevel: new Map(), broken: true });
}

function placeholder(code: string): Competency {
  return { code, name: '', group: 'teknis', agencyId: null, levels: [] };
}

function csvColumnOf(field: 'name' | 'group' | 'agencyId' | 'definition'): CsvColumn {
  return field === 'agencyId' ? 'agency_id' : field;
}

function normaliseGroup(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '_');
}

function splitIndicators(value: string): string[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((indicator) => indicator.trim())
    .filter((indicator) => indicator !== '');
}

/** The agency id to store, or `false` when the row belongs to another agency. */
function resolveAgency(
  written: string,
  group: CompetencyGroup,
  options: DictionaryImportOptions,
): string | null | false {
  if (options.agencyId === undefined) return written || null;
  if (written && written !== options.agencyId) return false;
  return written || (group === 'teknis' ? options.agencyId : null);
}

function csvProblem(
  code: ImportProblemCode,
  line: number,
  field: string | null,
  competencyCode: string | null,
  message: string,
): ImportProblem {
  return { code, line, path: null, field, competencyCode, message };
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface DictionaryJson {
  format: typeof DICTIONARY_JSON_FORMAT;
  version: typeof DICTIONARY_JSON_VERSION;
  competencies: Competency[];
}

export function exportDictionaryJson(competencies: readonly Competency[]): string {
  const document: DictionaryJson = {
    format: DICTIONARY_JSON_FORMAT,
    version: DICTIONARY_JSON_VERSION,
    competencies: competencies.map((competency) => ({
      code: competency.code,
      name: competency.name,
      group: competency.group,
      ...(competency.definition === undefined ? {} : { definition: competency.definition }),
      agencyId: competency.agencyId,
      levels: sortedLevels(competency).map((level) => ({
        level: level.level,
        name: level.name,
        description: level.description,
        indicators: [...level.indicators],
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function importDictionaryJson(text: string, options: DictionaryImportOptions = {}): DictionaryImport {
  const rules = options.rules ?? DEFAULT_DICTIONARY_RULES;
  const problems: ImportProblem[] = [];
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ ...jsonProblem('JSON_INVALID', null, null, null, `Not valid JSON: ${message}`), line: lineOfJsonError(text, message) });
    return { competencies: [], problems };
  }

  const list = competencyList(document, problems);
  if (!list) return { competencies: [], problems };

  const drafts = new Map<string, CompetencyDraft & { path: string }>();
  list.forEach((item, index) => {
    const path = `competencies[${index}]`;
    const competency = readJsonCompetency(item, path, problems, options, rules);
    if (!competency) return;
    if (drafts.has(competency.code)) {
      problems.push(jsonProblem('CODE_DUPLICATE', `${path}.code`, 'code', competency.code, `Code ${competency.code} is used more than once`));
      drafts.get(competency.code)!.broken = true;
      return;
    }
    drafts.set(competency.code, { competency, firstLine: 0, lineByLevel: new Map(), broken: false, path });
  });
  return finishDrafts(drafts, problems, rules, (draft, problem) => {
    const { path } = draft as CompetencyDraft & { path: string };
    const base = problem.levelIndex === undefined ? path : `${path}.levels[${problem.levelIndex}]`;
    return { line: null, path: `${base}.${problem.field}`, field: problem.field };
  });
}

function competencyList(document: unknown, problems: ImportProblem[]): unknown[] | null {
  if (Array.isArray(document)) return document;
  if (!isRecord(document)) {
    problems.push(jsonProblem('FORMAT_UNSUPPORTED', null, null, null, 'Expected an object with "competencies" or an array'));
    return null;
  }
  if (document.format !== DICTIONARY_JSON_FORMAT || document.version !== DICTIONARY_JSON_VERSION) {
    problems.push(
      jsonProblem(
        'FORMAT_UNSUPPORTED',
        'format',
        'format',
        null,
        `Expected format "${DICTIONARY_JSON_FORMAT}" version ${DICTIONARY_JSON_VERSION}`,
      ),
    );
    return null;
  }
  if (!Array.isArray(document.competencies)) {
    problems.push(jsonProblem('VALUE_TYPE', 'competencies', 'competencies', null, '"competencies" must be an array'));
    return null;
  }
  return document.competencies;
}

function readJsonCompetency(
  item: unknown,
  path: string,
  problems: ImportProblem[],
  options: DictionaryImportOptions,
  rules: DictionaryRules,
): Competency | null {
  if (!isRecord(item)) {
    problems.push(jsonProblem('VALUE_TYPE', path, null, null, 'A competency must be an object'));
    return null;
  }
  const code = typeof item.code === 'string' ? item.code.trim() : null;
  const typeProblem = (field: string, expected: string) => {
    problems.push(jsonProblem('VALUE_TYPE', `${path}.${field}`, field, code, `${field} must be ${expected}`));
    return null;
  };
  if (code === null) return typeProblem('code', 'a string');
  if (typeof item.name !== 'string') return typeProblem('name', 'a string');
  if (typeof item.group !== 'string') return typeProblem('group', 'a string');
  if (item.definition !== undefined && typeof item.definition !== 'string') return typeProblem('definition', 'a string');
  if (item.agencyId !== undefined && item.agencyId !== null && typeof item.agencyId !== 'string') {
    return typeProblem('agencyId', 'a string or null');
  }
  if (!Array.isArray(item.levels)) return typeProblem('levels', 'an array');

  const group = normaliseGroup(item.group.trim());
  if (!isCompetencyGroup(group)) {
    problems.push(jsonProblem('GROUP_INVALID', `${path}.group`, 'group', code, `Group must be manajerial, sosial_kultural or teknis`));
    return null;
  }
  const agencyId = resolveAgency(typeof item.agencyId === 'string' ? item.agencyId.trim() : '', group, options);
  if (agencyId === false) {
    problems.push(jsonProblem('AGENCY_MISMATCH', `${path}.agencyId`, 'agencyId', code, 'Belongs to another agency'));
    return null;
  }

  const levels: CompetencyLevelDefinition[] = [];
  for (const [index, raw] of item.levels.entries()) {
    const level = readJsonLevel(raw, `${path}.levels[${index}]`, code, problems, rules);
    if (!level) return null;
    levels.push(level);
  }
  return {
    code,
    name: item.name.trim(),
    group,
    ...(typeof item.definition === 'string' && item.definition.trim() ? { definition: item.definition.trim() } : {}),
    agencyId,
    levels,
  };
}

function readJsonLevel(
  raw: unknown,
  path: string,
  code: string,
  problems: ImportProblem[],
  rules: DictionaryRules,
): CompetencyLevelDefinition | null {
  const typeProblem = (field: string, expected: string) => {
    problems.push(jsonProblem('VALUE_TYPE', `${path}.${field}`, field, code, `${field} must be ${expected}`));
    return null;
  };
  if (!isRecord(raw)) {
    problems.push(jsonProblem('VALUE_TYPE', path, null, code, 'A level must be an object'));
    return null;
  }
  if (typeof raw.level !== 'number') return typeProblem('level', 'a number');
  if (raw.name !== undefined && typeof raw.name !== 'string') return typeProblem('name', 'a string');
  if (typeof raw.description !== 'string') return typeProblem('description', 'a string');
  if (!Array.isArray(raw.indicators) || raw.indicators.some((indicator) => typeof indicator !== 'string')) {
    return typeProblem('indicators', 'an array of strings');
  }
  const level = raw.level as CompetencyLevel;
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : rules.levelNames[level];
  return {
    level,
    name: name ?? '',
    description: raw.description.trim(),
    indicators: (raw.indicators as string[]).map((indicator) => indicator.trim()),
  };
}

function jsonProblem(
  code: ImportProblemCode,
  path: string | null,
  field: string | null,
  competencyCode: string | null,
  message: string,
): ImportProblem {
  return { code, line: null, path, field, competencyCode, message };
}

/** Node's message says `position 123` or `(line 4 column 7)`, depending on the version. */
function lineOfJsonError(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return null;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------

function finishDrafts(
  drafts: Map<string, CompetencyDraft>,
  problems: ImportProblem[],
  rules: DictionaryRules,
  locate: (draft: CompetencyDraft, problem: DictionaryProblem) => Place,
): DictionaryImport {
  const competencies: Competency[] = [];
  for (const draft of drafts.values()) {
    if (draft.broken) continue;
    const found = validateCompetency(draft.competency, rules);
    problems.push(...found.map((problem) => locateProblem(problem, locate(draft, problem))));
    if (found.length === 0) competencies.push({ ...draft.competency, levels: sortedLevels(draft.competency) });
  }
  return { competencies, problems: problems.sort(byPlace) };
}

type Place = Pick<ImportProblem, 'line' | 'path' | 'field'>;

function locateProblem(problem: DictionaryProblem, place: Place): ImportProblem {
  return {
    code: problem.code,
    ...place,
    competencyCode: problem.competencyCode,
    ...(problem.level === undefined ? {} : { level: problem.level }),
    message: problem.message,
  };
}

function byPlace(a: ImportProblem, b: ImportProblem): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
