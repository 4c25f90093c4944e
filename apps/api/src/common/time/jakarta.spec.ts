import { addDays, jakartaDay, jakartaYear } from './jakarta';

describe('Asia/Jakarta days', () => {
  it('counts the new year from midnight in Jakarta (UTC+7), not in UTC', () => {
    expect(jakartaDay(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(jakartaDay(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(jakartaYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(jakartaYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('adds calendar days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
