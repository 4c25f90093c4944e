import { gzipSync } from 'fflate';
import type { RuntimeItem } from './wire';

/**
 * Starting a sequenced (SCORM 2004) attempt, and saving its sequencing state: the pure pieces.
 */

export type StartRequest = { command: 'resumeAll' | 'start' } | { command: 'choice' | 'jump'; target: string };

/**
 * The navigation requests that start a sequenced attempt, tried in order until one delivers an
 * activity. A suspended attempt resumes (resumeAll); a fresh tree starts (start). A stored state can
 * leave neither valid: saved while an activity was still current (the learner closed the tab, the
 * SCO terminated without a navigation request; or the close-time save was lost and an earlier one,
 * taken mid-SCO, is the last stored), saved after the tree ended, naming a suspended activity the
 * package no longer has, or of another state version (then only part of it is restored). The
 * learner must never be stuck on an error then: the item they were on is delivered again — choice
 * first, as the package's own controls allow, then jump (SCORM 2004 4th ed.: the LMS delivers a
 * named activity regardless of choice controls; the learner was already delivered there) — and
 * failing that the first launchable item.
 */
export function startRequests(currentItem: string | null, launchable: readonly Pick<RuntimeItem, 'identifier' | 'launchUrl'>[]): StartRequest[] {
  const requests: StartRequest[] = [{ command: 'resumeAll' }, { command: 'start' }];
  const targets: string[] = [];
  if (currentItem && launchable.some((item) => item.identifier === currentItem && item.launchUrl)) targets.push(currentItem);
  const first = launchable.find((item) => item.launchUrl)?.identifier;
  if (first && !targets.includes(first)) targets.push(first);
  for (const target of targets) requests.push({ command: 'choice', target }, { command: 'jump', target });
  return requests;
}

/**
 * The stored sequencing state as the JSON text scorm-again reads (its persistence runs with
 * `compress: false`). States saved before that are base64 of the URI-encoded JSON (scorm-again's
 * default "compression"); they are decoded here so an attempt stored either way resumes. Null when
 * nothing usable is stored: the tree then starts afresh (the SCOs' own CMI is kept regardless).
 */
export function storedStateText(stored: unknown, decodeBase64: (text: string) => string = atob): string | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored !== 'string') return JSON.stringify(stored);
  const text = stored.trim();
  if (text.startsWith('{')) return text;
  try {
    const decoded = decodeURIComponent(decodeBase64(text));
    return decoded.trim().startsWith('{') ? decoded : null;
  } catch {
    return null;
  }
}

/** Browsers refuse a keepalive request whose body, with the others in flight, exceeds 64 KiB. */
export const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * The body of `PUT .../sequencing`: JSON, gzip-compressed (`content-encoding: gzip`, read by the
 * runtime endpoint within the same size limit). A sequencing state is some 10 KB of JSON per
 * activity and very repetitive, so it shrinks some 20- to 25-fold (Golf remediation, 8 SCOs: 64.7 KB
 * of JSON body → 2.5 KB) and a realistic course's state fits under the keepalive cap: the save made while the page closes then still leaves. Synchronous on purpose:
 * it runs inside `pagehide`, where asynchronous work (CompressionStream) may never finish.
 */
export function encodeSequencingSave(payload: object): { body: Uint8Array; keepalive: boolean } {
  const body = gzipSync(new TextEncoder().encode(JSON.stringify(payload)), { level: 6 });
  return { body, keepalive: body.byteLength < KEEPALIVE_MAX_BYTES };
}
