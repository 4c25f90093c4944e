import fc from 'fast-check';
import { detectDelimiter, escapeFormula, formatCsv, parseCsv, unescapeFormula } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes and CRLF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","one\r\ntwo"\r\nlast,,\r\n';
    expect(parseCsv(text)).toEqual({
      delimiter: ',',
      problems: [],
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'one\r\ntwo'] },
        { line: 4, fields: ['last', '', ''] },
      ],
    });
  });

  it('counts lines as a spreadsheet user does, skipping blank lines', () => {
    const { records } = parseCsv('h\n\n"a\nb"\nc');
    expect(records).toEqual([
      { line: 1, fields: ['h'] },
      { line: 3, fields: ['a\nb'] },
      { line: 5, fields: ['c'] },
    ]);
  });

  it('strips a UTF-8 BOM and detects the semicolon of Indonesian spreadsheet settings', () => {
    const result = parseCsv('\uFEFFcode;name\nM.01;"Integritas; jujur"\n');
    expect(result.delimiter).toBe(';');
    expect(result.records.map((record) => record.fields)).toEqual([
      ['code', 'name'],
      ['M.01', 'Integritas; jujur'],
    ]);
  });

  it('reports an unterminated quote and keeps the records before it', () => {
    const result = parseCsv('a\nb\n"never closed\nc\n');
    expect(result.records.map((record) => record.fields)).toEqual([['a'], ['b']]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'CSV_UNTERMINATED_QUOTE', line: 3 })]);
  });

  it('drops a record with text after a closing quote and reports it', () => {
    const result = parseCsv('a,b\n"x"y,z\nok,1\n');
    expect(result.records.map((record) => record.fields)).toEqual([['a', 'b'], ['ok', '1']]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'CSV_MALFORMED_QUOTE', line: 2 })]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseCsv('a"b,c').records[0].fields).toEqual(['a"b', 'c']);
  });
});

describe('detectDelimiter', () => {
  it('looks at the first line only, outside quotes', () => {
    expect(detectDelimiter('"a;b;c",d\nx;y;z;w')).toBe(',');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('formatCsv', () => {
  it('quotes only where needed, ends lines with CRLF and starts with a BOM unless asked not to', () => {
    expect(formatCsv([['a', 'b c', 'd,e', 'f"g', 'h\ni', ' j', '']])).toBe('\uFEFFa,b c,"d,e","f""g","h\ni"," j",\r\n');
    expect(formatCsv([['a;b', 'c']], { delimiter: ';', bom: false })).toBe('"a;b";c\r\n');
  });

  it('round-trips any table through parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', 'é', '=') });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 }))
      // A one-column row holding an empty string is a blank line, which the parser skips by design.
      .filter((rows) => rows.every((row) => row.length > 1 || row[0] !== ''));
    fc.assert(
      fc.property(table, fc.constantFrom(',' as const, ';' as const), (rows, delimiter) => {
        const parsed = parseCsv(formatCsv(rows, { delimiter }), { delimiter });
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((record) => record.fields)).toEqual(rows);
      }),
    );
  });
});

describe('formula escaping', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=SUM(A1)', '+1', '-x', '@cmd', 'aman', "'kutip"].map(escapeFormula)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-x",
      "'@cmd",
      'aman',
      "''kutip",
    ]);
  });

  it('is undone exactly by unescapeFormula', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(unescapeFormula(escapeFormula(value))).toBe(value);
      }),
    );
    expect(unescapeFormula("'biasa")).toBe("'biasa");
  });
});
