import { isOlder, planCommit as planOrRefuse, type CommitKey } from './commit-plan';

const limits = { suspendDataMax: 65536 };
const planCommit = (standard: 'scorm12' | 'scorm2004', state: Record<string, unknown>, cmi: unknown, key: CommitKey) => {
  const r = planOrRefuse(standard, state, cmi, limits, key);
  if (!r.ok) throw new Error(r.violation.message);
  return r.plan;
};

/** A stored SCO state as `tracking_sco_states` returns it. */
const stored = (over: Record<string, unknown> = {}) => ({
  id: 's1',
  cmi: { core: { lesson_status: 'incomplete', lesson_location: 'p1', score: { raw: '', min: '0', max: '100' } }, interactions: { '0': { id: 'q1', result: 'wrong' } } },
  suspend_data: 'abc',
  total_time_seconds: 120,
  prior_time_seconds: 100,
  last_session: 2,
  last_sequence: 5,
  sessions: 2,
  completion_status: 'incomplete',
  success_status: 'unknown',
  score_raw: null,
  score_scaled: null,
  ...over,
});

describe('isOlder', () => {
  it('orders by session, then by sequence within the session', () => {
    const state = stored();
    expect(isOlder({ session: 2, sequence: 5, terminate: false }, state)).toBe(true);
    expect(isOlder({ session: 2, sequence: 4, terminate: false }, state)).toBe(true);
    expect(isOlder({ session: 1, sequence: 99, terminate: false }, state)).toBe(true);
    expect(isOlder({ session: 2, sequence: 6, terminate: false }, state)).toBe(false);
    expect(isOlder({ session: 3, sequence: 0, terminate: false }, state)).toBe(false);
  });
});

describe('planCommit', () => {
  it('reads the stored CMI as JSON text (as the database and the state cache hand it over) exactly as the object', () => {
    const key = { session: 2, sequence: 6, terminate: false };
    const commit = { core: { lesson_location: 'p2', session_time: '00:00:30' }, suspend_data: 'abcd' };
    const fromObject = planCommit('scorm12', stored(), commit, key);
    const fromText = planCommit('scorm12', stored({ cmi: JSON.stringify(stored().cmi) }), commit, key);
    expect(fromText).toEqual(fromObject);
    expect(JSON.parse(fromText.cmiJson)).toEqual(fromText.cmiStored);
    expect(planCommit('scorm12', stored({ cmi: 'null' }), commit, key).cmiStored).toEqual({ core: { lesson_location: 'p2' } });
  });

  it('merges a partial commit, lists what changed and needs no rollup for location and suspend data', () => {
    const plan = planCommit('scorm12', stored(), { core: { lesson_location: 'p2', session_time: '00:00:30' }, suspend_data: 'abcd' }, { session: 2, sequence: 6, terminate: false });
    expect(plan.changed.sort()).toEqual(['cmi.core.lesson_location', 'cmi.core.session_time', 'cmi.suspend_data']);
    expect(plan.rollupNeeded).toBe(false);
    expect(plan.facts).toMatchObject({ location: 'p2', suspendData: 'abcd', completionStatus: 'incomplete' });
    // Same session: the session's time replaces the previous report of it, on top of the prior sessions.
    expect(plan).toMatchObject({ newSession: false, priorTime: 100, totalTime: 130 });
    // suspend_data is its own column; session_time is write-only and never handed back.
    expect(plan.cmiStored).toEqual({ core: { lesson_status: 'incomplete', lesson_location: 'p2', score: { raw: '', min: '0', max: '100' } }, interactions: { '0': { id: 'q1', result: 'wrong' } } });
    expect(JSON.parse(plan.cmiJson)).toEqual(plan.cmiStored);
    expect(JSON.parse(plan.diffJson)).toEqual({ 'cmi.core.lesson_location': 'p2', 'cmi.core.session_time': '00:00:30', 'cmi.suspend_data': 'abcd' });
  });

  it('starts a new session on top of the stored total, and keeps the stored session time when none is reported', () => {
    expect(planCommit('scorm12', stored(), { core: { session_time: '00:01:00' } }, { session: 3, sequence: 0, terminate: false })).toMatchObject({ newSession: true, priorTime: 120, totalTime: 180 });
    expect(planCommit('scorm12', stored(), { core: { lesson_location: 'p3' } }, { session: 3, sequence: 0, terminate: false })).toMatchObject({ priorTime: 120, totalTime: 120 });
    expect(planCommit('scorm12', stored(), { core: { lesson_location: 'p3' } }, { session: 2, sequence: 6, terminate: false })).toMatchObject({ priorTime: 100, totalTime: 120 });
  });

  it('needs the rollup when the status, the score or an interaction changes', () => {
    const key = { session: 2, sequence: 6, terminate: false };
    expect(planCommit('scorm12', stored(), { core: { lesson_status: 'passed' } }, key).rollupNeeded).toBe(true);
    expect(planCommit('scorm12', stored(), { core: { score: { raw: '80' } } }, key).rollupNeeded).toBe(true);
    const answered = planCommit('scorm12', stored(), { interactions: { '0': { result: 'correct' }, '1': { id: 'q2' } } }, key);
    expect(answered.rollupNeeded).toBe(true);
    expect(answered.changed.sort()).toEqual(['cmi.interactions.0.result', 'cmi.interactions.1.id']);
  });

  it('reads SCORM 2004 elements, marks a suspended exit for resume and strips exit and session_time', () => {
    const plan = planCommit(
      'scorm2004',
      stored({ cmi: { location: 'a', completion_status: 'incomplete' }, suspend_data: null }),
      { location: 'b', exit: 'suspend', session_time: 'PT1M', score: { scaled: '0.5' } },
      { session: 3, sequence: 1, terminate: true },
    );
    expect(plan.entry).toBe('resume');
    expect(plan.facts).toMatchObject({ location: 'b', exit: 'suspend', scoreScaled: 0.5, suspendData: null });
    expect(plan.cmiStored).toEqual({ location: 'b', completion_status: 'incomplete', score: { scaled: '0.5' } });
    expect(plan.totalTime).toBe(180);
    expect(plan.rollupNeeded).toBe(true);
  });

  it('refuses a value outside the data model and names the element', () => {
    expect(planOrRefuse('scorm12', stored(), { core: { lesson_status: 'done' } }, limits, { session: 2, sequence: 6, terminate: false })).toMatchObject({
      ok: false,
      violation: { errorCode: 405, element: 'cmi.core.lesson_status' },
    });
    expect(planOrRefuse('scorm12', stored(), { suspend_data: 'x'.repeat(11) }, { suspendDataMax: 10 }, { session: 2, sequence: 6, terminate: false })).toMatchObject({ ok: false });
  });

  it('never changes the stored state it was given (the state cache hands it to the next commit)', () => {
    const state = stored();
    const copy = JSON.parse(JSON.stringify(state));
    planCommit('scorm12', state, { core: { lesson_location: 'x', score: { raw: '10' } }, interactions: { '0': { result: 'correct' } } }, { session: 2, sequence: 6, terminate: false });
    expect(state).toEqual(copy);
  });
});
