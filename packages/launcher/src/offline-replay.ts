import { runtimeUrl, type LaunchAddress } from './wire';

/** scorm-again's offline queue in localStorage (OfflineStorageService.syncQueue). */
const QUEUE_KEY = 'scorm_again_sync_queue';

interface QueueItem {
  id?: string;
  courseId: string;
  data: Record<string, unknown>;
  isTerminateCommit?: boolean;
}

export const offlineCourseId = (attemptId: string) => `asah-attempt-${attemptId}`;

/** Where a queued commit of one SCO goes (the launcher's commit URL for that SCO). */
export type CommitUrl = (sco: string, terminate: boolean) => string;

export const defaultCommitUrl =
  (address: LaunchAddress): CommitUrl =>
  (sco, terminate) =>
    runtimeUrl(address, `sco/${encodeURIComponent(sco)}/commit`, terminate ? { terminate: 'true' } : {});

function readQueue(storage: Storage): QueueItem[] {
  try {
    const queue: unknown = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]');
    return Array.isArray(queue) ? (queue as QueueItem[]) : [];
  } catch {
    return [];
  }
}

const isMine = (attemptId: string) => (item: QueueItem) => item.courseId === offlineCourseId(attemptId) && typeof item.data?.__sco === 'string';

/** Whether this attempt has commits waiting in the browser. */
export function hasQueuedCommits(attemptId: string, storage: Storage = window.localStorage): boolean {
  return readQueue(storage).some(isMine(attemptId));
}

/** One replay at a time per storage: the online event, a delivered commit and Initialize may all ask. */
const running = new WeakMap<Storage, Promise<number>>();

/**
 * Sends this attempt's queued commits, oldest first, each to the SCO it was captured for with the
 * session and commit sequence it was captured with (see Launcher.patchOfflineQueue); the server
 * keeps order, so a replay that arrives after newer data changes nothing. Run before the launcher
 * reads the state (the SCO then resumes from commits made offline in an earlier page load), on the
 * browser's "online" event and after any delivered commit. It replaces scorm-again's own sync, which
 * sends every attempt's items to the current commit URL.
 *
 * Other attempts' items are left alone. A commit the server refuses for good (bad value, unknown
 * SCO, too large) is dropped like a sent one; on a network error or server trouble the replay stops
 * and the rest waits, in order, for the next try. Items queued while the replay runs are kept.
 */
export function replayOfflineCommits(attemptId: string, commitUrl: CommitUrl, storage: Storage = window.localStorage): Promise<number> {
  const busy = running.get(storage);
  if (busy) return busy;
  const replay = replayOnce(attemptId, commitUrl, storage).finally(() => running.delete(storage));
  running.set(storage, replay);
  return replay;
}

async function replayOnce(attemptId: string, commitUrl: CommitUrl, storage: Storage): Promise<number> {
  const mine = readQueue(storage).filter(isMine(attemptId));
  if (mine.length === 0) return 0;
  const sent: QueueItem[] = [];
  for (const item of mine) {
    const { __sco: sco, ...body } = item.data;
    let response: Response;
    try {
      response = await fetch(commitUrl(String(sco), item.isTerminateCommit === true), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      break;
    }
    await response.arrayBuffer().catch(() => undefined);
    // 2xx: stored, a duplicate, or a value the SCORM data model refuses (result false); the others
    // named here will never be accepted either. Anything else (5xx, 401) is tried again later.
    const settled = response.ok || [400, 404, 413, 422].includes(response.status);
    if (!settled) break;
    sent.push(item);
  }
  if (sent.length === 0) return 0;
  // Read again: commits queued while the replay awaited the network must stay.
  const same = (a: QueueItem, b: QueueItem) => (a.id !== undefined ? a.id === b.id : JSON.stringify(a) === JSON.stringify(b));
  storage.setItem(QUEUE_KEY, JSON.stringify(readQueue(storage).filter((item) => !sent.some((done) => same(done, item)))));
  return sent.length;
}
