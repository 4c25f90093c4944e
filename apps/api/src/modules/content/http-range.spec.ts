import { etagMatches, parseRange } from './http-range';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=100-', 1000, { start: 100, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=-2000', 1000, { start: 0, end: 999 }],
    ['bytes=990-2000', 1000, { start: 990, end: 999 }],
    ['bytes=999-999', 1000, { start: 999, end: 999 }],
  ])('%s of %i bytes is %p', (header, size, range) => {
    expect(parseRange(header, size)).toEqual(range);
  });

  it.each([['bytes=1000-'], ['bytes=5000-6000'], ['bytes=-0']])('%s of 1000 bytes is unsatisfiable', (header) => {
    expect(parseRange(header, 1000)).toBe('unsatisfiable');
  });

  it('asks for nothing of an empty object', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-5', 0)).toBe('unsatisfiable');
  });

  it.each([[undefined], [''], ['items=0-5'], ['bytes=0-5,10-15'], ['bytes=5-1'], ['bytes=-'], ['bytes=a-b']])('serves the whole object for %p', (header) => {
    expect(parseRange(header, 1000)).toBeNull();
  });
});

describe('etagMatches', () => {
  it('matches the tag, a list holding it, a weak form of it, and *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
  });

  it('does not match another tag or nothing', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});
