import { isIsoDate } from './dates';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2025-01-01', '2025-12-31', '2000-02-29'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each(['2023-02-29', '2025-02-31', '2025-13-01', '2025-00-10', '2025-1-1', '2025-01-01T00:00:00Z', '', 20250101, null])(
    'refuses %p',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});
