import { DEFAULT_NUMBER_SCHEME, ZNumberScheme, maskNip } from '@asah/contracts/certificates';
import { formatNumber } from './numbering';

describe('certificate numbers', () => {
  it('fills year, agency, course and a zero-padded sequence', () => {
    expect(formatNumber(DEFAULT_NUMBER_SCHEME, { year: 2026, agency: 'SMG', course: 'K1', seq: 42 })).toBe('SERT/2026/SMG/000042');
    expect(formatNumber('{course}-{seq}/{year}', { year: 2026, agency: 'SMG', course: 'LATSAR', seq: 1234567 })).toBe('LATSAR-1234567/2026');
  });

  it('accepts only known tokens and needs the sequence', () => {
    expect(ZNumberScheme.safeParse('SERT/{year}/{seq:6}').success).toBe(true);
    expect(ZNumberScheme.safeParse('SERT/{year}').success).toBe(false);
    expect(ZNumberScheme.safeParse('SERT/{month}/{seq}').success).toBe(false);
  });

  it('masks a NIP to its first and last four digits', () => {
    expect(maskNip('198701012010011001')).toBe('1987••••••••••1001');
    expect(maskNip(null)).toBeNull();
  });
});
