import { validateCmi } from './cmi-validate';
import { formatDuration2004, formatTimespan12, parseDuration2004, parseTimespan12 } from './cmi-time';
import { cmiFacts, cmiLists } from './cmi-normalise';
import { betterResult, rollupActivity } from './cmi-rollup';

const limits = { suspendDataMax: 65536 };

describe('validateCmi (SCORM 1.2)', () => {
  const good = {
    core: {
      student_id: 'u1',
      student_name: 'Ani',
      lesson_location: 'page-3',
      credit: 'credit',
      lesson_status: 'incomplete',
      entry: 'ab-initio',
      lesson_mode: 'normal',
      exit: 'suspend',
      session_time: '00:05:12.5',
      score: { raw: '85', min: '0', max: '100' },
    },
    suspend_data: 'x'.repeat(5000),
    launch_data: '',
    comments: '',
    objectives: { '0': { id: 'obj_1', status: 'passed', score: { raw: '', min: '', max: '' } } },
    interactions: { '0': { id: 'q1', time: '10:11:12', type: 'choice', weighting: '1', student_response: 'a', result: 'wrong', latency: '00:00:05', objectives: {}, correct_responses: { '0': { pattern: 'b' } } } },
  };

  it('accepts a realistic commit, suspend_data beyond 4096 up to the limit, and drops LMS-owned elements', () => {
    const r = validateCmi('scorm12', good, limits);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.cmi.core as Record<string, unknown>).lesson_status).toBe('incomplete');
    expect((r.cmi.core as Record<string, unknown>).entry).toBeUndefined();
    expect((r.cmi.core as Record<string, unknown>).student_id).toBeUndefined();
    expect((r.cmi.suspend_data as string).length).toBe(5000);
  });

  it.each([
    [{ core: { lesson_status: 'done' } }, 'cmi.core.lesson_status'],
    [{ core: { score: { raw: 'eighty' } } }, 'cmi.core.score.raw'],
    [{ core: { score: { raw: '101' } } }, 'cmi.core.score.raw'],
    [{ core: { exit: 'normal' } }, 'cmi.core.exit'],
    [{ core: { session_time: 'PT5M' } }, 'cmi.core.session_time'],
    [{ core: { lesson_location: 'x'.repeat(256) } }, 'cmi.core.lesson_location'],
    [{ interactions: { '0': { type: 'essay' } } }, 'cmi.interactions.0.type'],
    [{ interactions: { '1': { id: 'has space' } } }, 'cmi.interactions.1.id'],
    [{ student_preference: { audio: '101' } }, 'cmi.student_preference.audio'],
  ])('refuses %j with 405 naming %s', (cmi, element) => {
    const r = validateCmi('scorm12', cmi, limits);
    expect(r).toEqual({ ok: false, violation: expect.objectContaining({ errorCode: 405, element }) });
  });

  it('refuses suspend_data over the configured limit', () => {
    const r = validateCmi('scorm12', { suspend_data: 'x'.repeat(101) }, { suspendDataMax: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violation).toMatchObject({ errorCode: 405, element: 'cmi.suspend_data' });
  });

  it('drops keys outside the data model, including names of Object.prototype members', () => {
    expect(validateCmi('scorm12', { constructor: 'x', toString: 'y', core: { hasOwnProperty: 'z', lesson_location: 'p' }, nonsense: { deep: { er: '1' } } }, limits)).toEqual({
      ok: true,
      cmi: { core: { lesson_location: 'p' } },
    });
  });

  it('refuses an array index beyond 9999 with the general error', () => {
    expect(validateCmi('scorm12', { interactions: { '10000': { id: 'q' } } }, limits)).toMatchObject({ ok: false, violation: { errorCode: 101, element: 'cmi.interactions.10000' } });
  });

  it('merges a commit onto a stored state and lists the changed elements', () => {
    const base = { core: { lesson_status: 'incomplete', lesson_location: 'a', score: { raw: '10' } }, suspend_data: 's', interactions: { '0': { id: 'q1' } } };
    const frozen = JSON.stringify(base);
    const changed: string[] = [];
    const r = validateCmi('scorm12', { core: { lesson_location: 'b', lesson_status: 'incomplete', entry: 'resume', score: { raw: null } }, interactions: { '1': { id: 'q2', result: 'correct' } } }, limits, { base, changed });
    expect(r).toEqual({
      ok: true,
      cmi: { core: { lesson_location: 'b', lesson_status: 'incomplete', score: { raw: '10' } }, interactions: { '0': { id: 'q1' }, '1': { id: 'q2', result: 'correct' } }, suspend_data: 's' },
    });
    expect(changed.sort()).toEqual(['cmi.core.lesson_location', 'cmi.interactions.1.id', 'cmi.interactions.1.result']);
    expect(JSON.stringify(base)).toBe(frozen);
  });

  it('checks the values a commit changes against a stored state, not the ones it repeats', () => {
    const base = { core: { lesson_status: 'incomplete', score: { raw: '10' } }, suspend_data: 'x'.repeat(5000) };
    const small = { suspendDataMax: 4096 };
    // The stored suspend_data is kept as it is even under a lower limit...
    expect(validateCmi('scorm12', { core: { lesson_status: 'incomplete' }, suspend_data: 'x'.repeat(5000) }, small, { base, changed: [] })).toMatchObject({ ok: true });
    // ...but a changed value is checked: a new suspend_data over the limit, a status out of the vocabulary.
    expect(validateCmi('scorm12', { suspend_data: 'y'.repeat(5000) }, small, { base, changed: [] })).toMatchObject({ ok: false, violation: { element: 'cmi.suspend_data', errorCode: 405 } });
    expect(validateCmi('scorm12', { core: { lesson_status: 'done' } }, limits, { base, changed: [] })).toMatchObject({ ok: false, violation: { element: 'cmi.core.lesson_status', errorCode: 405 } });
    expect(validateCmi('scorm12', { core: { score: { raw: 'ten' } } }, limits, { base, changed: [] })).toMatchObject({ ok: false, violation: { element: 'cmi.core.score.raw', errorCode: 405 } });
  });

  it('lists the leaves of a subtree a leaf replaces, and stops listing at 200', () => {
    const changed: string[] = [];
    validateCmi('scorm12', { comments: 'x' }, limits, { base: { comments: { a: '1', b: '2' } }, changed });
    expect(changed).toEqual(['cmi.comments.a', 'cmi.comments.b']);
    const many: string[] = [];
    const interactions = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [String(i), { id: `q${i}` }]));
    validateCmi('scorm12', { interactions }, limits, { base: {}, changed: many });
    expect(many).toHaveLength(200);
  });

  it('refuses a non-object cmi with the general error', () => {
    expect(validateCmi('scorm12', 'x', limits)).toMatchObject({ ok: false, violation: { errorCode: 101 } });
  });
});

describe('validateCmi (SCORM 2004)', () => {
  it('accepts a realistic commit', () => {
    const r = validateCmi(
      'scorm2004',
      {
        completion_status: 'completed',
        success_status: 'passed',
        score: { scaled: '0.8', raw: '80', min: '0', max: '100' },
        location: 'p4',
        exit: 'suspend',
        session_time: 'PT1H2M3.5S',
        progress_measure: '1',
        learner_id: 'u1',
        interactions: { '0': { id: 'urn:q1', type: 'long-fill-in', timestamp: '2026-11-22T10:00:00Z', latency: 'PT5S', result: '0.5', learner_response: 'x' } },
      },
      limits,
    );
    expect(r.ok).toBe(true);
  });

  it.each([
    [{ completion_status: 'passed' }, 406, 'cmi.completion_status'],
    [{ success_status: 'completed' }, 406, 'cmi.success_status'],
    [{ score: { scaled: '1.5' } }, 407, 'cmi.score.scaled'],
    [{ score: { raw: 'abc' } }, 406, 'cmi.score.raw'],
    [{ progress_measure: '-0.1' }, 407, 'cmi.progress_measure'],
    [{ session_time: '00:10:00' }, 406, 'cmi.session_time'],
    [{ location: 'x'.repeat(1001) }, 406, 'cmi.location'],
    [{ interactions: { '0': { timestamp: 'yesterday' } } }, 406, 'cmi.interactions.0.timestamp'],
  ])('refuses %j with %i naming %s', (cmi, code, element) => {
    expect(validateCmi('scorm2004', cmi, limits)).toEqual({ ok: false, violation: expect.objectContaining({ errorCode: code, element }) });
  });
});

describe('time', () => {
  it('parses and formats 1.2 timespans and 2004 durations', () => {
    expect(parseTimespan12('0001:02:03.5')).toBe(3723.5);
    expect(parseTimespan12('1:02:03')).toBeNull();
    expect(parseDuration2004('PT1H2M3.5S')).toBe(3723.5);
    expect(parseDuration2004('P1DT1S')).toBe(86401);
    expect(parseDuration2004('PT')).toBeNull();
    expect(parseDuration2004('P')).toBeNull();
    expect(formatTimespan12(3723.5)).toBe('01:02:03.50');
    expect(formatDuration2004(3723.5)).toBe('PT1H2M3.5S');
    expect(formatDuration2004(0)).toBe('PT0S');
  });
});

describe('cmiFacts and cmiLists', () => {
  it('maps 1.2 lesson_status and derives a scaled score', () => {
    const n = cmiFacts('scorm12', { core: { lesson_status: 'passed', score: { raw: '80', min: '', max: '' }, session_time: '00:01:00' } });
    expect(n).toMatchObject({ completionStatus: 'completed', successStatus: 'passed', scoreRaw: 80, scoreScaled: 0.8, sessionTimeSeconds: 60 });
  });

  it('reads 2004 interactions and objectives as rows', () => {
    const n = cmiLists('scorm2004', {
      interactions: { '1': { id: 'b' }, '0': { id: 'a', type: 'choice', correct_responses: { '0': { pattern: 'x' } }, objectives: { '0': { id: 'o1' } }, weighting: '2' } },
      objectives: { '0': { id: 'o1', success_status: 'passed', score: { scaled: '0.5' } } },
    });
    expect(n.interactions.map((i) => i.id)).toEqual(['a', 'b']);
    expect(n.interactions[0]).toMatchObject({ type: 'choice', correctResponses: ['x'], objectiveIds: ['o1'], weighting: 2 });
    expect(n.objectives[0]).toMatchObject({ id: 'o1', successStatus: 'passed', scoreScaled: 0.5 });
  });

});

describe('rollupActivity', () => {
  const sco = (completion: 'completed' | 'incomplete', success: 'passed' | 'failed' | 'unknown', scoreScaled: number | null = null) => ({ completion, success, scoreScaled });

  it('needs every SCO of a multi-SCO package', () => {
    expect(rollupActivity(['a', 'b'], new Map([['a', sco('completed', 'unknown')]])).status).toBe('incomplete');
    expect(rollupActivity(['a', 'b'], new Map([['a', sco('completed', 'unknown')], ['b', sco('completed', 'passed', 0.9)]]))).toEqual({ status: 'passed', scoreScaled: 0.9 });
    expect(rollupActivity(['a', 'b'], new Map([['a', sco('completed', 'failed', 0.2)], ['b', sco('completed', 'passed', 0.8)]]))).toEqual({ status: 'failed', scoreScaled: 0.5 });
    expect(rollupActivity(['a'], new Map()).status).toBe('not_started');
  });

  it('keeps the best attempt', () => {
    expect(betterResult({ status: 'passed', scoreScaled: 0.7 }, { status: 'incomplete', scoreScaled: null }).status).toBe('passed');
    expect(betterResult({ status: 'passed', scoreScaled: 0.7 }, { status: 'passed', scoreScaled: 0.9 }).scoreScaled).toBe(0.9);
  });
});
