import {
  agencyDictionary,
  DEFAULT_DICTIONARY_RULES,
  findCompetency,
  isCompetencyLevel,
  sortedLevels,
  validateCompetency,
  validateDictionary,
  type Competency,
} from './dictionary';
import { aCompetency, aLevel } from './testing/builders';

const codes = (competency: Competency) => validateCompetency(competency).map((problem) => problem.code);

describe('validateCompetency', () => {
  it('accepts a technical competency with five complete levels and an owning agency', () => {
    expect(validateCompetency(aCompetency('T.KES.01').build())).toEqual([]);
  });

  it('accepts national codes with their group prefix', () => {
    expect(codes(aCompetency('M.09').inGroup('manajerial').build())).toEqual([]);
    expect(codes(aCompetency('SK.02').inGroup('sosial_kultural').build())).toEqual([]);
  });

  it.each(['m.01', 'M..01', '.M01', 'M 01', 'M.01.', '', 'T.' + 'X'.repeat(40), 'T.KÉS'])('refuses the code %p', (code) => {
    expect(codes(aCompetency(code).build())).toEqual(['CODE_INVALID']);
  });

  it('keeps each group to its prefix', () => {
    expect(codes(aCompetency('T.01').inGroup('manajerial').build())).toEqual(['CODE_PREFIX']);
    expect(codes(aCompetency('M.09').build())).toEqual(['CODE_PREFIX']);
    expect(codes(aCompetency('SK.09').build())).toEqual(['CODE_PREFIX']);
  });

  it('takes the code rules from configuration', () => {
    const rules = { ...DEFAULT_DICTIONARY_RULES, groupPrefixes: {} };
    expect(validateCompetency(aCompetency('M.09').build(), rules)).toEqual([]);
  });

  it('requires an owning agency for technical competencies only', () => {
    expect(codes(aCompetency().ownedBy(null).build())).toEqual(['AGENCY_REQUIRED']);
    expect(codes(aCompetency().ownedBy('  ').build())).toEqual(['AGENCY_REQUIRED']);
    expect(codes(aCompetency('M.09').inGroup('manajerial').ownedBy(null).build())).toEqual([]);
  });

  it('refuses an unknown group and a blank name', () => {
    const competency = { ...aCompetency().named(' ').build(), group: 'umum' as never };
    expect(codes(competency)).toEqual(['NAME_MISSING', 'GROUP_INVALID']);
  });

  it('requires the five levels exactly once each', () => {
    expect(validateCompetency(aCompetency().withoutLevel(3).build())).toEqual([
      expect.objectContaining({ code: 'LEVEL_MISSING', level: 3, field: 'levels' }),
    ]);
    const doubled = aCompetency().build();
    doubled.levels.push(aLevel(2, { description: 'lagi' }));
    expect(codes(doubled)).toEqual(['LEVEL_DUPLICATE']);
    const sixth = aCompetency().build();
    sixth.levels.push({ ...aLevel(5), level: 6 as never });
    expect(codes(sixth)).toEqual(['LEVEL_INVALID']);
    const fractional = aCompetency().withoutLevel(4).build();
    fractional.levels.push({ ...aLevel(4), level: 3.5 as never });
    expect(codes(fractional)).toEqual(['LEVEL_INVALID', 'LEVEL_MISSING']);
  });

  it('checks the level name, description and indicators of each level', () => {
    const competency = aCompetency()
      .withLevel(aLevel(1, { name: 'Pemula' }))
      .withLevel(aLevel(2, { description: ' ' }))
      .withLevel(aLevel(3, { indicators: [] }))
      .withLevel(aLevel(4, { indicators: ['Baik', ' '] }))
      .build();
    expect(validateCompetency(competency).map(({ code, level }) => [code, level])).toEqual([
      ['LEVEL_NAME_MISMATCH', 1],
      ['DESCRIPTION_MISSING', 2],
      ['INDICATORS_MISSING', 3],
      ['INDICATOR_EMPTY', 4],
    ]);
  });
});

describe('validateDictionary', () => {
  it('finds codes used twice', () => {
    const problems = validateDictionary([aCompetency('T.A').build(), aCompetency('T.B').build(), aCompetency('T.A').build()]);
    expect(problems).toEqual([expect.objectContaining({ code: 'CODE_DUPLICATE', competencyCode: 'T.A' })]);
  });
});

describe('dictionary helpers', () => {
  it('sorts levels and finds competencies by code', () => {
    const competency = aCompetency('T.A').build();
    competency.levels.reverse();
    expect(sortedLevels(competency).map((level) => level.level)).toEqual([1, 2, 3, 4, 5]);
    expect(findCompetency([competency], 'T.A')).toBe(competency);
    expect(findCompetency([competency], 'T.B')).toBeUndefined();
  });

  it('recognises levels 1 to 5 only', () => {
    expect([0, 1, 5, 6, 2.5, '3'].map(isCompetencyLevel)).toEqual([false, true, true, false, false, false]);
  });

  it("lets an agency's edited copy replace a national competency and adds its own", () => {
    const national = [aCompetency('M.01').inGroup('manajerial').named('Integritas').build()];
    const edited = aCompetency('M.01').inGroup('manajerial').named('Integritas (edit)').build();
    const own = aCompetency('T.KES.01').build();
    expect(agencyDictionary(national, [edited, own]).map((c) => c.name)).toEqual(['Integritas (edit)', 'Kompetensi T.KES.01']);
  });
});
