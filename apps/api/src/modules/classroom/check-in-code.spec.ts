import { checkInCode, checkInWindow, codeSlot, isValidCode } from './check-in-code';

const SECRET = 'rahasia-sesi-uji';
const SESSION = '7b0d4b4e-0000-4000-8000-000000000001';

describe('check-in codes', () => {
  const at = new Date('2026-03-02T02:00:30Z');

  it('are 8 characters without look-alikes, and differ per session and per minute', () => {
    const code = checkInCode(SECRET, SESSION, codeSlot(at));
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(checkInCode(SECRET, SESSION, codeSlot(at) + 1)).not.toBe(code);
    expect(checkInCode(SECRET, '7b0d4b4e-0000-4000-8000-000000000002', codeSlot(at))).not.toBe(code);
    expect(checkInCode('another-secret', SESSION, codeSlot(at))).not.toBe(code);
  });

  it('accept the current and the previous minute, typed in any case', () => {
    const code = checkInCode(SECRET, SESSION, codeSlot(at));
    expect(isValidCode(SECRET, SESSION, code, at)).toBe(true);
    expect(isValidCode(SECRET, SESSION, ` ${code.toLowerCase()} `, at)).toBe(true);
    expect(isValidCode(SECRET, SESSION, code, new Date(at.getTime() + 60_000))).toBe(true);
    expect(isValidCode(SECRET, SESSION, code, new Date(at.getTime() + 120_000))).toBe(false);
    expect(isValidCode(SECRET, SESSION, 'AAAAAAAA', at)).toBe(false);
    expect(isValidCode(SECRET, SESSION, '', at)).toBe(false);
  });

  it('open 30 minutes before the session and close when it ends', () => {
    const window = checkInWindow({ startsAt: new Date('2026-03-02T01:00:00Z'), endsAt: new Date('2026-03-02T04:00:00Z') });
    expect(window).toEqual({ opensAt: new Date('2026-03-02T00:30:00Z'), closesAt: new Date('2026-03-02T04:00:00Z') });
  });
});
