import type { BadgeTone } from '@asah/ui/components/Badge';
import type { TActivityProgressStatus } from '@asah/contracts/tracking';

/** A scaled score (-1..1) as a percentage, "85%". */
export function formatScore(scaled: number | null, language: string): string | null {
  if (scaled === null) return null;
  return (scaled).toLocaleString(language, { style: 'percent', maximumFractionDigits: 0 });
}

/** Seconds of learning as "1 j 05 m" / "1 h 05 m"; under a minute as seconds. */
export function formatDuration(seconds: number, units: { h: string; m: string; s: string }): string {
  if (seconds < 60) return `${seconds} ${units.s}`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h} ${units.h} ${String(m).padStart(2, '0')} ${units.m}` : `${m} ${units.m}`;
}

export const ACTIVITY_STATUS_TONES: Record<TActivityProgressStatus, BadgeTone> = {
  not_started: 'neutral',
  incomplete: 'warning',
  completed: 'success',
  passed: 'success',
  failed: 'danger',
};
