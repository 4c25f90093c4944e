import { IMPORT_MAX_ROWS } from '@asah/contracts/user-import';
import { DomainError } from '../../common/errors/domain-error';
import { parseCsv } from './user-import.service';

const file = (text: string) => Buffer.from(text, 'utf8');
const HEADER = 'nip,nama,email,jenis,kode_unit,kode_jabatan';
const ROW = '198609262015051001,Budi Santoso,budi@semarangkota.go.id,PNS,DINKES,KASI';

const failure = (buffer: Buffer) => {
  try {
    parseCsv(buffer);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the file to be refused');
};

describe('parseCsv', () => {
  it('reads Indonesian headers into the import columns', () => {
    expect(parseCsv(file(`${HEADER}\n${ROW}\n`))).toEqual([
      {
        line: 2,
        values: { nip: '198609262015051001', name: 'Budi Santoso', email: 'budi@semarangkota.go.id', employmentType: 'PNS', unitCode: 'DINKES', positionCode: 'KASI' },
      },
    ]);
  });

  it('reads English headers, in any case and spacing, in any order', () => {
    const [record] = parseCsv(file(`Email,Name,NIP,Type,Unit Code,Position-Code\nsiti@x.go.id,Siti,199104172019032002,PNS,DINKES-P2P,DOKTER\n`));
    expect(record.values).toEqual({ nip: '199104172019032002', name: 'Siti', email: 'siti@x.go.id', employmentType: 'PNS', unitCode: 'DINKES-P2P', positionCode: 'DOKTER' });
  });

  it('detects the ; separator Excel writes in an Indonesian locale', () => {
    const [record] = parseCsv(file(`${HEADER.replace(/,/g, ';')}\n${ROW.replace(/,/g, ';')}\n`));
    expect(record.values.name).toBe('Budi Santoso');
    expect(record.values.positionCode).toBe('KASI');
  });

  it('detects the separator even when the file starts with blank lines', () => {
    const [record] = parseCsv(file(`\r\n\r\n${HEADER.replace(/,/g, ';')}\r\n${ROW.replace(/,/g, ';')}\r\n`));
    expect(record).toMatchObject({ line: 4, values: { name: 'Budi Santoso', unitCode: 'DINKES' } });
  });

  it('keeps commas inside a quoted field when the separator is ;', () => {
    const [record] = parseCsv(file(`nip;nama;email;jenis;kode_unit\n1;"Santoso, Budi";b@x.id;PNS;U\n`));
    expect(record.values.name).toBe('Santoso, Budi');
  });

  it('keeps commas and quotes inside quoted fields', () => {
    const [record] = parseCsv(file(`${HEADER}\n198609262015051001,"dr. Siti Aminah, Sp.A ""Bu Siti""",s@x.id,PNS,DINKES,\n`));
    expect(record.values.name).toBe('dr. Siti Aminah, Sp.A "Bu Siti"');
    expect(record.values.positionCode).toBe('');
  });

  it('strips a UTF-8 byte order mark so the first column is still found', () => {
    const [record] = parseCsv(file(`\uFEFF${HEADER}\r\n${ROW}\r\n`));
    expect(record.values.nip).toBe('198609262015051001');
  });

  it('reports the line of the file for each row, counting the blank lines it skips', () => {
    const records = parseCsv(file(`${HEADER}\n\n${ROW}\n\n\n${ROW}\n${ROW}`));
    expect(records.map((r) => r.line)).toEqual([3, 6, 7]);
  });

  it('treats the position column as optional and missing cells as empty', () => {
    const [record] = parseCsv(file(`nip,nama,email,jenis,kode_unit\n198609262015051001,Budi\n`));
    expect(record.values).toMatchObject({ name: 'Budi', email: '', positionCode: '' });
  });

  it('names every missing required column', () => {
    const error = failure(file(`nip,nama,kode_jabatan\n1,Budi,KASI\n`));
    expect(error.code).toBe('IMPORT_INVALID_FILE');
    expect(error.details).toMatchObject({ missingColumns: ['email', 'employmentType', 'unitCode'] });
    expect(error.message).toBe('Missing columns: email, type, unit_code');
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(failure(file('')).message).toMatch(/empty/);
    expect(failure(file('\n\n')).message).toMatch(/empty/);
    expect(failure(file(`${HEADER}\n`)).message).toMatch(/no rows/);
  });

  it(`accepts ${IMPORT_MAX_ROWS} rows and refuses one more`, () => {
    const rows = (n: number) => file([HEADER, ...Array.from({ length: n }, () => ROW)].join('\n'));
    expect(parseCsv(rows(IMPORT_MAX_ROWS))).toHaveLength(IMPORT_MAX_ROWS);
    expect(failure(rows(IMPORT_MAX_ROWS + 1)).details).toEqual({ rows: IMPORT_MAX_ROWS + 1, max: IMPORT_MAX_ROWS });
  });

  it('refuses a file that is not UTF-8 text (a spreadsheet, a Windows-1252 export)', () => {
    expect(failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])).code).toBe('IMPORT_INVALID_FILE');
    const latin1 = Buffer.concat([file(`${HEADER}\n198609262015051001,Jos`), Buffer.from([0xe9]), file(',j@x.id,PNS,U,\n')]);
    expect(failure(latin1).message).toMatch(/UTF-8/);
  });

  it('refuses a file whose quotes never close', () => {
    expect(failure(file(`${HEADER}\n1,"Budi,b@x.id,PNS,U,\n`)).message).toMatch(/not valid CSV/);
  });
});
