import ExcelJS from 'exceljs';
import type { TJpComplianceRow, TJpComplianceStatus } from '@asah/contracts/jp-ledger';

/** Indonesian, like the portals' default: the file is read by BKPSDM staff. */
const COLUMNS = ['NIP', 'Nama', 'Jenis Pegawai', 'Unit Kerja', 'Jabatan', 'JP Diperoleh', 'JP Dihitung', 'Target JP', 'Batas JP', 'Kekurangan JP', 'Status'] as const;
const STATUS_LABELS: Record<TJpComplianceStatus, string> = { below: 'Di bawah target', met: 'Memenuhi target', no_target: 'Tanpa target' };

/** `19860926 201505 1 001`: readable, and kept as text by spreadsheets (18 digits would become 1.98609E+17). */
export const groupNip = (nip: string | null) => (nip && /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : (nip ?? ''));

function cells(r: TJpComplianceRow): (string | number | null)[] {
  return [groupNip(r.nip), r.name, r.employmentType ?? '', r.unit?.name ?? '', r.position?.name ?? '', r.earned, r.total, r.target, r.cap, r.remaining, STATUS_LABELS[r.status]];
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte order mark (so Excel reads the names right), comma-separated, CRLF lines. */
export function complianceCsv(rows: TJpComplianceRow[]): Buffer {
  const lines = [COLUMNS.join(','), ...rows.map((r) => cells(r).map(csvCell).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function complianceXlsx(rows: TJpComplianceRow[], year: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Asah';
  const sheet = book.addWorksheet(`JP ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((header, i) => ({ header, width: [24, 32, 14, 36, 32, 12, 12, 10, 10, 14, 18][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r));
  for (const col of [6, 7, 8, 9, 10]) sheet.getColumn(col).numFmt = '0.00';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
