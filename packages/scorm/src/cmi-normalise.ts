import type { CmiStandard } from './cmi-validate';
import { parseDuration2004, parseTimespan12 } from './cmi-time';

/**
 * The queryable facts of a SCO's CMI state (scorm-again JSON shape, validated by validateCmi):
 * statuses in 2004 terms for both standards, scores, location, exit, this session's time,
 * interactions and objectives as rows.
 */

export type CompletionStatus = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

export interface NormalisedInteraction {
  index: number;
  id: string;
  type: string | null;
  description: string | null;
  learnerResponse: string | null;
  correctResponses: string[];
  result: string | null;
  weighting: number | null;
  latency: string | null;
  timestamp: string | null;
  objectiveIds: string[];
}

export interface NormalisedObjective {
  index: number;
  id: string;
  completionStatus: string | null;
  successStatus: string | null;
  scoreScaled: number | null;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  progressMeasure: number | null;
  description: string | null;
}

/** The scalar facts of a SCO's state (what every commit needs; cheap). */
export interface CmiFacts {
  completionStatus: CompletionStatus;
  successStatus: SuccessStatus;
  scoreRaw: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  /** 2004 score.scaled; for 1.2 derived from raw over min..max (0..100 when not given). */
  scoreScaled: number | null;
  location: string | null;
  suspendData: string | null;
  exit: string | null;
  /** The session_time the SCO reported for the current session, in seconds (0 if none). */
  sessionTimeSeconds: number;
}

/** The interactions and objectives as rows (only needed when they changed). */
export interface CmiLists {
  interactions: NormalisedInteraction[];
  objectives: NormalisedObjective[];
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => {
  const s = str(v);
  if (s === null) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
/** Entries of a scorm-again array (object keyed "0", "1", ...) in index order. */
const entries = (v: unknown): [number, Obj][] =>
  Object.entries(obj(v))
    .filter(([k]) => /^\d+$/.test(k))
    .map(([k, x]) => [Number(k), obj(x)] as [number, Obj])
    .sort((a, b) => a[0] - b[0]);

/** SCORM 1.2 lesson_status in 2004 terms. */
export function statusFrom12(lessonStatus: string | null): { completion: CompletionStatus; success: SuccessStatus } {
  switch (lessonStatus) {
    case 'passed':
      return { completion: 'completed', success: 'passed' };
    case 'failed':
      return { completion: 'completed', success: 'failed' };
    case 'completed':
      return { completion: 'completed', success: 'unknown' };
    case 'incomplete':
    case 'browsed':
      return { completion: 'incomplete', success: 'unknown' };
    case 'not attempted':
      return { completion: 'not attempted', success: 'unknown' };
    default:
      return { completion: 'unknown', success: 'unknown' };
  }
}

/** The scalar facts only: what a commit that leaves interactions and objectives alone needs. */
export function cmiFacts(standard: CmiStandard, cmi: Obj): CmiFacts {
  if (standard === 'scorm12') {
    const core = obj(cmi.core);
    const score = obj(core.score);
    const { completion, success } = statusFrom12(str(core.lesson_status));
    const raw = num(score.raw);
    const min = num(score.min);
    const max = num(score.max);
    return {
      completionStatus: completion,
      successStatus: success,
      scoreRaw: raw,
      scoreMin: min,
      scoreMax: max,
      scoreScaled: scaledFrom(raw, min, max),
      location: str(core.lesson_location),
      suspendData: str(cmi.suspend_data),
      exit: str(core.exit),
      sessionTimeSeconds: sessionTimeSeconds(standard, cmi) ?? 0,
    };
  }
  const score = obj(cmi.score);
  const completion = str(cmi.completion_status);
  const success = str(cmi.success_status);
  return {
    completionStatus: (['completed', 'incomplete', 'not attempted'].includes(completion ?? '') ? completion : 'unknown') as CompletionStatus,
    successStatus: (['passed', 'failed'].includes(success ?? '') ? success : 'unknown') as SuccessStatus,
    scoreRaw: num(score.raw),
    scoreMin: num(score.min),
    scoreMax: num(score.max),
    scoreScaled: num(score.scaled),
    location: str(cmi.location),
    suspendData: str(cmi.suspend_data),
    exit: str(cmi.exit),
    sessionTimeSeconds: sessionTimeSeconds(standard, cmi) ?? 0,
  };
}

/** The session_time a commit reports, in seconds (0 when blank or malformed); null when it reports none. */
export function sessionTimeSeconds(standard: CmiStandard, cmi: Obj): number | null {
  const value = standard === 'scorm12' ? obj(cmi.core).session_time : cmi.session_time;
  if (typeof value !== 'string') return null;
  return (standard === 'scorm12' ? parseTimespan12(value) : parseDuration2004(value)) ?? 0;
}

export function cmiLists(standard: CmiStandard, cmi: Obj): CmiLists {
  if (standard === 'scorm12') {
    return {
      interactions: entries(cmi.interactions).map(([index, i]) => ({
        index,
        id: str(i.id) ?? '',
        type: str(i.type),
        description: null,
        learnerResponse: str(i.student_response),
        correctResponses: entries(i.correct_responses).map(([, r]) => str(r.pattern) ?? ''),
        result: str(i.result),
        weighting: num(i.weighting),
        latency: str(i.latency),
        timestamp: str(i.time),
        objectiveIds: entries(i.objectives).map(([, o]) => str(o.id) ?? ''),
      })),
      objectives: entries(cmi.objectives).map(([index, o]) => {
        const s = obj(o.score);
        const st = statusFrom12(str(o.status));
        return {
          index,
          id: str(o.id) ?? '',
          completionStatus: st.completion,
          successStatus: st.success,
          scoreRaw: num(s.raw),
          scoreMin: num(s.min),
          scoreMax: num(s.max),
          scoreScaled: scaledFrom(num(s.raw), num(s.min), num(s.max)),
          progressMeasure: null,
          description: null,
        };
      }),
    };
  }
  return {
    interactions: entries(cmi.interactions).map(([index, i]) => ({
      index,
      id: str(i.id) ?? '',
      type: str(i.type),
      description: str(i.description),
      learnerResponse: str(i.learner_response),
      correctResponses: entries(i.correct_responses).map(([, r]) => str(r.pattern) ?? ''),
      result: str(i.result),
      weighting: num(i.weighting),
      latency: str(i.latency),
      timestamp: str(i.timestamp),
      objectiveIds: entries(i.objectives).map(([, o]) => str(o.id) ?? ''),
    })),
    objectives: entries(cmi.objectives).map(([index, o]) => {
      const s = obj(o.score);
      return {
        index,
        id: str(o.id) ?? '',
        completionStatus: str(o.completion_status),
        successStatus: str(o.success_status),
        scoreRaw: num(s.raw),
        scoreMin: num(s.min),
        scoreMax: num(s.max),
        scoreScaled: num(s.scaled),
        progressMeasure: num(o.progress_measure),
        description: str(o.description),
      };
    }),
  };
}

/** 1.2 has no scaled score: raw over min..max, the range 0..100 when min/max are not given. */
function scaledFrom(raw: number | null, min: number | null, max: number | null): number | null {
  if (raw === null) return null;
  const lo = min ?? 0;
  const hi = max ?? 100;
  if (hi <= lo) return null;
  return Math.max(-1, Math.min(1, Math.round(((raw - lo) / (hi - lo)) * 10000) / 10000));
}
