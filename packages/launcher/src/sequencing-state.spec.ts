import { gunzipSync } from 'node:zlib';
import { KEEPALIVE_MAX_BYTES, encodeSequencingSave, startRequests, storedStateText } from './sequencing-state';

const item = (identifier: string, launchUrl: string | null = `/v/1/${identifier}.html`) => ({ identifier, launchUrl });
const fromBase64 = (text: string) => Buffer.from(text, 'base64').toString('latin1');

describe('startRequests', () => {
  const items = [item('cluster', null), item('a'), item('b')];

  it('resumes, starts, then re-delivers the stored item (choice, then jump), then the first item', () => {
    expect(startRequests('b', items)).toEqual([
      { command: 'resumeAll' },
      { command: 'start' },
      { command: 'choice', target: 'b' },
      { command: 'jump', target: 'b' },
      { command: 'choice', target: 'a' },
      { command: 'jump', target: 'a' },
    ]);
  });

  it('tries the first item once when it is also the stored one', () => {
    expect(startRequests('a', items).slice(2)).toEqual([
      { command: 'choice', target: 'a' },
      { command: 'jump', target: 'a' },
    ]);
  });

  it('ignores a stored item that is not launchable or no longer in the package', () => {
    expect(startRequests('cluster', items).slice(2).map((r) => 'target' in r && r.target)).toEqual(['a', 'a']);
    expect(startRequests('gone', items).slice(2).map((r) => 'target' in r && r.target)).toEqual(['a', 'a']);
    expect(startRequests(null, [])).toEqual([{ command: 'resumeAll' }, { command: 'start' }]);
  });
});

describe('storedStateText', () => {
  const json = '{"version":"1.0","sequencing":{"currentActivity":"a","title":"Bermain golf — 100%"}}';

  it('passes plain JSON text through and serialises a stored object', () => {
    expect(storedStateText(json, fromBase64)).toBe(json);
    expect(storedStateText({ version: '1.0' }, fromBase64)).toBe('{"version":"1.0"}');
  });

  it("decodes a state saved with scorm-again's default base64 of the URI-encoded JSON", () => {
    const legacy = Buffer.from(encodeURIComponent(json), 'latin1').toString('base64');
    expect(storedStateText(legacy, fromBase64)).toBe(json);
  });

  it('nothing usable stored: null (the tree then starts afresh)', () => {
    expect(storedStateText(null, fromBase64)).toBeNull();
    expect(storedStateText(undefined, fromBase64)).toBeNull();
    expect(storedStateText('not a state', fromBase64)).toBeNull();
    expect(storedStateText(Buffer.from('%E0%A4%A').toString('base64'), fromBase64)).toBeNull();
  });
});

describe('encodeSequencingSave', () => {
  it('gzips the body; a realistic state over 64 KiB fits under the keepalive cap and unpacks to the same JSON', () => {
    // Shaped like scorm-again's serialised tree: the same keys per activity and objective.
    const activities = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `item_${i}`,
        { id: `item_${i}`, isActive: false, completionStatus: 'unknown', objectives: Array.from({ length: 30 }, (_, j) => ({ id: `obj_${j}`, satisfiedStatus: false, normalizedMeasure: 0 })) },
      ]),
    );
    const payload = { session: 3, seq: 7, state: JSON.stringify({ version: '1.0', sequencing: { activityStates: activities } }), currentItem: 'item_4' };
    expect(JSON.stringify(payload).length).toBeGreaterThan(64 * 1024);
    const { body, keepalive } = encodeSequencingSave(payload);
    expect(body.byteLength).toBeLessThan(KEEPALIVE_MAX_BYTES);
    expect(keepalive).toBe(true);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual(payload);
  });

  it('a state that stays over the cap once compressed is sent without keepalive', () => {
    // Incompressible: random characters.
    let noise = '';
    for (let i = 0; i < 200_000; i += 1) noise += String.fromCharCode(33 + Math.floor(Math.random() * 90));
    expect(encodeSequencingSave({ state: noise }).keepalive).toBe(false);
  });
});
