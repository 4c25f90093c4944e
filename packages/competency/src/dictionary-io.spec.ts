import fc from 'fast-check';
import type { Competency, CompetencyLevel } from './dictionary';
import {
  CSV_COLUMNS,
  exportDictionaryCsv,
  exportDictionaryJson,
  importDictionaryCsv,
  importDictionaryJson,
} from './dictionary-io';
import { NATIONAL_DICTIONARY } from './national-dictionary';
import { aCompetency } from './testing/builders';

const HEADER = 'code,name,group,level,description,indicators';
function rowsOf(code: string, group = 'teknis'): string[] {
  return ([1, 2, 3, 4, 5] as const).map((level) => `${code},Nama ${code},${group},${level},Deskripsi ${level},Satu`);
}
function csvFile(header: string, rows: string[]): string {
  return [header, ...rows].join('\n');
}
const problemSummary = (problems: { code: string; line: number | null; field: string | null }[]) =>
  problems.map(({ code, line, field }) => [code, line, field]);

describe('dictionary CSV', () => {
  it('exports one row per competency level with the documented columns', () => {
    const csv = exportDictionaryCsv([NATIONAL_DICTIONARY[0]], { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^M\.01,Integritas,manajerial,,"?Konsisten/);
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(exportDictionaryCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('round-trips the national dictionary', () => {
    const result = importDictionaryCsv(exportDictionaryCsv(NATIONAL_DICTIONARY));
    expect(result.problems).toEqual([]);
    expect(result.competencies).toEqual(NATIONAL_DICTIONARY);
  });

  it('imports a hand-written file: columns in any order, optional columns left out, level names filled in', () => {
    const header = 'indicators,description,level,group,name,code';
    const rows = [5, 4, 3, 2, 1].map((level) => `"A\n\n B ",Teks ${level},${level},Sosial Kultural,Perekat Bangsa,SK.02`);
    const { competencies, problems } = importDictionaryCsv(csvFile(header, rows));
    expect(problems).toEqual([]);
    expect(competencies).toEqual([
      {
        code: 'SK.02',
        name: 'Perekat Bangsa',
        group: 'sosial_kultural',
        agencyId: null,
        levels: ([1, 2, 3, 4, 5] as CompetencyLevel[]).map((level) => ({
          level,
          name: ['Paham', 'Dasar', 'Menengah', 'Mumpuni', 'Ahli'][level - 1],
          description: `Teks ${level}`,
          indicators: ['A', 'B'],
        })),
      },
    ]);
  });

  it('reads the semicolon-separated files of Indonesian spreadsheet settings', () => {
    const text = csvFile(HEADER.replaceAll(',', ';'), rowsOf('M.09', 'manajerial').map((row) => row.replaceAll(',', ';')));
    expect(importDictionaryCsv(text).competencies.map((c) => c.code)).toEqual(['M.09']);
  });

  it('gives the importing agency its technical competencies and refuses rows of another agency', () => {
    const header = `${HEADER},agency_id`;
    const mine = rowsOf('T.KES.01').map((row) => `${row},`);
    const theirs = rowsOf('T.KES.02').map((row) => `${row},kota-ambon`);
    const national = rowsOf('M.09', 'manajerial').map((row) => `${row},`);
    const { competencies, problems } = importDictionaryCsv(csvFile(header, [...mine, ...theirs, ...national]), {
      agencyId: 'kota-semarang',
    });
    expect(competencies.map((c) => [c.code, c.agencyId])).toEqual([
      ['T.KES.01', 'kota-semarang'],
      ['M.09', null],
    ]);
    expect(problemSummary(problems)).toEqual([7, 8, 9, 10, 11].map((line) => ['AGENCY_MISMATCH', line, 'agency_id']));
  });

  it('reports every bad row with its line, column and code, and imports only clean competencies', () => {
    const rows = [
      ...rowsOf('T.OK'),
      // T.BAD: level 6, a missing level 5, an unknown group
      'T.BAD,Nama,teknis,1,D,I',
      'T.BAD,Nama,teknis,6,D,I',
      'T.GRP,Nama,umum,1,D,I',
      // T.CONFLICT: the name changes on the second row
      'T.CONFLICT,Satu,teknis,1,D,I',
      'T.CONFLICT,Dua,teknis,2,D,I',
      // T.DUP: level 2 twice
      'T.DUP,Nama,teknis,2,D,I',
      'T.DUP,Nama,teknis,2,D,I',
      // T.MISS: levels 1–4 only, level 3 has no description
      'T.MISS,Nama,teknis,1,D,I',
      'T.MISS,Nama,teknis,2,D,I',
      'T.MISS,Nama,teknis,3,,I',
      'T.MISS,Nama,teknis,4,D,I',
      'too,few',
    ];
    const header = `${HEADER},agency_id`;
    const { competencies, problems } = importDictionaryCsv(
      csvFile(header, rows.map((row) => (row === 'too,few' ? row : `${row},kota-semarang`))),
    );
    expect(competencies.map((c) => c.code)).toEqual(['T.OK']);
    expect(problemSummary(problems)).toEqual([
      ['LEVEL_INVALID', 8, 'level'],
      ['GROUP_INVALID', 9, 'group'],
      ['VALUE_CONFLICT', 11, 'name'],
      ['LEVEL_DUPLICATE', 13, 'level'],
      ['LEVEL_MISSING', 14, 'level'],
      ['DESCRIPTION_MISSING', 16, 'description'],
      ['ROW_WIDTH', 18, null],
    ]);
    expect(problems.find((p) => p.code === 'LEVEL_MISSING')).toMatchObject({ competencyCode: 'T.MISS', level: 5 });
  });

  it('names the column of level-name and code problems', () => {
    const header = `${HEADER},agency_id,level_name`;
    const withNames = rowsOf('t.kecil').map((row, index) => `${row},x,${index === 2 ? 'Salah' : ''}`);
    expect(problemSummary(importDictionaryCsv(csvFile(header, withNames)).problems)).toEqual([
      ['CODE_INVALID', 2, 'code'],
      ['LEVEL_NAME_MISMATCH', 4, 'level_name'],
    ]);
  });

  it('refuses a file without the required columns, with unknown or doubled columns, or empty', () => {
    expect(problemSummary(importDictionaryCsv('code,name,group,level,indicators,catatan,code\n').problems)).toEqual([
      ['COLUMN_UNKNOWN', 1, 'catatan'],
      ['COLUMN_DUPLICATE', 1, 'code'],
      ['COLUMN_MISSING', 1, 'description'],
    ]);
    expect(problemSummary(importDictionaryCsv('\uFEFF\n\n').problems)).toEqual([['FILE_EMPTY', 1, null]]);
  });

  it('counts a row that spans lines (indicators on several lines) from the line it starts on', () => {
    const rows = rowsOf('T.A').map((row) => row.replace(',Satu', ',"Satu\nDua\nTiga"'));
    rows[3] = rows[3].replace('Deskripsi 4', '');
    const { problems } = importDictionaryCsv(csvFile(`${HEADER},agency_id`, rows.map((row) => `${row},x`)));
    expect(problemSummary(problems)).toEqual([['DESCRIPTION_MISSING', 11, 'description']]);
  });

  it('passes on quoting problems with their line', () => {
    const { problems } = importDictionaryCsv(`${HEADER}\n"T.A,x`);
    expect(problemSummary(problems)).toEqual([['CSV_UNTERMINATED_QUOTE', 2, null]]);
  });

  it('neutralises formulas on export and restores the text on import', () => {
    const competency = aCompetency('T.F').build();
    competency.levels[0].indicators = ['=HYPERLINK("http://x")', '-tanda minus'];
    const csv = exportDictionaryCsv([competency]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")\n-tanda minus"`);
    expect(importDictionaryCsv(csv).competencies).toEqual([competency]);
  });

  it('round-trips generated valid dictionaries', () => {
    fc.assert(
      fc.property(validDictionary(), (dictionary) => {
        const result = importDictionaryCsv(exportDictionaryCsv(dictionary, { delimiter: ';' }));
        expect(result.problems).toEqual([]);
        expect(result.competencies).toEqual(dictionary);
      }),
      { numRuns: 50 },
    );
  });
});

describe('dictionary JSON', () => {
  it('exports the documented envelope and round-trips', () => {
    const json = exportDictionaryJson(NATIONAL_DICTIONARY);
    expect(JSON.parse(json)).toMatchObject({ format: 'asah.competency-dictionary', version: 1 });
    const result = importDictionaryJson(json);
    expect(result.problems).toEqual([]);
    expect(result.competencies).toEqual(NATIONAL_DICTIONARY);
  });

  it('round-trips generated valid dictionaries', () => {
    fc.assert(
      fc.property(validDictionary(), (dictionary) => {
        expect(importDictionaryJson(exportDictionaryJson(dictionary)).competencies).toEqual(dictionary);
      }),
      { numRuns: 50 },
    );
  });

  it('accepts a bare array and fills in level names and the importing agency', () => {
    const competency = aCompetency('T.A').ownedBy(null).build();
    const bare = competency.levels.map(({ name: _name, ...level }) => level);
    const { competencies, problems } = importDictionaryJson(JSON.stringify([{ ...competency, agencyId: undefined, levels: bare }]), {
      agencyId: 'kota-serang',
    });
    expect(problems).toEqual([]);
    expect(competencies).toEqual([{ ...competency, agencyId: 'kota-serang' }]);
  });

  it('reports invalid JSON with its line', () => {
    const { problems } = importDictionaryJson('{\n  "format": "asah.competency-dictionary",\n  oops\n}');
    expect(problems).toEqual([expect.objectContaining({ code: 'JSON_INVALID', line: 3 })]);
  });

  it('refuses another format or version', () => {
    expect(importDictionaryJson('{"format":"x","version":1,"competencies":[]}').problems[0].code).toBe('FORMAT_UNSUPPORTED');
    expect(importDictionaryJson('{"format":"asah.competency-dictionary","version":2,"competencies":[]}').problems[0].code).toBe(
      'FORMAT_UNSUPPORTED',
    );
    expect(importDictionaryJson('"text"').problems[0].code).toBe('FORMAT_UNSUPPORTED');
    expect(importDictionaryJson('{"format":"asah.competency-dictionary","version":1}').problems[0].code).toBe('VALUE_TYPE');
  });

  it('reports each bad competency with its path and imports the rest', () => {
    const good = aCompetency('T.OK').build();
    const sixth = aCompetency('T.SIX').build();
    sixth.levels[4] = { ...sixth.levels[4], level: 6 as never };
    const noDescription = aCompetency('T.DESC').build();
    noDescription.levels[1].description = '';
    const document = {
      format: 'asah.competency-dictionary',
      version: 1,
      competencies: [
        good,
        { ...aCompetency('T.TYPE').build(), name: 7 },
        { ...aCompetency('T.LVL').build(), levels: [{ level: '1' }] },
        sixth,
        noDescription,
        aCompetency('T.OK').build(),
        'not an object',
        { ...aCompetency('T.GRP').build(), group: 'umum' },
        { ...aCompetency('T.AG').build(), agencyId: 'kota-ambon' },
      ],
    };
    const { competencies, problems } = importDictionaryJson(JSON.stringify(document), { agencyId: 'kota-semarang' });
    expect(competencies).toEqual([]);
    expect(problems.map(({ code, path }) => [code, path])).toEqual([
      ['VALUE_TYPE', 'competencies[1].name'],
      ['VALUE_TYPE', 'competencies[2].levels[0].level'],
      ['CODE_DUPLICATE', 'competencies[5].code'],
      ['VALUE_TYPE', 'competencies[6]'],
      ['GROUP_INVALID', 'competencies[7].group'],
      ['AGENCY_MISMATCH', 'competencies[8].agencyId'],
      ['LEVEL_INVALID', 'competencies[3].levels[4].level'],
      ['LEVEL_MISSING', 'competencies[3].levels'],
      ['DESCRIPTION_MISSING', 'competencies[4].levels[1].description'],
    ]);
    // T.OK appears twice, so neither copy is imported: the admin has to say which one is meant.
    expect(importDictionaryJson(JSON.stringify({ ...document, competencies: [good] })).competencies).toEqual([good]);
  });
});

/** Valid dictionaries with awkward text: commas, quotes, semicolons, leading formula signs. */
function validDictionary(): fc.Arbitrary<Competency[]> {
  const text = fc
    .string({ unit: fc.constantFrom('a', 'B', ' ', ',', ';', '"', "'", '=', '-', 'é'), minLength: 1, maxLength: 12 })
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const levelTexts = fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 3 }));
  const competency = fc.record({
    suffix: fc.stringMatching(/^[A-Z0-9]{1,6}$/),
    name: text,
    definition: fc.option(text, { nil: undefined }),
    levels: fc.tuple(levelTexts, levelTexts, levelTexts, levelTexts, levelTexts),
  });
  return fc.uniqueArray(competency, { selector: (c) => c.suffix, maxLength: 4 }).map((items) =>
    items.map(({ suffix, name, definition, levels }) => {
      const built = aCompetency(`T.${suffix}`).named(name).build();
      if (definition !== undefined) built.definition = definition;
      built.levels = built.levels.map((level, index) => ({
        ...level,
        description: levels[index][0],
        indicators: levels[index][1],
      }));
      return built;
    }),
  );
}
