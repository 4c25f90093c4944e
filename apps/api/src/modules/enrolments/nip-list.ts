import { parse } from 'csv-parse/sync';
import { BULK_MAX } from '@asah/contracts/enrolments';
import { DomainError } from '../../common/errors/domain-error';

export interface NipLine {
  /** Line of the file (header = 1), or place in a pasted list (1-based). */
  line: number;
  nip: string;
}

const badFile = (message: string, details?: unknown) => new DomainError('IMPORT_INVALID_FILE', message, details);
const NIP_HEADERS = ['nip', 'nip_baru', 'nomor_induk_pegawai'];

/**
 * NIPs from a CSV file: the column headed `nip` (other columns, e.g. a name, are ignored), or the
 * first column when the first line is not a header (a bare list of NIPs). `,` or `;` separated.
 */
export function parseNipCsv(file: Buffer): NipLine[] {
  const text = file.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw badFile('The file is not UTF-8 text; save it as CSV (UTF-8)');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw badFile(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw badFile('The file is empty');
  const header = records[0].record.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  let column = header.findIndex((h) => NIP_HEADERS.includes(h));
  let body = records.slice(1);
  if (column < 0) {
    // No header naming the NIP: a bare list if the first cell looks like a NIP, else a header we do not understand.
    if (!/^[\d\s.-]{8,}$/.test(records[0].record[0]?.trim() ?? '')) {
      throw badFile('No "nip" column: head the column of NIPs with "nip", or list only NIPs', [{ field: 'file', code: 'NIP_COLUMN_MISSING', message: 'No "nip" column' }]);
    }
    column = 0;
    body = records;
  }
  const lines = body.map(({ record, info }) => ({ line: info.lines, nip: (record[column] ?? '').trim() })).filter((l) => l.nip !== '');
  if (lines.length === 0) throw badFile('The file lists no NIP', [{ field: 'file', code: 'EMPTY', message: 'The file lists no NIP' }]);
  if (lines.length > BULK_MAX) throw badFile(`At most ${BULK_MAX} NIPs per file`, [{ field: 'file', code: 'TOO_MANY_ROWS', message: `At most ${BULK_MAX} NIPs per file` }]);
  return lines;
}
