import type { TPositionType } from '@asah/contracts/positions';
import { CompetencyError } from './errors';
import { NATIONAL_DICTIONARY } from './national-dictionary';
import {
  DEFAULT_MANAGERIAL_LEVEL_BY_POSITION_TYPE,
  DEFAULT_STANDARD_DEFAULTS,
  defaultRequiredLevel,
  requiredLevelOf,
  resolvePositionStandard,
  validateStandardOverrides,
  type PositionRef,
  type StandardDefaults,
} from './standards';
import { aCompetency } from './testing/builders';

const dictionary = [...NATIONAL_DICTIONARY, aCompetency('T.KES.01').build()];
const position = (type: TPositionType, extra: Partial<PositionRef> = {}): PositionRef => ({ id: `pos-${type}`, type, ...extra });
const levels = (ref: PositionRef, overrides = [] as Parameters<typeof resolvePositionStandard>[0]['overrides']) =>
  Object.fromEntries(
    resolvePositionStandard({ position: ref, dictionary, overrides }).requirements.map((r) => [r.competencyCode, r.requiredLevel]),
  );

describe('default levels by position type', () => {
  it.each([
    ['jpt_madya', 5],
    ['jpt_pratama', 4],
    ['administrator', 3],
    ['pengawas', 2],
    ['pelaksana', 1],
  ] as const)('%s requires level %i for managerial and socio-cultural competencies', (type, level) => {
    expect(DEFAULT_MANAGERIAL_LEVEL_BY_POSITION_TYPE[type]).toBe(level);
    expect(defaultRequiredLevel(position(type), 'manajerial')).toBe(level);
    expect(defaultRequiredLevel(position(type), 'sosial_kultural')).toBe(level);
    expect(defaultRequiredLevel(position(type), 'teknis')).toBeNull();
  });

  it('gives functional positions no default', () => {
    expect(defaultRequiredLevel(position('fungsional', { functionalLevel: 'ahli_muda' }), 'manajerial')).toBeNull();
  });

  it('lets an agency configure defaults, including per functional level', () => {
    const defaults: StandardDefaults = {
      ...DEFAULT_STANDARD_DEFAULTS,
      byFunctionalLevel: { manajerial: { ahli_madya: 3 }, teknis: { ahli_madya: 4 } },
    };
    const ahliMadya = position('fungsional', { functionalLevel: 'ahli_madya' });
    expect(defaultRequiredLevel(ahliMadya, 'manajerial', defaults)).toBe(3);
    expect(defaultRequiredLevel(ahliMadya, 'teknis', defaults)).toBe(4);
    expect(defaultRequiredLevel(position('fungsional', { functionalLevel: 'pemula' }), 'manajerial', defaults)).toBeNull();
  });
});

describe('resolvePositionStandard', () => {
  it('applies the defaults to every national competency, in dictionary order', () => {
    const standard = resolvePositionStandard({ position: position('administrator'), dictionary });
    expect(standard.positionId).toBe('pos-administrator');
    expect(standard.requirements.map((r) => r.competencyCode)).toEqual(NATIONAL_DICTIONARY.map((c) => c.code));
    expect(standard.requirements.every((r) => r.requiredLevel === 3 && r.origin === 'default')).toBe(true);
  });

  it('lets a position raise, lower, add and remove requirements', () => {
    const result = levels(position('pengawas'), [
      { competencyCode: 'M.01', requiredLevel: 4 },
      { competencyCode: 'M.02', requiredLevel: 1 },
      { competencyCode: 'T.KES.01', requiredLevel: 3 },
      { competencyCode: 'M.03', requiredLevel: null },
    ]);
    expect(result).toMatchObject({ 'M.01': 4, 'M.02': 1, 'M.04': 2, 'SK.01': 2, 'T.KES.01': 3 });
    expect(result).not.toHaveProperty('M.03');
    const standard = resolvePositionStandard({
      position: position('pengawas'),
      dictionary,
      overrides: [{ competencyCode: 'M.01', requiredLevel: 4 }],
    });
    expect(standard.requirements.find((r) => r.competencyCode === 'M.01')?.origin).toBe('position');
    expect(requiredLevelOf(standard, 'M.01')).toBe(4);
    expect(requiredLevelOf(standard, 'T.KES.01')).toBeNull();
  });

  it('has no requirement for a functional position until the agency sets one', () => {
    const fungsional = position('fungsional', { functionalLevel: 'ahli_pertama' });
    expect(levels(fungsional)).toEqual({});
    expect(levels(fungsional, [{ competencyCode: 'M.05', requiredLevel: 2 }])).toEqual({ 'M.05': 2 });
  });

  it('ignores overrides of competencies no longer in the dictionary', () => {
    expect(levels(position('pelaksana'), [{ competencyCode: 'T.GONE', requiredLevel: 2 }])).not.toHaveProperty('T.GONE');
  });

  it('refuses an invalid level or two overrides of one competency', () => {
    const resolve = (overrides: Parameters<typeof resolvePositionStandard>[0]['overrides']) => () =>
      resolvePositionStandard({ position: position('pelaksana'), dictionary, overrides });
    expect(resolve([{ competencyCode: 'M.01', requiredLevel: 6 as never }])).toThrow(CompetencyError);
    expect(
      resolve([
        { competencyCode: 'M.01', requiredLevel: 2 },
        { competencyCode: 'M.01', requiredLevel: 3 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_RECORD' }));
  });
});

describe('validateStandardOverrides', () => {
  it('reports unknown competencies, invalid levels and duplicates with their index', () => {
    const problems = validateStandardOverrides(
      [
        { competencyCode: 'M.01', requiredLevel: 3 },
        { competencyCode: 'T.X', requiredLevel: 2 },
        { competencyCode: 'M.02', requiredLevel: 0 as never },
        { competencyCode: 'M.01', requiredLevel: null },
      ],
      dictionary,
    );
    expect(problems.map(({ code, index }) => [code, index])).toEqual([
      ['COMPETENCY_UNKNOWN', 1],
      ['LEVEL_INVALID', 2],
      ['OVERRIDE_DUPLICATE', 3],
    ]);
  });
});
