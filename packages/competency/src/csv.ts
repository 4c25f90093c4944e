/**
 * Just enough CSV (RFC 4180) for dictionary files, so the package needs no dependency:
 * quoted fields with `""` escapes and line breaks inside quotes, `,` or `;` as the delimiter
 * (spreadsheets set to Indonesian regional settings save with `;`), CRLF or LF, a UTF-8 BOM.
 */
export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based physical line the record starts on, as a spreadsheet user counts it. */
  line: number;
  fields: string[];
}

export type CsvProblemCode = 'CSV_UNTERMINATED_QUOTE' | 'CSV_MALFORMED_QUOTE';

export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  message: string;
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  /** Blank lines are left out. A record with a quoting problem is left out too. */
  records: CsvRecord[];
  problems: CsvProblem[];
}

export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(input);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];

  let fields: string[] = [];
  let field = '';
  let recordLine = 1;
  let line = 1;
  let recordBroken = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank && !recordBroken) records.push({ line: recordLine, fields });
    fields = [];
    recordBroken = false;
  };

  while (i < input.length) {
    const char = input[i];
    if (char === '"' && field === '') {
      const closed = readQuoted(input, i + 1);
      if (closed === null) {
        problems.push({ line, code: 'CSV_UNTERMINATED_QUOTE', message: 'A quoted field is never closed' });
        return { delimiter, records, problems };
      }
      field = closed.value;
      line += closed.lineBreaks;
      i = closed.next;
      const after = input[i];
      if (after !== undefined && after !== delimiter && after !== '\r' && after !== '\n') {
        problems.push({ line, code: 'CSV_MALFORMED_QUOTE', message: 'Text follows a closing quote; quote the whole field' });
        recordBroken = true;
        while (i < input.length && input[i] !== delimiter && input[i] !== '\r' && input[i] !== '\n') i++;
      }
      continue;
    }
    if (char === delimiter) {
      endField();
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += char;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { delimiter, records, problems };
}

/** Reads a quoted field whose opening quote is just before `start`. */
function readQuoted(input: string, start: number): { value: string; next: number; lineBreaks: number } | null {
  let value = '';
  let lineBreaks = 0;
  let i = start;
  while (i < input.length) {
    const char = input[i];
    if (char === '"') {
      if (input[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1, lineBreaks };
    }
    if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) lineBreaks++;
    value += char;
    i++;
  }
  return null;
}

/** `;` when the header line (outside quotes) has more semicolons than commas, else `,`. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvFormatOptions {
  delimiter?: CsvDelimiter;
  /** A UTF-8 byte order mark, so that Excel reads accented letters correctly. Default true. */
  bom?: boolean;
}

/** Rows joined with CRLF (RFC 4180); a field is quoted only when it has to be. */
export function formatCsv(rows: readonly (readonly string[])[], options: CsvFormatOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((value) => quoteField(value, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

function quoteField(value: string, delimiter: CsvDelimiter): string {
  const needsQuotes =
    value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() || value === '';
  return needsQuotes && value !== '' ? `"${value.replaceAll('"', '""')}"` : value;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection), so
 * export puts a `'` in front of such a cell, and of a cell that already starts with `'`.
 * `unescapeFormula` undoes exactly that, so export then import gives back the same text.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  if (!value.startsWith("'") || value.length < 2) return value;
  const rest = value.slice(1);
  return FORMULA_START.test(rest) || rest.startsWith("'") ? rest : value;
}
