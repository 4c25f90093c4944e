import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHECK_IN_CODE_SECONDS, CHECK_IN_EARLY_MINUTES } from '@asah/contracts/classroom';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** Which code period `at` falls in. */
export const codeSlot = (at: Date) => Math.floor(at.getTime() / 1000 / CHECK_IN_CODE_SECONDS);

/**
 * The session's check-in code for one period: 8 characters from an alphabet without look-alikes
 * (0/O, 1/I), taken from an HMAC of the session and period with the session's own secret, so a code
 * says nothing about the next one and cannot be made without the secret (32^8 ≈ 10^12 guesses).
 */
export function checkInCode(secret: string, sessionId: string, slot: number): string {
  const mac = createHmac('sha256', secret).update(`${sessionId}:${slot}`).digest();
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[mac[i] % ALPHABET.length];
  return code;
}

/** The current code or the previous one (a QR scanned just before it changed still works). */
export function isValidCode(secret: string, sessionId: string, code: string, at: Date): boolean {
  const given = Buffer.from(code.trim().toUpperCase());
  return [codeSlot(at), codeSlot(at) - 1].some((slot) => {
    const expected = Buffer.from(checkInCode(secret, sessionId, slot));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/** From CHECK_IN_EARLY_MINUTES before the start to the end of the session. */
export function checkInWindow(session: { startsAt: Date; endsAt: Date }): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(session.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000), closesAt: session.endsAt };
}
