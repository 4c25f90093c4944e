import { Scorm12API, Scorm2004API, type Settings } from 'scorm-again';
import {
  LAUNCHER_SOURCE,
  isPortalMessage,
  type ItemStatus,
  type LauncherMessage,
  type PlayerControls,
  type PortalCommand,
  type TocNode,
} from './bridge';
import { cmiForRevisit, flattenLaunchable, parseNavRequest, statusFromCmi, type NavRequest } from './items';
import { CommitTransport } from './commit-transport';
import { hasQueuedCommits, offlineCourseId, replayOfflineCommits } from './offline-replay';
import { encodeSequencingSave, startRequests, storedStateText, type StartRequest } from './sequencing-state';
import { runtimeUrl, type LaunchAddress, type RuntimeItem, type RuntimeState } from './wire';

type Api = Scorm12API | Scorm2004API;
type EndReason = 'exit' | 'suspend' | 'completed';

/**
 * One launcher page = one runtime session of one attempt. scorm-again runs here, on the content
 * origin, with the API object on this window (`API` / `API_1484_11`), so a SCO in the child frame
 * finds it by walking up its parents (Golf 2004 starts at window.parent). Stored CMI is loaded into
 * the API before the SCO frame is pointed at the SCO, so the SCO's first GetValue after Initialize
 * answers stored data. One API object lives for the whole page (its commit sequence only grows,
 * which with the server's session number gives the ordering key); between SCOs it is reset, so the
 * next Initialize starts clean (no 104) and the total time is that SCO's own.
 */
export class Launcher {
  private api!: Api;
  private readonly launchable: RuntimeItem[];
  private readonly statuses = new Map<string, ItemStatus>();
  private readonly portalOrigins: string[];
  private readonly sequenced: boolean;
  private current: string | null = null;
  /** adl.nav.request the running SCO set (2004 without sequencing: the launcher acts on it). */
  private scoNavRequest: NavRequest | null = null;
  /** SCORM 1.2: the running SCO set cmi.core.lesson_status itself. */
  private statusSetBySco = false;
  /** Set while the launcher itself unloads the SCO (a portal command); Terminate is then ours. */
  private unloading = false;
  private ended = false;
  /** Counts sequencing deliveries, to tell whether a SCO's own Terminate already moved on. */
  private deliveries = 0;
  /** Set (synchronously) when scorm-again ends the sequencing session. */
  private sessionEnded = false;
  /** Orders this page load's sequencing-state saves: the server keeps the highest (session, seq). */
  private saveSeq = 0;
  private validity: { continue: boolean; previous: boolean; choice: Record<string, string> } | null = null;
  /** Set in beforeunload and pagehide: the page is going away, so a terminate commit can only leave as a beacon. */
  private closing = false;

  constructor(
    private readonly address: LaunchAddress,
    private readonly state: RuntimeState,
    private readonly frame: HTMLIFrameElement,
    private readonly win: Window = window,
  ) {
    this.launchable = flattenLaunchable(state.items);
    this.sequenced = state.standard === 'scorm2004' && state.sequencing !== null && state.sequencing !== undefined;
    this.portalOrigins = state.portalOrigins ?? address.portalOrigins;
    for (const item of this.launchable) this.statuses.set(item.identifier, statusFromCmi(state.standard, state.scos[item.identifier]?.cmi ?? null));
  }

  async start(): Promise<void> {
    this.api = this.createApi();
    if (this.state.standard === 'scorm12') (this.win as unknown as { API: Api }).API = this.api;
    else (this.win as unknown as { API_1484_11: Api }).API_1484_11 = this.api;
    this.patchOfflineQueue();
    this.listen();

    if (this.sequenced) {
      const api = this.api as Scorm2004API;
      if (storedStateText(this.state.sequencingState) !== null) await api.loadSequencingState().catch(() => false);
      // A suspended attempt resumes where it stopped, a fresh tree starts at its first activity; a
      // stored state that allows neither falls back to the item the learner was on (startRequests).
      for (const request of startRequests(this.state.currentItem, this.launchable)) {
        if (this.startWith(api, request)) return;
        if (this.sessionEnded) return;
      }
      this.fail('sequencing_start');
      return;
    }
    const first = this.launchable.find((item) => item.identifier === this.state.currentItem) ?? this.launchable[0];
    if (!first) return this.fail('nothing_to_launch');
    this.load(first.identifier);
  }

  /** One start (or recovery) request; true when it delivered an activity (a request can succeed and deliver nothing). */
  private startWith(api: Scorm2004API, request: StartRequest): boolean {
    const delivered = this.navigate(api, request.command, 'target' in request ? request.target : undefined).delivered;
    if (delivered && 'target' in request) {
      console.warn(`asah launcher: sequencing fell back to delivering ${request.target} by ${request.command}`);
    }
    return delivered;
  }

  /**
   * A navigation request to the sequencer: whether it was accepted and whether an activity is now
   * delivered. scorm-again skips the delivery event for an activity it counts as delivered already
   * (a choice of the suspended activity resumes the same attempt), but the launcher has unloaded that
   * SCO by then: when the request made its target the current activity, the launcher loads it itself.
   */
  private navigate(api: Scorm2004API, command: string, target?: string): { ok: boolean; delivered: boolean } {
    const before = this.deliveries;
    let ok = false;
    try {
      ok = api.processNavigationRequest(command, target);
    } catch {
      return { ok: false, delivered: false };
    }
    if (this.deliveries > before) return { ok, delivered: true };
    if (!ok || !target || this.sessionEnded) return { ok, delivered: false };
    const current = (api.getSequencingState() as { currentActivity?: { id?: string; isActive?: boolean } | null }).currentActivity;
    if (current?.id !== target || current.isActive === false) return { ok, delivered: false };
    this.deliveries += 1;
    setTimeout(() => this.load(target), 0);
    return { ok, delivered: true };
  }

  private createApi(): Api {
    const { address, state } = this;
    const session = state.session;
    const settings: Settings = {
      lmsCommitUrl: this.commitUrl(this.launchable[0]?.identifier ?? ''),
      dataCommitFormat: 'json',
      includeCommitSequence: true,
      renderCommonCommitFields: false,
      terminateCommitParam: 'terminate',
      // Content-Type of the terminate beacon: CORS-safelisted; the commit endpoint reads it as JSON.
      terminationCommitContentType: 'text/plain;charset=UTF-8',
      autocommit: true,
      autocommitSeconds: 30,
      enableOfflineSupport: true,
      courseId: offlineCourseId(address.attemptId),
      syncOnInitialize: true,
      syncOnTerminate: true,
      maxSyncAttempts: 20,
      logLevel: 4,
      httpService: new CommitTransport({
        settings: () => this.api.settings,
        closing: () => this.closing,
        queue: (params, metadata) => this.queueCommit(params, metadata),
        delivered: () => {
          if (hasQueuedCommits(this.address.attemptId)) setTimeout(() => void this.replayQueued(), 0);
        },
      }),
      // The session tells the server which page load a commit belongs to; an offline replay keeps
      // the session (and the SCO) it was captured in (see patchOfflineQueue).
      requestHandler: (commit: unknown) => {
        const body = commit as Record<string, unknown>;
        const { __sco: _sco, ...rest } = body;
        return { ...rest, session: typeof body.session === 'number' ? body.session : session };
      },
      // The server answers SCORM error codes (e.g. 406/407) with 200 or 422: hand them to the SCO.
      xhrResponseHandler: (xhr: XMLHttpRequest) => {
        const body = parseResult(xhr.responseText);
        const ok = xhr.status >= 200 && xhr.status <= 299 && body !== null && (body.result === true || body.result === 'true');
        const errorCode = typeof body?.errorCode === 'number' ? body.errorCode : ok ? 0 : 101;
        return { result: ok ? 'true' : 'false', errorCode: ok ? 0 : errorCode || 101 };
      },
    };
    if (state.standard === 'scorm12') return new Scorm12API(settings);
    return new Scorm2004API({
      ...settings,
      ...(this.sequenced
        ? {
            sequencing: { ...state.sequencing!, eventListeners: this.sequencingListeners() },
            sequencingStatePersistence: {
              autoLoadOnInitialize: false,
              autoSaveOn: 'commit',
              // Plain JSON: scorm-again's "compression" is base64 of the URI-encoded JSON, nearly twice
              // the size; the launcher gzips the whole body instead (encodeSequencingSave).
              compress: false,
              persistence: {
                loadState: async () => storedStateText(this.state.sequencingState),
                saveState: (data: string) => this.saveSequencingState(data),
              },
            },
          }
        : {}),
    });
  }

  private sequencingListeners() {
    return {
      onActivityDelivery: (activity: { id: string }) => {
        this.deliveries += 1;
        // Delivery happens inside the SCO's Terminate or our own navigation call: let that finish first.
        setTimeout(() => this.load(activity.id), 0);
      },
      onNavigationValidityUpdate: (data: { continue: boolean; previous: boolean; choice: Record<string, string> }) => {
        this.validity = { continue: data.continue, previous: data.previous, choice: { ...data.choice } };
        this.postStatus();
      },
      onSequencingSessionEnd: (data: { reason: string; navigationRequest?: string }) => {
        this.sessionEnded = true;
        const reason: EndReason = data.navigationRequest === 'suspendAll' ? 'suspend' : data.navigationRequest === 'exitAll' ? 'exit' : 'completed';
        setTimeout(() => void this.end(reason), 0);
      },
      onRollupComplete: () => this.refreshSequencedStatuses(),
    };
  }

  private commitUrl(identifier: string): string {
    const template = this.state.endpoints?.commit;
    if (template) return template.replace('{identifier}', encodeURIComponent(identifier));
    return runtimeUrl(this.address, `sco/${encodeURIComponent(identifier)}/commit`);
  }

  private launchedUrl(identifier: string): string {
    const template = this.state.endpoints?.launched;
    if (template) return template.replace('{identifier}', encodeURIComponent(identifier));
    return runtimeUrl(this.address, `sco/${encodeURIComponent(identifier)}/launched`);
  }

  /** Points the frame at an item, after resetting the API and loading that item's stored CMI. */
  private load(identifier: string): void {
    if (this.ended) return;
    const item = this.launchable.find((candidate) => candidate.identifier === identifier);
    if (!item || !item.launchUrl) return this.fail('item_not_launchable');
    const api = this.api;
    api.reset({ lmsCommitUrl: this.commitUrl(identifier), scoId: identifier }, { preserveListeners: true, resetTotalTime: true });
    this.scoNavRequest = null;
    this.statusSetBySco = false;
    // Within one page load, a SCO visited again continues from what it reported this session.
    const earlier = this.sessionCmi.get(identifier);
    const cmi = earlier ? cmiForRevisit(this.state.standard, earlier) : (this.state.scos[identifier]?.cmi ?? null);
    if (cmi) api.loadFromJSON(structuredClone(cmi) as Record<string, unknown>);
    this.current = identifier;
    // Tells the server where the learner is (resume here); an asset, which never calls the API,
    // is completed by being launched.
    if (item.scormType !== 'sco') this.statuses.set(identifier, 'completed');
    void fetch(this.launchedUrl(identifier), { method: 'POST', keepalive: true }).catch(() => undefined);
    this.frame.src = item.launchUrl;
    this.postStatus();
    // Saved at every delivery, not only at commits and at the end: if the save made while the page
    // closes is lost, the next launch still finds the learner's last step.
    if (this.sequenced) void (api as Scorm2004API).saveSequencingState().catch(() => false);
  }

  /** CMI of SCOs run earlier in this page load, for a revisit (state.scos is the page-load snapshot). */
  private readonly sessionCmi = new Map<string, Record<string, unknown>>();

  private rememberCmi(): void {
    if (!this.current) return;
    const cmi = this.api.renderCMIToJSONObject() as Record<string, unknown>;
    this.sessionCmi.set(this.current, cmi);
  }

  private listen(): void {
    const api = this.api;
    const is12 = this.state.standard === 'scorm12';
    const finish = is12 ? 'LMSFinish' : 'Terminate';
    const commit = is12 ? 'LMSCommit' : 'Commit';
    api.on(`${is12 ? 'LMSSetValue' : 'SetValue'}.cmi.*`, () => this.refreshCurrentStatus());
    api.on(commit, () => this.refreshCurrentStatus());
    if (is12) {
      // SCORM 1.2 RTE 3.4.4: a SCO that finishes without ever setting lesson_status (the "minimum
      // calls" SCOs only call LMSInitialize/LMSFinish) is completed by the LMS. scorm-again's
      // autoCompleteLessonStatus never fires (its CMI starts at "not attempted", which it then
      // counts as set by the SCO), so the launcher does it just before the terminate commit.
      api.on('LMSSetValue.cmi.core.lesson_status', () => {
        this.statusSetBySco = true;
      });
      api.on('BeforeTerminate', () => {
        const core = (api as Scorm12API).cmi.core;
        if (!this.statusSetBySco && core.lesson_status === 'not attempted') core.lesson_status = 'completed';
      });
    }
    if (!is12) {
      api.on('SetValue.adl.nav.request', (_element: string, value: unknown) => {
        this.scoNavRequest = parseNavRequest(String(value));
      });
    }
    api.on(finish, () => {
      this.refreshCurrentStatus();
      this.rememberCmi();
      if (this.unloading || this.sequenced) return;
      const request = this.scoNavRequest;
      this.scoNavRequest = null;
      if (request) setTimeout(() => void this.act(request), 0);
    });
    this.win.addEventListener('message', (event) => {
      if (event.source !== this.win.parent || this.win.parent === this.win) return;
      if (!this.portalOrigins.includes(event.origin)) return;
      if (!isPortalMessage(event.data)) return;
      void this.command(event.data.command, event.data.target);
    });
    // The page closes (tab closed, portal navigated away) while a SCO is still running: terminate it
    // here, so its last state leaves as the terminate beacon even if the SCO never committed.
    // beforeunload reaches this window before the SCO's own handlers, which often terminate there.
    // Cancelled (the page stays), the flag clears at the next task. Should it clear before the SCO
    // terminates in its unload, CommitTransport's fallback still queues and beacons the commit.
    this.win.addEventListener('beforeunload', () => {
      this.closing = true;
      setTimeout(() => (this.closing = false), 0);
    });
    this.win.addEventListener('pagehide', () => {
      this.closing = true;
      this.terminateRunningSco();
    });
    // Not left to scorm-again's own online handler: it replays only after it saw the browser go
    // offline, and a commit can fail on the network before that (see CommitTransport).
    this.win.addEventListener('online', () => void this.replayQueued());
    this.frame.addEventListener('load', () => this.postStatus());
  }

  private terminateRunningSco(): void {
    const api = this.api;
    if (!api.isInitialized()) return;
    if (api instanceof Scorm12API) api.LMSFinish('');
    else api.Terminate('');
  }

  /** A portal command: unload the running SCO first (it terminates itself or we do), then navigate. */
  private async command(command: PortalCommand, target?: string): Promise<void> {
    if (this.ended) return;
    const before = this.deliveries;
    await this.unloadSco();
    // The SCO's Terminate may itself have navigated (its adl.nav.request, a post-condition rule):
    // then that delivery stands and the learner's click is spent on it.
    if (this.ended || this.deliveries !== before) return;
    const request: NavRequest =
      command === 'next'
        ? { command: 'continue' }
        : command === 'previous'
          ? { command: 'previous' }
          : command === 'choice'
            ? { command: 'choice', target }
            : command === 'suspendAll'
              ? { command: 'suspendAll' }
              : { command: this.sequenced || this.state.standard === 'scorm2004' ? 'suspendAll' : 'exit' };
    await this.act(request);
  }

  private async unloadSco(): Promise<void> {
    this.unloading = true;
    try {
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        this.frame.addEventListener('load', done, { once: true });
        this.frame.src = 'about:blank';
        setTimeout(done, 3000);
      });
      // Content that does not terminate on unload is terminated here (its data is kept).
      this.terminateRunningSco();
    } finally {
      this.unloading = false;
    }
  }

  private async act(request: NavRequest): Promise<void> {
    if (this.ended) return;
    if (this.sequenced) {
      const api = this.api as Scorm2004API;
      const { ok, delivered } = this.navigate(api, request.command, request.target);
      if (delivered || this.sessionEnded) return;
      if (!ok && (request.command === 'suspendAll' || request.command === 'exitAll' || request.command === 'exit')) {
        await this.end(request.command === 'suspendAll' ? 'suspend' : 'exit');
        return;
      }
      // Refused, or accepted without delivering anything: the SCO is already unloaded, so the learner
      // would face an empty frame. The item they were on is delivered again (it resumes from what it
      // reported), and only if even that fails the player shows an error.
      const current = this.current;
      const again = current ? [{ command: 'choice' as const, target: current }, { command: 'jump' as const, target: current }] : [];
      for (const retry of again) {
        if (this.startWith(api, retry) || this.sessionEnded) return;
      }
      this.fail('navigation');
      return;
    }
    const index = this.launchable.findIndex((item) => item.identifier === this.current);
    switch (request.command) {
      case 'continue': {
        const next = this.launchable[index + 1];
        if (next) this.load(next.identifier);
        else await this.end('completed');
        return;
      }
      case 'previous': {
        const previous = this.launchable[index - 1];
        if (previous) this.load(previous.identifier);
        else this.postStatus();
        return;
      }
      case 'choice':
      case 'jump':
        if (request.target && this.launchable.some((item) => item.identifier === request.target)) this.load(request.target);
        return;
      case 'suspendAll':
        return this.end('suspend');
      default:
        return this.end('exit');
    }
  }

  private async end(reason: EndReason): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    if (this.frame.src !== 'about:blank') {
      this.unloading = true;
      this.frame.src = 'about:blank';
      this.terminateRunningSco();
      this.unloading = false;
    }
    if (this.sequenced) await (this.api as Scorm2004API).saveSequencingState().catch(() => false);
    this.post({ source: LAUNCHER_SOURCE, type: 'ended', attemptId: this.address.attemptId, reason });
  }

  private saveSequencingState(data: string): Promise<boolean> {
    this.saveSeq += 1;
    const { body, keepalive } = encodeSequencingSave({ session: this.state.session, seq: this.saveSeq, state: data, currentItem: this.current, rollup: this.rootRollup() });
    const send = (withKeepalive: boolean) =>
      fetch(this.state.endpoints?.sequencing ?? runtimeUrl(this.address, 'sequencing'), {
        method: 'PUT',
        keepalive: withKeepalive,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: body as Uint8Array<ArrayBuffer>,
      }).then(async (response) => {
        // Read to the end: a keepalive request counts against the browser's 64 KiB in-flight quota
        // until its response is consumed, and unread ones would block every later keepalive save.
        await response.arrayBuffer().catch(() => undefined);
        return response.ok;
      });
    // keepalive: the save also happens while the page closes (gzip keeps realistic states under the
    // cap). Refused by the browser (its quota taken by other requests in flight): sent plainly.
    return send(keepalive).catch(() => (keepalive ? send(false).catch(() => false) : false));
  }

  private rootRollup(): { completion: string; success: string; scoreScaled: number | null } | undefined {
    const rootId = this.state.sequencing?.activityTree?.id;
    if (!rootId) return undefined;
    const data = (this.api as Scorm2004API).getActivityTrackingData(rootId);
    if (!data) return undefined;
    return { completion: data.completionStatus, success: data.successStatus, scoreScaled: data.score };
  }

  private refreshCurrentStatus(): void {
    if (!this.current) return;
    const status = statusFromCmi(this.state.standard, this.api.renderCMIToJSONObject() as Record<string, unknown>);
    if (status !== this.statuses.get(this.current)) {
      this.statuses.set(this.current, status);
      this.postStatus();
    }
  }

  private refreshSequencedStatuses(): void {
    const api = this.api as Scorm2004API;
    for (const item of this.launchable) {
      const data = api.getActivityTrackingData(item.identifier);
      if (!data) continue;
      const status: ItemStatus =
        data.successStatus === 'passed' || data.successStatus === 'failed'
          ? data.successStatus
          : data.completionStatus === 'completed' || data.completionStatus === 'incomplete'
            ? data.completionStatus
            : (this.statuses.get(item.identifier) ?? 'not_attempted');
      this.statuses.set(item.identifier, status);
    }
  }

  private controls(): PlayerControls {
    const toc = this.launchable.length > 1;
    if (this.sequenced) {
      const api = this.api as Scorm2004API;
      const hidden = new Set<string>(((api as unknown as { adl?: { sequencing?: { hideLmsUi?: string[] } } }).adl?.sequencing?.hideLmsUi ?? []) as string[]);
      const preview = (request: 'continue' | 'previous') => api.previewNavigationRequest(request).outcome !== 'blocked';
      // The tree reports validity on every change; before its first report, ask it.
      const canContinue = this.validity ? this.validity.continue : preview('continue');
      const canPrevious = this.validity ? this.validity.previous : preview('previous');
      return {
        continue: canContinue && !hidden.has('continue'),
        previous: canPrevious && !hidden.has('previous'),
        exit: !hidden.has('exit') || !hidden.has('suspendAll'),
        toc: toc && Object.values(this.validity?.choice ?? {}).some((valid) => valid === 'true'),
      };
    }
    const index = this.launchable.findIndex((item) => item.identifier === this.current);
    return { continue: toc && index < this.launchable.length - 1, previous: toc && index > 0, exit: true, toc };
  }

  private toc(items: RuntimeItem[]): TocNode[] {
    const choice = this.sequenced ? (this.validity?.choice ?? {}) : null;
    return items.map((item) => ({
      identifier: item.identifier,
      title: item.title,
      launchable: item.launchUrl !== null,
      selectable: item.launchUrl !== null && (choice === null || choice[item.identifier] === 'true'),
      status: this.statuses.get(item.identifier) ?? 'not_attempted',
      children: this.toc(item.children),
    })).filter((node, index) => items[index]!.isVisible !== false || node.children.length > 0);
  }

  private postStatus(): void {
    if (this.ended) return;
    this.post({
      source: LAUNCHER_SOURCE,
      type: 'status',
      attemptId: this.address.attemptId,
      title: this.state.title,
      toc: this.toc(this.state.items),
      currentItem: this.current,
      controls: this.controls(),
    });
  }

  private post(message: LauncherMessage): void {
    const parent = this.win.parent;
    if (parent === this.win) return;
    // Only a portal origin receives it: postMessage drops a message whose target origin differs.
    for (const origin of this.portalOrigins) parent.postMessage(message, origin);
  }

  private fail(code: string): void {
    this.post({ source: LAUNCHER_SOURCE, type: 'error', attemptId: this.address.attemptId, code });
  }

  /**
   * scorm-again keeps offline commits in one localStorage queue (shared by every attempt on this
   * content origin) and would replay them all to the commit URL configured at replay time, which by
   * then may belong to another SCO or another attempt. Each stored commit is tagged with its SCO and
   * session, and the replay (replayOfflineCommits) sends only this attempt's, each to its SCO's URL.
   */
  private patchOfflineQueue(): void {
    const service = this.offlineService();
    if (!service) return;
    const store = service.storeOffline.bind(service);
    service.storeOffline = (courseId, data, metadata) => store(courseId, { ...data, __sco: this.current, session: this.state.session }, metadata);
    service.syncOfflineData = async () => {
      await this.replayQueued();
      return true;
    };
  }

  private offlineService(): OfflineService | undefined {
    return (this.api as unknown as { _offlineStorageService?: OfflineService })._offlineStorageService;
  }

  /** A commit that did not reach the server (CommitTransport): into the offline queue, answered as stored. */
  private queueCommit(params: unknown, metadata: { isTerminateCommit: boolean; sequence?: number }) {
    const service = this.offlineService();
    if (!service || typeof params !== 'object' || params === null) return { result: 'false', errorCode: 101 };
    return service.storeOffline(offlineCourseId(this.address.attemptId), params as Record<string, unknown>, metadata) as { result: string; errorCode: number };
  }

  private replayQueued(): Promise<number> {
    return replayOfflineCommits(this.address.attemptId, (sco, terminate) => {
      const url = new URL(this.commitUrl(sco), this.win.location.href);
      if (terminate) url.searchParams.set('terminate', 'true');
      return url.href;
    }).catch(() => 0);
  }
}

interface OfflineService {
  storeOffline(courseId: string, data: Record<string, unknown>, metadata?: unknown): unknown;
  syncOfflineData(): Promise<boolean>;
}

function parseResult(text: string): { result?: unknown; errorCode?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as { result?: unknown; errorCode?: unknown }) : null;
  } catch {
    return null;
  }
}
