import type { Settings } from 'scorm-again';
import { CommitTransport, type CommitTransportHooks } from './commit-transport';

/** What a synchronous XMLHttpRequest does in the browser: status after send, or a throw on a network error. */
class FakeXhr {
  static next: { status: number; body: string } | 'network-error' = { status: 200, body: '{"result":true,"errorCode":0}' };
  static sent: Array<{ url: string; body: string; type: string | undefined }> = [];
  status = 0;
  responseText = '';
  private url = '';
  private type: string | undefined;
  open(_method: string, url: string, async: boolean) {
    if (async) throw new Error('the transport must be synchronous');
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    if (name.toLowerCase() === 'content-type') this.type = value;
  }
  send(body: string) {
    FakeXhr.sent.push({ url: this.url, body, type: this.type });
    const next = FakeXhr.next;
    if (next === 'network-error') throw new Error("NetworkError: Failed to execute 'send' on 'XMLHttpRequest'");
    this.status = next.status;
    this.responseText = next.body;
  }
}

const beacons: Array<{ url: string; body: Blob }> = [];
let beaconAccepted = true;

beforeAll(() => {
  (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      sendBeacon: (url: string, body: Blob) => {
        beacons.push({ url, body });
        return beaconAccepted;
      },
    },
  });
});

const settings = {
  commitRequestDataType: 'application/json;charset=UTF-8',
  terminationCommitContentType: 'text/plain;charset=UTF-8',
  requestHandler: (commit: unknown) => ({ ...(commit as object), session: 7 }),
  xhrResponseHandler: (xhr: XMLHttpRequest) => {
    const body = JSON.parse(xhr.responseText) as { result: boolean; errorCode: number };
    return { result: body.result ? 'true' : 'false', errorCode: body.errorCode };
  },
} as unknown as Settings;

function transport(closing = false) {
  const queued: Array<{ params: unknown; metadata: unknown }> = [];
  let delivered = 0;
  const hooks: CommitTransportHooks = {
    settings: () => settings,
    closing: () => closing,
    queue: (params, metadata) => {
      queued.push({ params, metadata });
      return { result: 'true', errorCode: 0 };
    },
    delivered: () => {
      delivered += 1;
    },
  };
  const noop = () => undefined;
  const send = (immediate: boolean, sequence: number) =>
    new CommitTransport(hooks).processHttpRequest('/rt/a/sco/s/commit?t=x', { cmi: { n: sequence } }, immediate, noop, noop, { isTerminateCommit: immediate, trigger: 'manual', sequence });
  return { queued, send, delivered: () => delivered };
}

beforeEach(() => {
  FakeXhr.sent = [];
  FakeXhr.next = { status: 200, body: '{"result":true,"errorCode":0}' };
  beacons.length = 0;
  beaconAccepted = true;
});

describe('CommitTransport', () => {
  it('sends a commit by synchronous XHR through the request handler and reports the delivery', () => {
    const t = transport();
    expect(t.send(false, 3)).toEqual({ result: 'true', errorCode: 0 });
    expect(FakeXhr.sent).toEqual([{ url: '/rt/a/sco/s/commit?t=x', body: '{"cmi":{"n":3},"session":7}', type: 'application/json;charset=UTF-8' }]);
    expect(t.queued).toEqual([]);
    expect(t.delivered()).toBe(1);
  });

  it('queues a commit that fails on the network although the browser still says online, and answers it as stored', () => {
    FakeXhr.next = 'network-error';
    const t = transport();
    expect(t.send(false, 4)).toEqual({ result: 'true', errorCode: 0 });
    // Queued as the API made it (the replay adds the session it was captured in), with its sequence.
    expect(t.queued).toEqual([{ params: { cmi: { n: 4 } }, metadata: { isTerminateCommit: false, sequence: 4 } }]);
    expect(t.delivered()).toBe(0);
    // The same throw comes from a commit made while the page is dismissed (sync XHR is refused
    // then): the beacon is the one request that still leaves; the replay of a delivered one is a duplicate.
    expect(beacons.map((b) => b.url)).toEqual(['/rt/a/sco/s/commit?t=x']);
  });

  it('queues on a gateway with no API behind it (502/503/504)', () => {
    for (const status of [502, 503, 504]) {
      FakeXhr.next = { status, body: '<html>Bad Gateway</html>' };
      const t = transport();
      t.send(false, 1);
      expect(t.queued).toHaveLength(1);
    }
    expect(beacons).toEqual([]);
  });

  it("hands the server's SCORM refusal to the SCO instead of queueing it", () => {
    FakeXhr.next = { status: 422, body: '{"result":false,"errorCode":406}' };
    const t = transport();
    expect(t.send(false, 5)).toEqual({ result: 'false', errorCode: 406 });
    expect(t.queued).toEqual([]);
  });

  it('sends the terminate commit of a SCO unloaded inside the open page by XHR, so a failure is queued, not lost', () => {
    FakeXhr.next = 'network-error';
    const t = transport(false);
    expect(t.send(true, 9)).toEqual({ result: 'true', errorCode: 0 });
    expect(t.queued).toEqual([{ params: { cmi: { n: 9 } }, metadata: { isTerminateCommit: true, sequence: 9 } }]);
  });

  it('sends the terminate commit as a beacon while the page closes, and queues it when the browser refuses the beacon', async () => {
    const t = transport(true);
    expect(t.send(true, 10)).toEqual({ result: 'true', errorCode: 0 });
    expect(FakeXhr.sent).toEqual([]);
    expect(beacons).toHaveLength(1);
    expect(beacons[0]!.body.type).toBe('text/plain;charset=utf-8');
    expect(await beacons[0]!.body.text()).toBe('{"cmi":{"n":10},"session":7}');
    expect(t.queued).toEqual([]);

    beaconAccepted = false;
    t.send(true, 11);
    expect(t.queued).toEqual([{ params: { cmi: { n: 11 } }, metadata: { isTerminateCommit: true, sequence: 11 } }]);
  });
});
