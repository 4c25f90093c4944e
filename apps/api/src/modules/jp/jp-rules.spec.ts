import { jpYear, minutesToJp, roundJp } from './jp-rules';

describe('jpYear', () => {
  it('[PNS] 12 of a 20 JP target leaves 8 to go', () => {
    expect(jpYear(12, { target: 20, cap: null })).toEqual({ earned: 12, total: 12, remaining: 8, overCap: 0, status: 'below' });
  });

  it('[PNS] reaching or passing the target leaves nothing to go', () => {
    expect(jpYear(20, { target: 20, cap: null })).toMatchObject({ total: 20, remaining: 0, status: 'met' });
    expect(jpYear(31.5, { target: 20, cap: null })).toMatchObject({ total: 31.5, remaining: 0, status: 'met' });
  });

  it('[PPPK] what counts is held to the cap, and the rest is shown as over the cap', () => {
    expect(jpYear(30, { target: null, cap: 24 })).toEqual({ earned: 30, total: 24, remaining: null, overCap: 6, status: 'no_target' });
    expect(jpYear(10, { target: null, cap: 24 })).toEqual({ earned: 10, total: 10, remaining: null, overCap: 0, status: 'no_target' });
  });

  it('[agency with both] a target under the cap is met by capped JP', () => {
    expect(jpYear(40, { target: 20, cap: 24 })).toMatchObject({ total: 24, remaining: 0, overCap: 16, status: 'met' });
    expect(jpYear(19.99, { target: 20, cap: 24 })).toMatchObject({ total: 19.99, remaining: 0.01, status: 'below' });
  });

  it('keeps hundredths exact where floats would drift', () => {
    expect(jpYear(0.1 + 0.2, { target: 1, cap: null })).toMatchObject({ earned: 0.3, remaining: 0.7 });
    expect(roundJp(2.675 + 0.005)).toBe(2.68);
  });
});

describe('minutesToJp', () => {
  it('turns 45 minutes into 1 JP and rounds partial JP down to hundredths', () => {
    expect(minutesToJp(45, 45)).toBe(1);
    expect(minutesToJp(90, 45)).toBe(2);
    expect(minutesToJp(60, 45)).toBe(1.33);
    expect(minutesToJp(0, 45)).toBe(0);
  });
});
