/**
 * The postMessage protocol between the launcher (content origin) and the learner portal's player
 * page that frames it. The portal keeps a copy of these types in
 * apps/learner/src/features/player/bridge.ts: change both together.
 * Both sides check `event.origin` and `event.source`; nothing here carries a credential.
 */
export const LAUNCHER_SOURCE = 'asah-launcher';
export const PORTAL_SOURCE = 'asah-portal';

export type ItemStatus = 'not_attempted' | 'incomplete' | 'completed' | 'passed' | 'failed' | 'browsed';

export interface TocNode {
  identifier: string;
  title: string;
  /** Launchable (SCO or asset) rather than a cluster. */
  launchable: boolean;
  /** The learner may choose it in the table of contents now. */
  selectable: boolean;
  status: ItemStatus;
  children: TocNode[];
}

export interface PlayerControls {
  continue: boolean;
  previous: boolean;
  exit: boolean;
  /** Show a table of contents (more than one launchable item, choice allowed). */
  toc: boolean;
}

export type LauncherMessage =
  | {
      source: typeof LAUNCHER_SOURCE;
      type: 'status';
      attemptId: string;
      title: string;
      toc: TocNode[];
      currentItem: string | null;
      controls: PlayerControls;
    }
  /** The session is over (exit, suspendAll, exitAll or the end of the course): leave the player. */
  | { source: typeof LAUNCHER_SOURCE; type: 'ended'; attemptId: string; reason: 'exit' | 'suspend' | 'completed' }
  | { source: typeof LAUNCHER_SOURCE; type: 'error'; attemptId: string | null; code: string };

export type PortalCommand = 'next' | 'previous' | 'choice' | 'exit' | 'suspendAll';

export interface PortalMessage {
  source: typeof PORTAL_SOURCE;
  type: 'command';
  command: PortalCommand;
  /** For `choice`: the item identifier. */
  target?: string;
}

export function isPortalMessage(data: unknown): data is PortalMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.source === PORTAL_SOURCE &&
    message.type === 'command' &&
    typeof message.command === 'string' &&
    ['next', 'previous', 'choice', 'exit', 'suspendAll'].includes(message.command) &&
    (message.target === undefined || typeof message.target === 'string')
  );
}
