import type { ItemStatus } from './bridge';
import type { RuntimeItem, RuntimeStandard } from './wire';

/** Launchable items (SCOs and assets) in table-of-contents order. */
export function flattenLaunchable(items: readonly RuntimeItem[]): RuntimeItem[] {
  return items.flatMap((item) => [...(item.launchUrl ? [item] : []), ...flattenLaunchable(item.children)]);
}

function read(cmi: Record<string, unknown>, path: string[]): string | null {
  let node: unknown = cmi;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' && node !== '' ? node : null;
}

/** The table-of-contents status of one SCO from its CMI (scorm-again JSON shape). */
export function statusFromCmi(standard: RuntimeStandard, cmi: Record<string, unknown> | null): ItemStatus {
  if (!cmi) return 'not_attempted';
  if (standard === 'scorm12') {
    const status = read(cmi, ['core', 'lesson_status']) ?? read(cmi, ['cmi', 'core', 'lesson_status']);
    if (status === 'passed' || status === 'failed' || status === 'completed' || status === 'incomplete' || status === 'browsed') return status;
    return 'not_attempted';
  }
  const success = read(cmi, ['success_status']) ?? read(cmi, ['cmi', 'success_status']);
  if (success === 'passed' || success === 'failed') return success;
  const completion = read(cmi, ['completion_status']) ?? read(cmi, ['cmi', 'completion_status']);
  if (completion === 'completed' || completion === 'incomplete') return completion;
  return 'not_attempted';
}

/**
 * The CMI of a SCO that ran earlier in this page load, made ready for a second Initialize:
 * entry follows the exit it left with (suspend → resume), and the finished session's exit and
 * session time are dropped.
 */
export function cmiForRevisit(standard: RuntimeStandard, cmi: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(cmi);
  if (standard === 'scorm12') {
    const core = (copy.core ?? {}) as Record<string, unknown>;
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    delete core.exit;
    delete core.session_time;
    copy.core = core;
    return copy;
  }
  copy.entry = copy.exit === 'suspend' ? 'resume' : '';
  delete copy.exit;
  delete copy.session_time;
  return copy;
}

export type NavRequest = {
  command: 'continue' | 'previous' | 'choice' | 'jump' | 'exit' | 'exitAll' | 'suspendAll' | 'abandon' | 'abandonAll';
  target?: string;
};

const NAV_TARGET = /^\{target=([^}]+)\}(choice|jump)$/;

/** A SCO's `adl.nav.request` value, e.g. `continue` or `{target=item_2}choice`; null for `_none_`. */
export function parseNavRequest(value: string): NavRequest | null {
  const targeted = NAV_TARGET.exec(value);
  if (targeted) return { command: targeted[2] as 'choice' | 'jump', target: targeted[1] };
  if (['continue', 'previous', 'exit', 'exitAll', 'suspendAll', 'abandon', 'abandonAll'].includes(value)) {
    return { command: value as NavRequest['command'] };
  }
  return null;
}
