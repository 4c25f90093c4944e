import { describe, expect, it } from '@jest/globals';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('picks the unit and one decimal below 100, in the reader language', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1234567, 'en')).toBe('1.2 MB');
    expect(formatBytes(1234567, 'id')).toBe('1,2 MB');
    expect(formatBytes(150 * 1024, 'en')).toBe('150 KB');
    expect(formatBytes(5 * 1024 ** 4, 'en')).toBe('5,120 GB');
  });
});
