import ExcelJS from 'exceljs';
import type { TNeedsHeatmap, TPlanDetail, TWorkloadReport } from '@asah/contracts/competency';
import { groupNip } from '../jp/jp-export';

/** Spreadsheets in Indonesian, like the portals' default: they are read by BKPSDM staff. */
const SEVERITY = { none: 'Memenuhi', minor: 'Kesenjangan kecil', major: 'Kesenjangan besar', unassessed: 'Belum dinilai' } as const;
const STATUS = { shortage: 'Kekurangan', excess: 'Kelebihan', balanced: 'Seimbang' } as const;
const PLAN_STATUS = { draft: 'Draf', submitted: 'Diajukan', approved: 'Disetujui', rejected: 'Ditolak' } as const;

const buffer = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
/** A text cell a spreadsheet would run as a formula gets a leading quote. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Sheet 1: heatmap (needs development per unit × competency, indented by depth); sheet 2: counts by severity. */
export async function needsXlsx(h: TNeedsHeatmap): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Asah';
  const codes = h.competencies.map((c) => c.code);
  const cell = new Map(h.cells.map((c) => [`${c.unitId}|${c.competencyCode}`, c]));
  const heat = book.addWorksheet('Peta Kesenjangan', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  heat.columns = [
    { header: 'Unit Kerja', width: 40 },
    ...codes.map((c) => ({ header: c, width: 10 })),
    { header: 'Pegawai', width: 10 },
    { header: 'Perlu Pengembangan', width: 20 },
    { header: 'Di Bawah Target JP', width: 20 },
    { header: 'Kekurangan JP', width: 16 },
  ];
  heat.getRow(1).font = { bold: true };
  let max = 1;
  for (const c of h.cells) max = Math.max(max, c.needsDevelopment);
  for (const u of h.units) {
    const row = heat.addRow([
      `${'  '.repeat(u.depth)}${safe(u.unit.name)}`,
      ...codes.map((code) => cell.get(`${u.unit.id}|${code}`)?.needsDevelopment ?? 0),
      u.subtree.employees,
      u.subtree.employeesNeedingDevelopment,
      u.subtree.jp.belowTarget,
      u.subtree.jp.lacking,
    ]);
    codes.forEach((code, i) => {
      const n = cell.get(`${u.unit.id}|${code}`)?.needsDevelopment ?? 0;
      if (!n) return;
      // White to red by share of the largest cell, as on the page.
      const shade = Math.round(255 - (n / max) * 155).toString(16).padStart(2, '0');
      row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FFFF${shade}${shade}` } };
    });
  }
  const detail = book.addWorksheet('Rincian', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = ['Unit Kerja', 'Kode Kompetensi', 'Kompetensi', SEVERITY.none, SEVERITY.minor, SEVERITY.major, SEVERITY.unassessed, 'Jumlah'].map((header, i) => ({ header, width: [40, 16, 36, 12, 18, 18, 14, 10][i] }));
  detail.getRow(1).font = { bold: true };
  const names = new Map(h.competencies.map((c) => [c.code, c.name]));
  const units = new Map(h.units.map((u) => [u.unit.id, u.unit.name]));
  for (const c of h.cells) detail.addRow([safe(units.get(c.unitId) ?? ''), c.competencyCode, safe(names.get(c.competencyCode) ?? ''), c.none, c.minor, c.major, c.unassessed, c.total]);
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  return buffer(book);
}

export async function workloadXlsx(r: TWorkloadReport, units: Map<string, string>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Asah';
  const positions = book.addWorksheet('Jabatan', { views: [{ state: 'frozen', ySplit: 1 }] });
  positions.columns = ['Unit Kerja', 'Kode Jabatan', 'Jabatan', 'Jumlah Tugas', 'Beban Kerja (jam)', 'Kebutuhan (pecahan)', 'Kebutuhan Pegawai', 'Pegawai Ada', 'Selisih', 'Keterangan'].map((header, i) => ({
    header,
    width: [36, 14, 32, 12, 16, 18, 16, 12, 10, 14][i],
  }));
  positions.getRow(1).font = { bold: true };
  for (const p of r.positions) {
    positions.addRow([safe(units.get(p.unitId) ?? ''), p.position.code, safe(p.position.name), p.taskCount, p.workloadHours, p.staffNeededExact, p.staffNeeded, p.staffInPost, p.difference, STATUS[p.status]]);
  }
  const perUnit = book.addWorksheet('Unit Kerja', { views: [{ state: 'frozen', ySplit: 1 }] });
  perUnit.columns = ['Unit Kerja', 'Beban Kerja (jam)', 'Kebutuhan Pegawai', 'Pegawai Ada', 'Kekurangan', 'Kelebihan', 'Selisih', 'Keterangan'].map((header, i) => ({ header, width: [40, 16, 16, 12, 12, 12, 10, 14][i] }));
  perUnit.getRow(1).font = { bold: true };
  for (const u of r.units) {
    const t = u.subtree;
    perUnit.addRow([`${'  '.repeat(u.depth)}${safe(u.unit.name)}`, t.workloadHours, t.staffNeeded, t.staffInPost, t.shortage, t.excess, t.difference, STATUS[t.status]]);
  }
  perUnit.addRow([`Jam kerja efektif per tahun: ${r.effectiveHoursPerYear}`]);
  return buffer(book);
}

export async function planXlsx(plan: TPlanDetail): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Asah';
  const sheet = book.addWorksheet(`Rencana ${plan.year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ['Program', 'Kode Kompetensi', 'Kompetensi', 'Jalur', 'Bentuk', 'Penyelenggara', 'Mulai', 'Selesai', 'JP per Orang', 'Jumlah Peserta', 'Anggaran (Rp)', 'Peserta'].map((header, i) => ({
    header,
    width: [36, 14, 30, 14, 18, 28, 12, 12, 12, 14, 16, 60][i],
  }));
  sheet.getRow(1).font = { bold: true };
  for (const p of plan.programs) {
    sheet.addRow([
      safe(p.title),
      p.competency.code,
      safe(p.competency.name),
      p.route === 'klasikal' ? 'Klasikal' : 'Non-klasikal',
      p.form,
      safe(p.provider),
      p.startsOn,
      p.endsOn,
      p.jpPerPerson,
      p.targetEmployees.length,
      p.budget,
      p.targetEmployees.map((e) => `${safe(e.name)} (${groupNip(e.nip)})`).join('; '),
    ]);
  }
  sheet.getColumn(11).numFmt = '#,##0';
  sheet.addRow([]);
  sheet.addRow(['Status', PLAN_STATUS[plan.status]]);
  sheet.addRow(['Total JP (orang × JP)', plan.totals.personJp]);
  sheet.addRow(['Total anggaran (Rp)', plan.totals.budget]);
  sheet.addRow(['Pegawai', plan.totals.people]);
  return buffer(book);
}
