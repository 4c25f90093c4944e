import ExcelJS from 'exceljs';
import type { TJpComplianceRow } from '@asah/contracts/jp-ledger';
import { complianceCsv, complianceXlsx, groupNip } from './jp-export';

const row = (overrides: Partial<TJpComplianceRow> = {}): TJpComplianceRow => ({
  userId: '7b0d4b4e-0000-4000-8000-000000000001',
  name: 'Budi Santoso, S.Kom.',
  nip: '198609262015051001',
  employmentType: 'PNS',
  unit: { id: '7b0d4b4e-0000-4000-8000-000000000002', code: 'DINKES', name: 'Dinas Kesehatan' },
  position: null,
  earned: 12.5,
  total: 12.5,
  target: 20,
  cap: null,
  remaining: 7.5,
  status: 'below',
  ...overrides,
});

describe('JP compliance export', () => {
  it('groups NIPs 8-6-1-3 so spreadsheets keep them as text', () => {
    expect(groupNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(groupNip(null)).toBe('');
  });

  it('writes CSV with a BOM, quoted commas, and formulas defused', () => {
    const text = complianceCsv([row(), row({ name: '=HYPERLINK("x")', nip: null })]).toString('utf8');
    expect(text.startsWith('\uFEFFNIP,Nama,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines[1]).toBe('19860926 201505 1 001,"Budi Santoso, S.Kom.",PNS,Dinas Kesehatan,,12.5,12.5,20,,7.5,Di bawah target');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes an XLSX sheet with a header row and numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await complianceXlsx([row()], 2026)) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('JP 2026')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('NIP');
    expect(sheet.getRow(2).getCell(1).value).toBe('19860926 201505 1 001');
    expect(sheet.getRow(2).getCell(6).value).toBe(12.5);
    expect(sheet.getRow(2).getCell(11).value).toBe('Di bawah target');
  });
});
