import { z } from 'zod';

/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date YYYYMMDD, start of service (TMT CPNS) YYYYMM,
 * sex digit (1 male, 2 female), three-digit sequence. See shared/domain.md.
 */
export type NipProblem =
  | 'NIP_FORMAT'
  | 'NIP_BIRTH_DATE'
  | 'NIP_SERVICE_START'
  | 'NIP_SEX_DIGIT'
  | 'NIP_SEQUENCE';

export interface ParsedNip {
  birthDate: string; // YYYY-MM-DD
  /** YYYY-MM for PNS (TMT CPNS); YYYY alone for PPPK, whose NIP has `21` where the month would be. */
  serviceStart: string;
  pppk: boolean;
  sex: 'male' | 'female';
  sequence: number;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Strips the spaces people type when copying a NIP from a grouped display. */
export function normaliseNip(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

export function checkNip(input: string): { ok: true; nip: ParsedNip } | { ok: false; problem: NipProblem } {
  const nip = normaliseNip(input);
  if (!/^\d{18}$/.test(nip)) return { ok: false, problem: 'NIP_FORMAT' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1900 || !isRealDate(by, bm, bd)) return { ok: false, problem: 'NIP_BIRTH_DATE' };
  const sy = Number(nip.slice(8, 12));
  const sm = Number(nip.slice(12, 14));
  // PPPK NIPs (BKN's numbering since 2019) put the code 21 where a PNS NIP has the month.
  const pppk = sm === 21;
  // Service cannot start before birth, nor before anyone could be appointed (age 15 is a safe floor).
  if ((!pppk && (sm < 1 || sm > 12)) || sy < by + 15) return { ok: false, problem: 'NIP_SERVICE_START' };
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, problem: 'NIP_SEX_DIGIT' };
  const sequence = Number(nip.slice(15));
  if (sequence < 1) return { ok: false, problem: 'NIP_SEQUENCE' };
  return {
    ok: true,
    nip: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      serviceStart: pppk ? nip.slice(8, 12) : `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      pppk,
      sex: sexDigit === '1' ? 'male' : 'female',
      sequence,
    },
  };
}

export const NIP_PROBLEM_MESSAGES: Record<NipProblem, string> = {
  NIP_FORMAT: 'NIP must be exactly 18 digits',
  NIP_BIRTH_DATE: 'NIP digits 1-8 must be a real birth date (YYYYMMDD)',
  NIP_SERVICE_START: 'NIP digits 9-14 must be a start of service YYYYMM (or YYYY21 for PPPK) after the birth date',
  NIP_SEX_DIGIT: 'NIP digit 15 must be 1 (male) or 2 (female)',
  NIP_SEQUENCE: 'NIP digits 16-18 must be a sequence number from 001',
};

/** Shows a NIP grouped 8-6-1-3 as people read it: `19860926 201505 1 001`. */
export function formatNip(nip: string): string {
  const n = normaliseNip(nip);
  if (n.length !== 18) return nip;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

/** Accepts a NIP with or without the reading spaces and yields the 18 bare digits. */
export const ZNip = z
  .string()
  .transform(normaliseNip)
  .superRefine((value, ctx) => {
    const result = checkNip(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: NIP_PROBLEM_MESSAGES[result.problem], params: { code: result.problem } });
  });
