import { DEFAULT_LEVEL_NAMES, validateDictionary } from './dictionary';
import { NATIONAL_DICTIONARY, PEREKAT_BANGSA_CODE } from './national-dictionary';

describe('NATIONAL_DICTIONARY', () => {
  it('holds M.01–M.08 and Perekat Bangsa with the names of Permenpan RB 38/2017', () => {
    expect(NATIONAL_DICTIONARY.map(({ code, name, group }) => [code, name, group])).toEqual([
      ['M.01', 'Integritas', 'manajerial'],
      ['M.02', 'Kerjasama', 'manajerial'],
      ['M.03', 'Komunikasi', 'manajerial'],
      ['M.04', 'Orientasi pada Hasil', 'manajerial'],
      ['M.05', 'Pelayanan Publik', 'manajerial'],
      ['M.06', 'Pengembangan Diri dan Orang Lain', 'manajerial'],
      ['M.07', 'Mengelola Perubahan', 'manajerial'],
      ['M.08', 'Pengambilan Keputusan', 'manajerial'],
      [PEREKAT_BANGSA_CODE, 'Perekat Bangsa', 'sosial_kultural'],
    ]);
    expect(PEREKAT_BANGSA_CODE).toBe('SK.01');
  });

  it('passes validation: five named levels each, a description and 2–3 indicators per level', () => {
    expect(validateDictionary(NATIONAL_DICTIONARY)).toEqual([]);
    for (const competency of NATIONAL_DICTIONARY) {
      expect(competency.agencyId).toBeNull();
      expect(competency.definition).toBeTruthy();
      expect(competency.levels.map((level) => [level.level, level.name])).toEqual(
        Object.entries(DEFAULT_LEVEL_NAMES).map(([level, name]) => [Number(level), name]),
      );
      for (const level of competency.levels) {
        expect(level.indicators.length).toBeGreaterThanOrEqual(2);
        expect(level.indicators.length).toBeLessThanOrEqual(3);
        // Short texts: a sentence, not a paragraph.
        expect(level.description.length).toBeLessThanOrEqual(120);
        expect(level.description).toMatch(/^[A-Z].*\.$/);
      }
    }
  });

  it('has a distinct description for every level, so the levels read as a progression', () => {
    for (const competency of NATIONAL_DICTIONARY) {
      expect(new Set(competency.levels.map((level) => level.description)).size).toBe(5);
    }
  });

  it('is frozen, so no caller edits the shared seed by accident', () => {
    expect(Object.isFrozen(NATIONAL_DICTIONARY)).toBe(true);
    expect(Object.isFrozen(NATIONAL_DICTIONARY[0].levels[0].indicators)).toBe(true);
  });
});
