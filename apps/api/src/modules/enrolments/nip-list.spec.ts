import { DomainError } from '../../common/errors/domain-error';
import { parseNipCsv } from './nip-list';

const csv = (text: string) => Buffer.from(text, 'utf8');
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'no error';
};

describe('parseNipCsv', () => {
  it('reads the column headed nip, with its line numbers, whatever else the file has', () => {
    expect(parseNipCsv(csv('\uFEFFnama;NIP\r\nBudi;19860926 201505 1 001\r\n\r\nSiti;199104172019032002\r\n'))).toEqual([
      { line: 2, nip: '19860926 201505 1 001' },
      { line: 4, nip: '199104172019032002' },
    ]);
  });

  it('reads a bare list of NIPs without a header', () => {
    expect(parseNipCsv(csv('198609262015051001\n199104172019032002\n'))).toEqual([
      { line: 1, nip: '198609262015051001' },
      { line: 2, nip: '199104172019032002' },
    ]);
  });

  it('keeps rows with a bad NIP for the report, and skips rows without one', () => {
    expect(parseNipCsv(csv('nip,nama\nbukan-nip,X\n,Kosong\n'))).toEqual([{ line: 2, nip: 'bukan-nip' }]);
  });

  it('refuses a file without a nip column, an empty one, or one that is not UTF-8', () => {
    expect(codeOf(() => parseNipCsv(csv('nama,email\nBudi,b@x.id\n')))).toBe('IMPORT_INVALID_FILE');
    expect(codeOf(() => parseNipCsv(csv('')))).toBe('IMPORT_INVALID_FILE');
    expect(codeOf(() => parseNipCsv(csv('nip\n')))).toBe('IMPORT_INVALID_FILE');
    expect(codeOf(() => parseNipCsv(Buffer.from([0x6e, 0x69, 0x70, 0x0a, 0xff, 0xfe, 0x00])))).toBe('IMPORT_INVALID_FILE');
  });
});
