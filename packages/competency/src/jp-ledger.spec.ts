import fc from 'fast-check';
import { CompetencyError } from './errors';
import {
  assertJpTargets,
  DEFAULT_JP_CONVERSION,
  DEFAULT_JP_TARGETS,
  DEFAULT_LEDGER_UTC_OFFSET_MINUTES,
  DEFAULT_MINUTES_PER_JP,
  jpToMinutes,
  jpYearOf,
  minutesToJp,
  summariseJpYear,
  summariseJpYears,
  type JpConversion,
  type JpEntry,
} from './jp-ledger';

const down = (step: 0.25 | 0.5 | 1): JpConversion => ({ minutesPerJp: 45, rounding: { mode: 'down', step } });

describe('minutesToJp', () => {
  it('counts 45 minutes as one JP, exactly by default', () => {
    expect(DEFAULT_MINUTES_PER_JP).toBe(45);
    expect(minutesToJp(45)).toBe(1);
    expect(minutesToJp(900)).toBe(20);
    expect(minutesToJp(100)).toBeCloseTo(2.2222, 4);
    expect(minutesToJp(0)).toBe(0);
  });

  it('rounds down to quarter, half or whole JP when configured', () => {
    expect([down(0.25), down(0.5), down(1)].map((conversion) => minutesToJp(100, conversion))).toEqual([2.0, 2.0, 2]);
    expect([down(0.25), down(0.5), down(1)].map((conversion) => minutesToJp(80, conversion))).toEqual([1.75, 1.5, 1]);
    expect(minutesToJp(33.75, down(0.25))).toBe(0.75);
    expect(minutesToJp(44.99, down(1))).toBe(0);
  });

  it('takes the minutes per JP from configuration', () => {
    expect(minutesToJp(120, { ...DEFAULT_JP_CONVERSION, minutesPerJp: 60 })).toBe(2);
    expect(jpToMinutes(2)).toBe(90);
    expect(jpToMinutes(2, 60)).toBe(120);
  });

  it('refuses negative minutes and bad configuration', () => {
    expect(() => minutesToJp(-1)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => minutesToJp(Number.NaN)).toThrow(CompetencyError);
    expect(() => minutesToJp(45, { minutesPerJp: 0, rounding: { mode: 'exact' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => minutesToJp(45, { minutesPerJp: 45, rounding: { mode: 'down', step: 0.3 as never } })).toThrow(CompetencyError);
    expect(() => minutesToJp(45, { minutesPerJp: 45, rounding: { mode: 'up' } as never })).toThrow(CompetencyError);
  });

  it('is monotonic in minutes and never credits more than exact under rounding down', () => {
    const conversion = fc.constantFrom<JpConversion>(DEFAULT_JP_CONVERSION, down(0.25), down(0.5), down(1));
    const minutes = fc.double({ min: 0, max: 100_000, noNaN: true });
    fc.assert(
      fc.property(minutes, minutes, conversion, (a, b, config) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(minutesToJp(low, config)).toBeLessThanOrEqual(minutesToJp(high, config));
        expect(minutesToJp(high, config)).toBeLessThanOrEqual(minutesToJp(high));
      }),
    );
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(1000), conversion, (a, extra, config) => {
        expect(minutesToJp(a, config)).toBeLessThanOrEqual(minutesToJp(a + extra, config));
      }),
    );
  });
});

describe('jpYearOf', () => {
  it('takes a plain date as a local day', () => {
    expect(jpYearOf('2024-12-31')).toBe(2024);
    expect(jpYearOf('2025-01-01', 0)).toBe(2025);
  });

  it('puts the year boundary at midnight in Asia/Jakarta by default', () => {
    expect(DEFAULT_LEDGER_UTC_OFFSET_MINUTES).toBe(420);
    // 16:59 UTC is 23:59 WIB on 31 December; 17:00 UTC is already 1 January in Jakarta.
    expect(jpYearOf('2024-12-31T16:59:59Z')).toBe(2024);
    expect(jpYearOf('2024-12-31T17:00:00Z')).toBe(2025);
    expect(jpYearOf(new Date('2024-12-31T17:00:00Z'))).toBe(2025);
    expect(jpYearOf('2025-01-01T00:30:00+09:00')).toBe(2024); // 22:30 WIB
    expect(jpYearOf('2025-01-01T00:30:00+09:00', 540)).toBe(2025); // an agency in WIT
  });

  it('refuses a timestamp without a zone and nonsense', () => {
    expect(() => jpYearOf('2024-12-31T23:00:00')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => jpYearOf('31/12/2024')).toThrow(CompetencyError);
    expect(() => jpYearOf(new Date('x'))).toThrow(CompetencyError);
  });
});

describe('yearly JP summary', () => {
  const entries: JpEntry[] = [
    { date: '2024-12-31T16:30:00Z', jp: 5, source: 'course' }, // 23:30 WIB, still 2024
    { date: '2025-02-10', jp: 8, source: 'course' },
    { date: '2025-03-15', jp: 4.5, source: 'classroom' },
    { date: '2025-04-01', jp: 6, source: 'external', status: 'pending' },
    { date: '2025-04-02', jp: 3, source: 'external', status: 'rejected' },
  ];

  it('sums approved JP of the year, per source, with what remains to the PNS target', () => {
    expect(summariseJpYear(entries, 2025, { employmentType: 'PNS' })).toEqual({
      year: 2025,
      employmentType: 'PNS',
      earnedJp: 12.5,
      countedJp: 12.5,
      excessJp: 0,
      pendingJp: 6,
      targetJp: 20,
      capJp: null,
      remainingJp: 7.5,
      status: 'below_target',
      capReached: false,
      bySource: { classroom: 4.5, course: 8 },
    });
  });

  it('meets the target exactly even when exact-mode fractions add up', () => {
    const nine = Array.from({ length: 9 }, () => ({ date: '2025-05-01', jp: minutesToJp(100), source: 'course' }));
    const summary = summariseJpYear(nine, 2025, { employmentType: 'PNS' });
    expect(summary.earnedJp).toBe(20);
    expect([summary.status, summary.remainingJp]).toEqual(['met', 0]);
  });

  it('caps PPPK at 24 JP and reports the excess, with no minimum by default', () => {
    const many = [
      { date: '2025-01-10', jp: 20, source: 'course' },
      { date: '2025-06-10', jp: 10, source: 'classroom' },
    ];
    const summary = summariseJpYear(many, 2025, { employmentType: 'PPPK' });
    expect(summary).toMatchObject({ earnedJp: 30, countedJp: 24, excessJp: 6, capJp: 24, capReached: true, status: 'no_target' });
    expect(summary.remainingJp).toBeNull();
    expect(DEFAULT_JP_TARGETS).toEqual({ PNS: { target: 20, cap: null }, PPPK: { target: null, cap: 24 } });
  });

  it('uses the agency’s targets, e.g. 90 JP for PNS and a PPPK minimum under the cap', () => {
    const targets = { PNS: { target: 90, cap: null }, PPPK: { target: 12, cap: 24 } };
    expect(summariseJpYear(entries, 2025, { employmentType: 'PNS', targets }).remainingJp).toBe(77.5);
    expect(summariseJpYear(entries, 2025, { employmentType: 'PPPK', targets }).status).toBe('met');
  });

  it('refuses targets that cannot work and negative JP', () => {
    expect(() => assertJpTargets({ PNS: { target: 20, cap: 10 }, PPPK: DEFAULT_JP_TARGETS.PPPK })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => assertJpTargets({ PNS: { target: -1, cap: null }, PPPK: DEFAULT_JP_TARGETS.PPPK })).toThrow(CompetencyError);
    expect(() => summariseJpYear([{ date: '2025-01-01', jp: -2, source: 'x' }], 2025, { employmentType: 'PNS' })).toThrow(
      CompetencyError,
    );
  });

  it('counts each entry in its own year', () => {
    const years = summariseJpYears(entries, { employmentType: 'PNS' });
    expect(years.map((year) => [year.year, year.earnedJp])).toEqual([
      [2024, 5],
      [2025, 12.5],
    ]);
    expect(summariseJpYear(entries, 2023, { employmentType: 'PNS' })).toMatchObject({ earnedJp: 0, remainingJp: 20 });
  });

  it('never loses or double-counts JP across years, and the cap never exceeds it', () => {
    const entry = fc.record({
      date: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-12-31T23:59:59Z'), noInvalidDate: true }),
      jp: fc.integer({ min: 0, max: 40 }),
      source: fc.constantFrom('course', 'classroom'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.constantFrom('PNS' as const, 'PPPK' as const), (list, employmentType) => {
        const years = summariseJpYears(list, { employmentType });
        expect(years.reduce((acc, year) => acc + year.earnedJp, 0)).toBe(list.reduce((acc, e) => acc + e.jp, 0));
        for (const year of years) {
          expect(year.countedJp).toBeLessThanOrEqual(year.earnedJp);
          if (year.capJp !== null) expect(year.countedJp).toBeLessThanOrEqual(year.capJp);
          expect(year.countedJp + year.excessJp).toBe(year.earnedJp);
        }
      }),
    );
  });
});
