import type { Settings } from 'scorm-again';

export type SequencingSettings = NonNullable<Settings['sequencing']>;

/**
 * What `GET /rt/<attemptId>/state?t=` answers (TRuntimeState in packages/contracts/src/tracking.ts,
 * described in /work/notes/runtime-wire.md). Declared here as plain types so the launcher bundle
 * carries no validation library; the API validates what it sends.
 */
export type RuntimeStandard = 'scorm12' | 'scorm2004';

export interface RuntimeItem {
  identifier: string;
  title: string;
  /** Absolute content-origin URL of the SCO or asset; null for clusters. */
  launchUrl: string | null;
  scormType: 'sco' | 'asset' | null;
  /** False for items the manifest marks invisible (not shown in the table of contents). */
  isVisible?: boolean;
  children: RuntimeItem[];
}

export interface RuntimeSco {
  /** For scorm-again's `loadFromJSON`, entry/resume data included. */
  cmi: Record<string, unknown> | null;
  lastSession?: number;
  lastSequence?: number;
  completionStatus?: string | null;
  successStatus?: string | null;
}

export interface RuntimeState {
  attemptId: string;
  standard: RuntimeStandard;
  title: string;
  /** Incremented by the server on every state fetch: one launcher page load. */
  session: number;
  items: RuntimeItem[];
  sequencing: SequencingSettings | null;
  /** Last saved sequencing state (scorm-again's serialised string), or null. */
  sequencingState: unknown;
  currentItem: string | null;
  suspendDataMax?: number;
  /** Absolute URLs with the token; `commit` has an `{identifier}` placeholder. */
  endpoints?: { commit: string; sequencing: string; launched: string };
  /** Portal origins allowed to frame the launcher and command it (config ALLOWED_ORIGINS). */
  portalOrigins?: string[];
  scos: Record<string, RuntimeSco | undefined>;
}

export interface LaunchAddress {
  attemptId: string;
  token: string;
  /**
   * `?portal=<origin>` the portal appends when it frames the launcher: used only when the state does
   * not list the portal origins. A stranger who frames the launcher needs the learner's token first.
   */
  portalOrigins: string[];
}

/** `/rt/<attemptId>/?t=<token>` → its parts, or null when the page was opened some other way. */
export function parseLaunchAddress(location: Pick<Location, 'pathname' | 'search'>): LaunchAddress | null {
  const match = /^\/rt\/([^/]+)\/?$/.exec(location.pathname);
  const query = new URLSearchParams(location.search);
  const token = query.get('t');
  if (!match || !token) return null;
  const portal = query.get('portal');
  const portalOrigins = portal && /^https?:\/\/[^/]+$/.test(portal) ? [portal] : [];
  return { attemptId: decodeURIComponent(match[1]!), token, portalOrigins };
}

export function runtimeUrl({ attemptId, token }: Pick<LaunchAddress, 'attemptId' | 'token'>, path: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ t: token, ...extra });
  return `/rt/${encodeURIComponent(attemptId)}/${path}?${query.toString()}`;
}
