import type { Settings } from 'scorm-again';

type IHttpService = NonNullable<Settings['httpService']>;
type CommitParams = Parameters<IHttpService['processHttpRequest']>[1];
type CommitMetadata = Parameters<IHttpService['processHttpRequest']>[5];
type CommitResult = ReturnType<IHttpService['processHttpRequest']>;

export interface CommitTransportHooks {
  /** The API's current settings (its request and response handlers, content types). */
  settings(): Settings;
  /** True while the page itself is going away: only a beacon still leaves then. */
  closing(): boolean;
  /** Keeps a commit that did not reach the server in the browser, for replay (scorm-again's queue). */
  queue(params: CommitParams, metadata: { isTerminateCommit: boolean; sequence?: number }): CommitResult;
  /** A commit reached the server: anything queued earlier can go now. */
  delivered(): void;
}

/** 502/503/504: a proxy or load balancer with no API process behind it right now. */
const UNREACHABLE = new Set([0, 502, 503, 504]);

/**
 * scorm-again's HTTP service for the launcher (its `httpService` setting). scorm-again queues a
 * commit for offline replay only when `navigator.onLine` is already false when the commit is made;
 * a commit that fails on the network a moment earlier (the connection drops before the browser
 * notices, or the API is unreachable while the device stays "online") would be answered false and
 * lost. Here every commit whose failure can be seen is queued instead:
 * - commits during the session, and the terminate commit of a SCO the launcher unloads while its
 *   page stays open (next SCO, exit from the player), go by synchronous XHR, so the failure is seen
 *   and the SCO gets its answer in the same call, as SCORM requires;
 * - only while the page itself closes (beforeunload or pagehide seen) does the terminate commit go
 *   as a beacon (nothing else leaves then); a beacon the browser refuses is queued.
 */
export class CommitTransport implements IHttpService {
  constructor(private readonly hooks: CommitTransportHooks) {}

  processHttpRequest(url: string, params: CommitParams, immediate: boolean, _log: unknown, _listeners: unknown, metadata?: CommitMetadata): CommitResult {
    const queueing = { isTerminateCommit: immediate, ...(metadata?.sequence !== undefined ? { sequence: metadata.sequence } : {}) };
    const settings = this.hooks.settings();
    const payload = settings.requestHandler ? (settings.requestHandler(params, metadata) ?? params) : params;
    const body = JSON.stringify(payload);
    if (immediate && this.hooks.closing()) {
      if (this.beacon(url, body, settings)) return { result: 'true', errorCode: 0 };
      return this.hooks.queue(params, queueing);
    }
    const xhr = new XMLHttpRequest();
    try {
      xhr.open('POST', url, false);
      xhr.setRequestHeader('Content-Type', settings.commitRequestDataType ?? 'application/json;charset=UTF-8');
      xhr.send(body);
    } catch {
      // A synchronous XHR throws on a network error (offline, connection refused or reset), and
      // also when the page is being dismissed without our having seen it (a SCO that commits in
      // its own beforeunload). Queued either way; the beacon delivers it now in the second case,
      // and a replay of a commit that did arrive is acknowledged as a duplicate.
      const stored = this.hooks.queue(params, queueing);
      this.beacon(url, body, settings);
      return stored;
    }
    if (UNREACHABLE.has(xhr.status)) return this.hooks.queue(params, queueing);
    const answer = settings.xhrResponseHandler ? settings.xhrResponseHandler(xhr) : { result: 'false', errorCode: 101 };
    if (xhr.status >= 200 && xhr.status <= 299) this.hooks.delivered();
    return answer as CommitResult;
  }

  private beacon(url: string, body: string, settings: Settings): boolean {
    try {
      return navigator.sendBeacon(url, new Blob([body], { type: settings.terminationCommitContentType ?? 'text/plain;charset=UTF-8' }));
    } catch {
      return false;
    }
  }

  updateSettings(): void {
    // Settings are read from the API at each commit (hooks.settings), so a reset's new commit URL
    // and handlers apply without copying them here.
  }
}
