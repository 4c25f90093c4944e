/**
 * Why the last session ended without the user signing out (expired, account switched off), kept
 * until the login page shows it once.
 */
let notice: string | null = null;

export function setSessionNotice(code: string): void {
  notice = code;
}

export function takeSessionNotice(): string | null {
  const current = notice;
  notice = null;
  return current;
}
