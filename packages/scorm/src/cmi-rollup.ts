import type { CompletionStatus, SuccessStatus } from './cmi-normalise';

/**
 * Rollup from SCOs to the activity (one SCORM package). Statuses of the learner portal:
 * not_started | incomplete | completed | passed | failed.
 */
export type ProgressStatus = 'not_started' | 'incomplete' | 'completed' | 'passed' | 'failed';

export interface ScoFacts {
  completion: CompletionStatus;
  success: SuccessStatus;
  scoreScaled: number | null;
}

/** One SCO: success wins over completion (a 1.2 `passed` is completed and passed). */
export function scoStatus(sco: ScoFacts | undefined): ProgressStatus {
  if (!sco) return 'not_started';
  if (sco.success === 'passed') return 'passed';
  if (sco.success === 'failed') return 'failed';
  if (sco.completion === 'completed') return 'completed';
  return 'incomplete';
}

/**
 * A package without sequencing rules: every launchable item (SCOs, and assets, which count as
 * completed once launched) must be done. Any failed SCO fails the activity once the others are
 * done; until then it is incomplete. Passed when every SCO with a success status passed.
 * Score: mean scaled score of the SCOs that reported one.
 */
export function rollupActivity(itemIds: readonly string[], scos: ReadonlyMap<string, ScoFacts>): { status: ProgressStatus; scoreScaled: number | null } {
  const statuses = itemIds.map((id) => scoStatus(scos.get(id)));
  const scores = itemIds.map((id) => scos.get(id)?.scoreScaled).filter((s): s is number => typeof s === 'number');
  const scoreScaled = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10000) / 10000 : null;
  if (!statuses.length || statuses.every((s) => s === 'not_started')) return { status: 'not_started', scoreScaled };
  const done = statuses.every((s) => s === 'completed' || s === 'passed' || s === 'failed');
  if (!done) return { status: 'incomplete', scoreScaled };
  if (statuses.includes('failed')) return { status: 'failed', scoreScaled };
  if (statuses.includes('passed')) return { status: 'passed', scoreScaled };
  return { status: 'completed', scoreScaled };
}

/** The rollup a sequenced 2004 package's launcher computed (scorm-again sequencing) in portal terms. */
export function statusFromSequencingRollup(rollup: { completion: string; success: string }): ProgressStatus {
  if (rollup.success === 'passed') return 'passed';
  if (rollup.success === 'failed') return 'failed';
  if (rollup.completion === 'completed') return 'completed';
  return 'incomplete';
}

const RANK: Record<ProgressStatus, number> = { not_started: 0, incomplete: 1, failed: 2, completed: 3, passed: 4 };

/**
 * The activity's result over attempts: the best one (passed > completed > failed > incomplete),
 * so a later, unfinished attempt never takes a completion back. Ties keep the better score.
 */
export function betterResult<T extends { status: ProgressStatus; scoreScaled: number | null }>(a: T, b: T): T {
  if (RANK[a.status] !== RANK[b.status]) return RANK[a.status] > RANK[b.status] ? a : b;
  return (b.scoreScaled ?? -Infinity) > (a.scoreScaled ?? -Infinity) ? b : a;
}

export function isDone(status: ProgressStatus): boolean {
  return status === 'completed' || status === 'passed';
}
