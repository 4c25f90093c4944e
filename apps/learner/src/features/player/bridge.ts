/**
 * The postMessage protocol with the launcher page on the content origin. A copy of
 * packages/launcher/src/bridge.ts (the launcher bundle must not depend on the portal): change both
 * together. The portal accepts a message only from the launcher frame's window and origin.
 */
export const LAUNCHER_SOURCE = 'asah-launcher';
export const PORTAL_SOURCE = 'asah-portal';

export type ItemStatus = 'not_attempted' | 'incomplete' | 'completed' | 'passed' | 'failed' | 'browsed';

export interface TocNode {
  identifier: string;
  title: string;
  launchable: boolean;
  selectable: boolean;
  status: ItemStatus;
  children: TocNode[];
}

export interface PlayerControls {
  continue: boolean;
  previous: boolean;
  exit: boolean;
  toc: boolean;
}

export type LauncherMessage =
  | { source: typeof LAUNCHER_SOURCE; type: 'status'; attemptId: string; title: string; toc: TocNode[]; currentItem: string | null; controls: PlayerControls }
  | { source: typeof LAUNCHER_SOURCE; type: 'ended'; attemptId: string; reason: 'exit' | 'suspend' | 'completed' }
  | { source: typeof LAUNCHER_SOURCE; type: 'error'; attemptId: string | null; code: string };

export type PortalCommand = 'next' | 'previous' | 'choice' | 'exit' | 'suspendAll';

export interface PortalMessage {
  source: typeof PORTAL_SOURCE;
  type: 'command';
  command: PortalCommand;
  target?: string;
}

export function isLauncherMessage(data: unknown): data is LauncherMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return message.source === LAUNCHER_SOURCE && (message.type === 'status' || message.type === 'ended' || message.type === 'error');
}

/** The launcher URL with the portal's origin, which the launcher uses to answer only this portal. */
export function framedLauncherUrl(launcherUrl: string, portalOrigin: string): string {
  const url = new URL(launcherUrl);
  url.searchParams.set('portal', portalOrigin);
  return url.toString();
}
