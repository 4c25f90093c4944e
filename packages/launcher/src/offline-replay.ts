import { runtimeUrl, type LaunchAddress } from './wire';

/** scorm-again's offline queue in localStorage (OfflineStorageService.syncQueue). */
const QUEUE_KEY = 'scorm_again_sync_queue';

interface QueueItem {
  courseId: string;
  data: Record<string, unknown>;
  isTerminateCommit?: boolean;
}

export const offlineCourseId = (attemptId: string) => `asah-attempt-${attemptId}`;

/**
 * Commits this attempt left in the browser while offline (the page closed before the network came
 * back) are sent BEFORE the launcher reads the state, so the SCO resumes from them rather than from
 * what the server had. Each carries its SCO and session (see Launcher.patchOfflineQueue) and its
 * original commit sequence; the server keeps order. Items that cannot be sent yet stay queued for
 * scorm-again's own replay.
 */
export async function replayOfflineCommits(address: LaunchAddress, storage: Storage = window.localStorage): Promise<number> {
  let queue: QueueItem[];
  try {
    queue = JSON.parse(storage.getItem(QUEUE_KEY) ?? '[]') as QueueItem[];
  } catch {
    return 0;
  }
  const mine = queue.filter((item) => item.courseId === offlineCourseId(address.attemptId) && typeof item.data?.__sco === 'string');
  if (mine.length === 0) return 0;
  const sent = new Set<QueueItem>();
  for (const item of mine) {
    const { __sco: sco, ...body } = item.data;
    const url = runtimeUrl(address, `sco/${encodeURIComponent(String(sco))}/commit`, item.isTerminateCommit ? { terminate: 'true' } : {});
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json().catch(() => null)) as { result?: unknown } | null;
      // A refused value will never be accepted: drop it like a sent one rather than retry forever.
      if (response.ok || response.status === 400 || response.status === 404 || response.status === 413 || answer?.result === false) sent.add(item);
    } catch {
      break;
    }
  }
  const rest = queue.filter((item) => !sent.has(item));
  storage.setItem(QUEUE_KEY, JSON.stringify(rest));
  return sent.size;
}
