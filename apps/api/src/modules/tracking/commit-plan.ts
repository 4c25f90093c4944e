import type { TScormStandard } from '@asah/contracts/tracking';
import { cmiFacts, sessionTimeSeconds, type CmiFacts } from '@asah/scorm/cmi-normalise';
import { validateCmi, type CmiLimits, type CmiViolation } from '@asah/scorm/cmi-validate';

type Obj = Record<string, unknown>;

/** The order of a commit: its session (launcher page load) and its number within the session. */
export interface CommitKey {
  session: number;
  sequence: number;
  terminate: boolean;
}

/** The stored state already holds this commit or a newer one. */
export function isOlder(key: CommitKey, state: Obj): boolean {
  const lastSession = Number(state.last_session);
  return key.session < lastSession || (key.session === lastSession && key.sequence <= Number(state.last_sequence));
}

export interface CommitPlan {
  facts: CmiFacts;
  /** The stored state with the commit merged in (suspend_data included). */
  merged: Obj;
  /** Dotted names of the elements the commit changed. */
  changed: string[];
  newSession: boolean;
  priorTime: number;
  totalTime: number;
  entry: 'resume' | '';
  /** What is stored as `cmi` (no suspend_data, no write-only elements). */
  cmiStored: Obj;
  /** cmiStored as JSON: what is written, and what the state cache keeps for the SCO's next commit. */
  cmiJson: string;
  diffJson: string;
  /** Statuses, score, interactions or objectives changed: the attempt and the course must be rolled up. */
  rollupNeeded: boolean;
}

/**
 * What a commit (its `cmi` as posted) turns the stored state of a SCO (a `tracking_sco_states` row)
 * into, or the SCORM data-model violation that refuses it. Runs on every commit, so the check, the
 * merge onto the stored state and the changed elements are one walk (validateCmi with `onto`), and
 * only the scalar facts are read (interactions and objectives as rows are for the slow path).
 */
export function planCommit(standard: TScormStandard, state: Obj, cmi: unknown, limits: CmiLimits, key: CommitKey): { ok: true; plan: CommitPlan } | { ok: false; violation: CmiViolation } {
  // state.cmi is JSON text as the database and the state cache hand it over (see STATE_COLUMNS), or an object.
  const stored = (typeof state.cmi === 'string' ? (JSON.parse(state.cmi) as Obj | null) : (state.cmi as Obj | null)) ?? {};
  const before: Obj = state.suspend_data !== null && state.suspend_data !== undefined ? { ...stored, suspend_data: state.suspend_data } : stored;
  const changed: string[] = [];
  const check = validateCmi(standard, cmi, limits, { base: before, changed });
  if (!check.ok) return check;
  const merged = check.cmi;
  const facts = cmiFacts(standard, merged);
  const newSession = key.session !== Number(state.last_session);
  const storedTotal = Number(state.total_time_seconds);
  const storedPrior = Number(state.prior_time_seconds);
  // The stored state never holds session_time (write-only, stripped below): merged has the commit's own.
  const sessionTime = sessionTimeSeconds(standard, merged) ?? (newSession ? 0 : storedTotal - storedPrior);
  const priorTime = newSession ? storedTotal : storedPrior;
  const { suspend_data: _s, ...cmiStored } = merged;
  stripWriteOnly(standard, cmiStored);
  const rollupNeeded =
    facts.completionStatus !== state.completion_status ||
    facts.successStatus !== state.success_status ||
    facts.scoreScaled !== (state.score_scaled ?? null) ||
    facts.scoreRaw !== (state.score_raw ?? null) ||
    changed.some((k) => k.startsWith('cmi.interactions.') || k.startsWith('cmi.objectives.'));
  return {
    ok: true,
    plan: {
      facts,
      merged,
      changed,
      newSession,
      priorTime,
      totalTime: priorTime + sessionTime,
      entry: facts.exit === 'suspend' ? 'resume' : '',
      cmiStored,
      cmiJson: JSON.stringify(cmiStored),
      diffJson: JSON.stringify(diffOf(changed, merged)),
      rollupNeeded,
    },
  };
}

/** session_time is write-only and belongs to one session: never handed back on the next launch. */
function stripWriteOnly(standard: TScormStandard, cmi: Obj): void {
  if (standard === 'scorm12') {
    if (cmi.core && typeof cmi.core === 'object') {
      const { session_time: _t, exit: _e, ...core } = cmi.core as Obj;
      cmi.core = core;
    }
  } else {
    delete cmi.session_time;
    delete cmi.exit;
  }
}

/** New values of the changed elements for the audit trail; long values (suspend_data) shortened. */
function diffOf(changed: string[], merged: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of changed.slice(0, 100)) {
    let value: unknown = merged;
    for (const part of key.split('.').slice(1)) value = (value as Obj | undefined)?.[part];
    const text = value === undefined || value === null ? '' : String(value);
    out[key] = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
  }
  return out;
}
