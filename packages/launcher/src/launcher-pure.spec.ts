import { cmiForRevisit, flattenLaunchable, parseNavRequest, statusFromCmi } from './items';
import { defaultCommitUrl, hasQueuedCommits, offlineCourseId, replayOfflineCommits } from './offline-replay';
import { parseLaunchAddress, runtimeUrl, type RuntimeItem } from './wire';

const item = (identifier: string, launchUrl: string | null, children: RuntimeItem[] = []): RuntimeItem => ({
  identifier,
  title: identifier,
  launchUrl,
  scormType: launchUrl ? 'sco' : null,
  children,
});

class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

describe('launcher address and items', () => {
  it('reads the attempt from the path, the token and the portal origin from the query', () => {
    expect(parseLaunchAddress({ pathname: '/rt/abc-1/', search: '?t=tok&portal=http%3A%2F%2Flocalhost%3A5173' })).toEqual({
      attemptId: 'abc-1',
      token: 'tok',
      portalOrigins: ['http://localhost:5173'],
    });
    // Not an origin (a path, a script URL): ignored.
    expect(parseLaunchAddress({ pathname: '/rt/abc-1/', search: '?t=tok&portal=javascript:alert(1)' })?.portalOrigins).toEqual([]);
    expect(parseLaunchAddress({ pathname: '/rt/abc-1/', search: '' })).toBeNull();
    expect(parseLaunchAddress({ pathname: '/v/abc-1/', search: '?t=tok' })).toBeNull();
    expect(runtimeUrl({ attemptId: 'a b', token: 't&x' }, 'state')).toBe('/rt/a%20b/state?t=t%26x');
  });

  it('lists launchable items depth first, skipping clusters', () => {
    const tree = [item('c1', null, [item('a', '/v/1/a.html'), item('b', '/v/1/b.html')]), item('d', '/v/1/d.html')];
    expect(flattenLaunchable(tree).map((i) => i.identifier)).toEqual(['a', 'b', 'd']);
  });

  it('derives the table-of-contents status from 1.2 and 2004 CMI', () => {
    expect(statusFromCmi('scorm12', { core: { lesson_status: 'passed' } })).toBe('passed');
    expect(statusFromCmi('scorm12', { core: { lesson_status: 'not attempted' } })).toBe('not_attempted');
    expect(statusFromCmi('scorm2004', { completion_status: 'completed', success_status: 'failed' })).toBe('failed');
    expect(statusFromCmi('scorm2004', { completion_status: 'incomplete', success_status: 'unknown' })).toBe('incomplete');
    expect(statusFromCmi('scorm2004', null)).toBe('not_attempted');
  });

  it('prepares a SCO revisited in the same page load: resume after suspend, no old exit or session time', () => {
    expect(cmiForRevisit('scorm12', { core: { exit: 'suspend', session_time: '00:01:00', lesson_location: '3' } })).toEqual({
      core: { entry: 'resume', lesson_location: '3' },
    });
    expect(cmiForRevisit('scorm2004', { exit: 'normal', session_time: 'PT1M', location: '2' })).toEqual({ entry: '', location: '2' });
  });

  it('parses adl.nav.request values', () => {
    expect(parseNavRequest('continue')).toEqual({ command: 'continue' });
    expect(parseNavRequest('suspendAll')).toEqual({ command: 'suspendAll' });
    expect(parseNavRequest('{target=item_2}choice')).toEqual({ command: 'choice', target: 'item_2' });
    expect(parseNavRequest('{target=x}jump')).toEqual({ command: 'jump', target: 'x' });
    expect(parseNavRequest('_none_')).toBeNull();
    expect(parseNavRequest('launch')).toBeNull();
  });
});

describe('replayOfflineCommits', () => {
  const address = { attemptId: 'att-1', token: 'tok', portalOrigins: [] };
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it("sends this attempt's queued commits to their SCO, terminate flagged, and keeps the rest", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'scorm_again_sync_queue',
      JSON.stringify([
        { courseId: offlineCourseId('att-1'), data: { __sco: 'sco_a', session: 2, commitSequence: 4, cmi: {} }, isTerminateCommit: true },
        { courseId: offlineCourseId('other'), data: { __sco: 'sco_b', session: 1, commitSequence: 1, cmi: {} } },
      ]),
    );
    const calls: Array<{ url: string; body: unknown }> = [];
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(JSON.stringify({ result: true, errorCode: 0 }), { status: 200 });
    }) as typeof fetch;
    expect(await replayOfflineCommits('att-1', defaultCommitUrl(address), storage as unknown as Storage)).toBe(1);
    expect(calls).toEqual([{ url: '/rt/att-1/sco/sco_a/commit?t=tok&terminate=true', body: { session: 2, commitSequence: 4, cmi: {} } }]);
    expect(JSON.parse(storage.getItem('scorm_again_sync_queue')!)).toHaveLength(1);
  });

  it('keeps everything queued while the network is still down', async () => {
    const storage = new MemoryStorage();
    storage.setItem('scorm_again_sync_queue', JSON.stringify([{ courseId: offlineCourseId('att-1'), data: { __sco: 'sco_a', cmi: {} } }]));
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await replayOfflineCommits('att-1', defaultCommitUrl(address), storage as unknown as Storage)).toBe(0);
    expect(JSON.parse(storage.getItem('scorm_again_sync_queue')!)).toHaveLength(1);
  });

  const queued = (id: string, sequence: number, sco = 'sco_a') => ({
    id,
    courseId: offlineCourseId('att-1'),
    data: { __sco: sco, session: 1, commitSequence: sequence, cmi: {} },
  });

  it('stops at server trouble and keeps that commit and the later ones, in order, for the next try', async () => {
    const storage = new MemoryStorage();
    storage.setItem('scorm_again_sync_queue', JSON.stringify([queued('a', 1), queued('b', 2), queued('c', 3)]));
    const statuses = [200, 503, 200];
    const sent: number[] = [];
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      sent.push((JSON.parse(String(init.body)) as { commitSequence: number }).commitSequence);
      const status = statuses.shift()!;
      return new Response(JSON.stringify({ result: status === 200 }), { status });
    }) as typeof fetch;
    expect(await replayOfflineCommits('att-1', defaultCommitUrl(address), storage as unknown as Storage)).toBe(1);
    expect(sent).toEqual([1, 2]);
    expect((JSON.parse(storage.getItem('scorm_again_sync_queue')!) as Array<{ id: string }>).map((i) => i.id)).toEqual(['b', 'c']);
    expect(hasQueuedCommits('att-1', storage as unknown as Storage)).toBe(true);
    expect(hasQueuedCommits('other', storage as unknown as Storage)).toBe(false);
  });

  it('keeps a commit queued while the replay was waiting on the network, and runs one replay at a time', async () => {
    const storage = new MemoryStorage();
    storage.setItem('scorm_again_sync_queue', JSON.stringify([queued('a', 1)]));
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    globalThis.fetch = (async () => {
      calls += 1;
      await gate;
      return new Response(JSON.stringify({ result: true }), { status: 200 });
    }) as typeof fetch;
    const first = replayOfflineCommits('att-1', defaultCommitUrl(address), storage as unknown as Storage);
    const second = replayOfflineCommits('att-1', defaultCommitUrl(address), storage as unknown as Storage);
    await Promise.resolve();
    // A commit fails while the replay is in flight and joins the queue.
    const now = JSON.parse(storage.getItem('scorm_again_sync_queue')!) as unknown[];
    storage.setItem('scorm_again_sync_queue', JSON.stringify([...now, queued('late', 2, 'sco_b')]));
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    expect(calls).toBe(1);
    expect((JSON.parse(storage.getItem('scorm_again_sync_queue')!) as Array<{ id: string }>).map((i) => i.id)).toEqual(['late']);
  });
});
