import { parseDuration2004, parseTimespan12, TIME_OF_DAY_12, TIMESTAMP_2004 } from './cmi-time';

/**
 * Server-side check of a committed CMI object (scorm-again's JSON rendering: `{ core: {...},
 * interactions: { "0": {...} } }`, no `cmi.` prefix) against the SCORM 1.2 and 2004 data models:
 * types, vocabularies, sizes. The browser's scorm-again checks the same on SetValue; this is the
 * server's own line, since anything can post to a URL.
 *
 * - A bad value answers the error code the standard names: 1.2 `405` (incorrect data type; 1.2 has
 *   no range code), 2004 `406` (type mismatch: vocabulary, format, too long) or `407` (out of range).
 * - Elements the LMS owns (entry, credit, mode, learner id and name, total_time, launch_data, ...)
 *   are read-only for the SCO; scorm-again echoes them in every commit, so they are dropped, not
 *   refused. Keys outside the data model are dropped too (the result only holds known elements).
 */

export type CmiStandard = 'scorm12' | 'scorm2004';

export interface CmiLimits {
  /** Longest suspend_data accepted, in characters (1.2 says 4096; authoring tools write more). */
  suspendDataMax: number;
}

export interface CmiViolation {
  errorCode: number;
  /** Dotted element name with indices, e.g. `cmi.interactions.0.type`. */
  element: string;
  message: string;
}

export type CmiCheck = { ok: true; cmi: Record<string, unknown> } | { ok: false; violation: CmiViolation };

/** The 2004 suspend_data SPM; also the default cap of any suspend_data. */
export const SCORM2004_SUSPEND_DATA_SPM = 64000;
export const SCORM12_SUSPEND_DATA_SPEC = 4096;

type Fail = [code: 'type' | 'range', message: string];
type Rule = (value: string, limits: CmiLimits) => Fail | null;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

const maxLen =
  (n: number): Rule =>
  (v) =>
    v.length > n ? ['type', `longer than ${n} characters (${v.length})`] : null;
const vocab =
  (...allowed: string[]): Rule =>
  (v) =>
    allowed.includes(v) ? null : ['type', `not one of ${allowed.map((a) => `'${a}'`).join(', ')}`];
const decimal =
  (min?: number, max?: number, blankOk = true): Rule =>
  (v) => {
    if (v === '' && blankOk) return null;
    if (!DECIMAL.test(v)) return ['type', 'not a number'];
    const n = Number(v);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) return ['range', `outside ${min ?? '-∞'}..${max ?? '∞'}`];
    return null;
  };
const integer =
  (min: number, max: number): Rule =>
  (v) => {
    if (v === '') return null;
    if (!INTEGER.test(v)) return ['type', 'not an integer'];
    const n = Number(v);
    return n < min || n > max ? ['range', `outside ${min}..${max}`] : null;
  };
const pattern =
  (re: RegExp, what: string, blankOk = true): Rule =>
  (v) =>
    (v === '' && blankOk) || re.test(v) ? null : ['type', `not ${what}`];
const all =
  (...rules: Rule[]): Rule =>
  (v, l) => {
    for (const r of rules) {
      const f = r(v, l);
      if (f) return f;
    }
    return null;
  };
const timespan12: Rule = (v) => (v === '' || parseTimespan12(v) !== null ? null : ['type', 'not a CMITimespan (HHHH:MM:SS.SS)']);
const duration2004: Rule = (v) => (v === '' || parseDuration2004(v) !== null ? null : ['type', 'not an ISO 8601 duration (e.g. PT1H2M3S)']);
const suspendData: Rule = (v, l) => (v.length > l.suspendDataMax ? ['type', `longer than ${l.suspendDataMax} characters (${v.length})`] : null);
/** 1.2 CMIIdentifier: no whitespace, at most 255. */
const identifier12 = all(maxLen(255), pattern(/^\S*$/, 'an identifier (no spaces)'));
/** 2004 long_identifier_type: a URI of at most 4000 characters, no whitespace. */
const identifier2004 = all(maxLen(4000), pattern(/^\S*$/, 'a URI (no spaces)'));
const RO = 'read-only' as const;

const STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'];
const INTERACTION_TYPES_12 = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'];
const RESULT_12 = ['correct', 'wrong', 'unanticipated', 'neutral'];
const score12 = decimal(0, 100);

/** Keys: element names with `n` for array indices. `RO`: owned by the LMS, dropped from commits. */
const RULES_12: Record<string, Rule | typeof RO> = {
  'core.student_id': RO,
  'core.student_name': RO,
  'core.lesson_location': maxLen(255),
  'core.credit': RO,
  'core.lesson_status': vocab(...STATUS_12),
  'core.entry': RO,
  'core.score.raw': score12,
  'core.score.min': score12,
  'core.score.max': score12,
  'core.total_time': RO,
  'core.lesson_mode': RO,
  'core.exit': vocab('', 'time-out', 'suspend', 'logout'),
  'core.session_time': timespan12,
  suspend_data: suspendData,
  launch_data: RO,
  comments: maxLen(4096),
  comments_from_lms: RO,
  'objectives.n.id': identifier12,
  'objectives.n.score.raw': score12,
  'objectives.n.score.min': score12,
  'objectives.n.score.max': score12,
  'objectives.n.status': vocab(...STATUS_12),
  'student_data.mastery_score': RO,
  'student_data.max_time_allowed': RO,
  'student_data.time_limit_action': RO,
  'student_preference.audio': integer(-1, 100),
  'student_preference.language': maxLen(255),
  'student_preference.speed': integer(-100, 100),
  'student_preference.text': integer(-1, 1),
  'interactions.n.id': identifier12,
  'interactions.n.objectives.n.id': identifier12,
  'interactions.n.time': pattern(TIME_OF_DAY_12, 'a CMITime (HH:MM:SS)'),
  'interactions.n.type': (v) => (v === '' ? null : vocab(...INTERACTION_TYPES_12)(v, { suspendDataMax: 0 })),
  'interactions.n.correct_responses.n.pattern': maxLen(255),
  'interactions.n.weighting': decimal(),
  'interactions.n.student_response': maxLen(255),
  'interactions.n.result': (v) => (v === '' || RESULT_12.includes(v) || DECIMAL.test(v) ? null : ['type', `not one of ${RESULT_12.join(', ')} or a number`]),
  'interactions.n.latency': timespan12,
};

const COMPLETION_2004 = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS_2004 = ['passed', 'failed', 'unknown'];
const INTERACTION_TYPES_2004 = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'];
const RESULT_2004 = ['correct', 'incorrect', 'unanticipated', 'neutral'];
const real = decimal();
const scaled = decimal(-1, 1);
const timestamp2004 = pattern(TIMESTAMP_2004, 'a timestamp (YYYY-MM-DDThh:mm:ss)');

const RULES_2004: Record<string, Rule | typeof RO> = {
  _version: RO,
  'comments_from_learner.n.comment': maxLen(4000),
  'comments_from_learner.n.location': maxLen(250),
  'comments_from_learner.n.timestamp': timestamp2004,
  'comments_from_lms.n.comment': RO,
  'comments_from_lms.n.location': RO,
  'comments_from_lms.n.timestamp': RO,
  completion_status: vocab(...COMPLETION_2004),
  completion_threshold: RO,
  credit: RO,
  entry: RO,
  exit: vocab('', 'time-out', 'suspend', 'logout', 'normal'),
  'interactions.n.id': identifier2004,
  'interactions.n.type': (v) => (v === '' ? null : vocab(...INTERACTION_TYPES_2004)(v, { suspendDataMax: 0 })),
  'interactions.n.objectives.n.id': identifier2004,
  'interactions.n.timestamp': timestamp2004,
  'interactions.n.correct_responses.n.pattern': maxLen(7800),
  'interactions.n.weighting': real,
  'interactions.n.learner_response': maxLen(7800),
  'interactions.n.result': (v) => (v === '' || RESULT_2004.includes(v) || DECIMAL.test(v) ? null : ['type', `not one of ${RESULT_2004.join(', ')} or a number`]),
  'interactions.n.latency': duration2004,
  'interactions.n.description': maxLen(250),
  launch_data: RO,
  learner_id: RO,
  learner_name: RO,
  'learner_preference.audio_level': decimal(0),
  'learner_preference.language': maxLen(250),
  'learner_preference.delivery_speed': decimal(0),
  'learner_preference.audio_captioning': vocab('-1', '0', '1'),
  location: maxLen(1000),
  max_time_allowed: RO,
  mode: RO,
  'objectives.n.id': identifier2004,
  'objectives.n.score.scaled': scaled,
  'objectives.n.score.raw': real,
  'objectives.n.score.min': real,
  'objectives.n.score.max': real,
  'objectives.n.success_status': vocab(...SUCCESS_2004),
  'objectives.n.completion_status': vocab(...COMPLETION_2004),
  'objectives.n.progress_measure': decimal(0, 1),
  'objectives.n.description': maxLen(250),
  progress_measure: decimal(0, 1),
  scaled_passing_score: RO,
  'score.scaled': scaled,
  'score.raw': real,
  'score.min': real,
  'score.max': real,
  session_time: duration2004,
  success_status: vocab(...SUCCESS_2004),
  suspend_data: suspendData,
  time_limit_action: RO,
  total_time: RO,
};

const CODES = {
  scorm12: { type: 405, range: 405, general: 101 },
  scorm2004: { type: 406, range: 407, general: 351 },
} as const;

/** The SCORM error code of a generally unusable commit (not an object, too deep). */
export function generalCommitError(standard: CmiStandard): number {
  return standard === 'scorm12' ? 101 : 391;
}

/**
 * Checks every leaf of `cmi` and returns the writable, known elements (same nesting, values as
 * strings), or the first violation. Arrays arrive as objects keyed "0", "1", ... (scorm-again's
 * toJSON) or as JSON arrays; both are read, the result uses objects keyed by index.
 *
 * With `onto`, the result is the commit merged onto `onto.base` (a stored state, itself a result of
 * this function): objects merge key by key, leaves are replaced, what the commit does not mention is
 * kept (scorm-again sends the full CMI by default; `sendFullCommit: false` sends part of it). The
 * dotted names of the leaves that changed are added to `onto.changed` (at most 200, for the audit
 * trail). One walk for the check, the merge and the changes: this runs on every commit.
 */
export function validateCmi(standard: CmiStandard, cmi: unknown, limits: CmiLimits, onto?: CmiOnto): CmiCheck {
  const codes = CODES[standard];
  if (!isObject(cmi)) return { ok: false, violation: { errorCode: generalCommitError(standard), element: 'cmi', message: 'cmi is not an object' } };
  // The rules are a tree walked beside the value, so no element name is put together unless a
  // value is refused or changed (the keys on the way are a stack).
  const keys: string[] = [];
  const changed = onto?.changed;
  let violation: CmiViolation | null = null;
  const nameOf = (key: string) => `cmi.${keys.length ? `${keys.join('.')}.` : ''}${key}`;
  const refuse = (errorCode: number, key: string, message?: string): null => {
    const element = nameOf(key);
    violation = { errorCode, element, message: message === undefined ? `more than 10000 entries` : `${element}: ${message}` };
    return null;
  };
  /** Every leaf of a subtree the commit adds or replaces wholesale counts as changed. */
  const allChanged = (value: unknown, key: string) => {
    if (!changed || changed.length >= CHANGED_MAX) return;
    if (!isObject(value)) return void changed.push(nameOf(key));
    keys.push(key);
    for (const k in value) allChanged(value[k], k);
    keys.pop();
  };
  const walk = (node: Record<string, unknown>, rules: RuleNode, base: Record<string, unknown> | undefined): Record<string, unknown> | null => {
    const out: Record<string, unknown> = {};
    let empty = true;
    for (const key in node) {
      const value = node[key];
      let rule: RuleNode | Rule | typeof RO | undefined = rules.named[key];
      if (rule === undefined && rules.index !== undefined && isIndex(key)) {
        if (Number(key) > 9999) return refuse(codes.general, key);
        rule = rules.index;
      }
      if (typeof value === 'object' && value !== null) {
        if (typeof rule !== 'object') continue;
        const before = base?.[key];
        const baseNode = isObject(before) ? before : undefined;
        keys.push(key);
        const inner = walk(value as Record<string, unknown>, rule, baseNode);
        keys.pop();
        if (inner === null) return null;
        if (inner !== EMPTY) {
          if (before !== undefined && !baseNode) allChanged(before, key);
          out[key] = inner;
          empty = false;
        }
        continue;
      }
      if (typeof rule !== 'function' || value === null || value === undefined) continue;
      const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
      if (text === null) return refuse(codes.type, key, 'not a text value');
      // Most of a commit repeats the stored state, which was checked when it was stored: only the
      // values that differ are checked again. (A lowered limit therefore does not refuse a commit
      // for a value the learner already had stored.)
      const before = base?.[key];
      if (!base || before !== text) {
        const fail = rule(text, limits);
        if (fail) return refuse(codes[fail[0]], key, fail[1]);
        allChanged(before === undefined ? text : before, key);
      }
      out[key] = text;
      empty = false;
    }
    if (base) {
      for (const key in base) {
        if (!Object.hasOwn(out, key)) {
          out[key] = base[key];
          empty = false;
        }
      }
    }
    return empty ? EMPTY : out;
  };

  const result = walk(cmi, standard === 'scorm12' ? TREE_12 : TREE_2004, onto?.base);
  if (violation || result === null) return { ok: false, violation: violation! };
  return { ok: true, cmi: result === EMPTY ? {} : result };
}

/** A stored state to merge a commit onto, and where to list the elements the commit changed. */
export interface CmiOnto {
  base: Record<string, unknown>;
  changed: string[];
}

const CHANGED_MAX = 200;

/** The rules as a tree: named children, and the rule of every array index (`n`) where there is one. */
interface RuleNode {
  named: Record<string, RuleNode | Rule | typeof RO>;
  index?: RuleNode | Rule | typeof RO;
}
/** Marks a subtree with nothing writable in it (dropped from the result). */
const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function ruleTree(rules: Record<string, Rule | typeof RO>): RuleNode {
  const root: RuleNode = { named: Object.create(null) };
  for (const [name, rule] of Object.entries(rules)) {
    const parts = name.split('.');
    let node = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const existing = part === 'n' ? node.index : node.named[part];
      if (last) {
        if (part === 'n') node.index = rule;
        else node.named[part] = rule;
        return;
      }
      const next = typeof existing === 'object' ? existing : { named: Object.create(null) };
      if (part === 'n') node.index = next;
      else node.named[part] = next;
      node = next;
    });
  }
  return root;
}

const TREE_12 = ruleTree(RULES_12);
const TREE_2004 = ruleTree(RULES_2004);

/** "0", "17", ...: an array index as scorm-again's JSON writes it (no regular expression: hot path). */
function isIndex(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
