import type { TJpComplianceStatus } from '@asah/contracts/jp-ledger';

/** Target (minimum per year) and cap (the most that counts) of one employment type; null: none. */
export interface JpLimits {
  target: number | null;
  cap: number | null;
}

export interface JpYear {
  earned: number;
  total: number;
  remaining: number | null;
  overCap: number;
  status: TJpComplianceStatus;
}

/** JP are kept to hundredths (numeric(6,2)); sums of floats are rounded back to them. */
export const roundJp = (jp: number) => Math.round(jp * 100) / 100;

/**
 * A year of JP against the employee's limits: what counts is what was earned held to the cap (a PPPK
 * earning 30 with a cap of 24 has 24), and the target is reached when what counts reaches it.
 */
export function jpYear(earned: number, limits: JpLimits): JpYear {
  const e = roundJp(earned);
  const total = limits.cap === null ? e : Math.min(e, limits.cap);
  const remaining = limits.target === null ? null : roundJp(Math.max(0, limits.target - total));
  const status: TJpComplianceStatus = limits.target === null ? 'no_target' : total >= limits.target ? 'met' : 'below';
  return { earned: e, total: roundJp(total), remaining, overCap: limits.cap === null ? 0 : roundJp(Math.max(0, e - limits.cap)), status };
}

/** Minutes of learning as JP (1 JP = `minutesPerJp` minutes), to hundredths, rounded down so nobody is over-credited. */
export function minutesToJp(minutes: number, minutesPerJp: number): number {
  return Math.floor((minutes / minutesPerJp) * 100 + 1e-9) / 100;
}
