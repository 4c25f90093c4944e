import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TLaunch } from '@asah/contracts/tracking';
import { ConfirmDialog } from '@asah/ui/components/ConfirmDialog';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { coursePath } from '../../course/course-paths';
import { framedLauncherUrl, isLauncherMessage, PORTAL_SOURCE, type PlayerControls, type PortalCommand, type PortalMessage, type TocNode } from '../bridge';
import { useLaunch, useRefreshProgress } from '../hooks/use-launch';
import { TableOfContents } from './TableOfContents';

interface PlayerPageProps {
  courseId: string;
  activityId: string;
  courseTitle: string | null;
}

interface LauncherStatus {
  title: string;
  toc: TocNode[];
  currentItem: string | null;
  controls: PlayerControls;
}

/**
 * How long Exit waits for the launcher to save and say goodbye before leaving anyway. Generous: the
 * launcher first unloads the SCO (its Terminate and synchronous commits), then saves the suspended
 * sequencing state; leaving before that save lands resumes from an older, unsuspended tree. The
 * launcher answers `ended` as soon as it is done, so this only matters on a slow machine.
 */
const EXIT_GRACE_MS = 12_000;

/**
 * The SCORM player: the launcher page of the content origin framed full-window, with the
 * navigation the package needs (table of contents, Continue / Previous) and Exit. The frame is
 * another origin; the two talk only by postMessage, each checking the other's origin.
 */
export function PlayerPage({ courseId, activityId, courseTitle }: PlayerPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refreshProgress = useRefreshProgress();
  const launch = useLaunch(activityId);
  const [attempt, setAttempt] = useState<TLaunch | null>(null);
  /** Counts launches: each one loads the launcher afresh, even when its address is the same as before (a retry). */
  const [launches, setLaunches] = useState(0);
  const [status, setStatus] = useState<LauncherStatus | null>(null);
  const [launcherError, setLauncherError] = useState<string | null>(null);
  const [tocOpen, setTocOpen] = useState(false);
  const [confirmNew, setConfirmNew] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const started = useRef(false);
  const leaveTimer = useRef<number | null>(null);

  const start = useCallback(
    (newAttempt: boolean) => {
      setStatus(null);
      setLauncherError(null);
      launch.mutate(
        { newAttempt },
        {
          onSuccess: (data) => {
            setAttempt(data);
            setLaunches((n) => n + 1);
          },
        },
      );
    },
    [launch],
  );

  useEffect(() => {
    // Once per page (React's development double effect would launch twice).
    if (started.current) return;
    started.current = true;
    start(false);
  }, [start]);

  const leave = useCallback(() => {
    if (leaveTimer.current !== null) window.clearTimeout(leaveTimer.current);
    void refreshProgress();
    navigate(coursePath(courseId));
  }, [courseId, navigate, refreshProgress]);

  const launcherOrigin = attempt ? new URL(attempt.launcherUrl).origin : null;

  useEffect(() => {
    if (!launcherOrigin) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== launcherOrigin || event.source !== frame.current?.contentWindow) return;
      if (!isLauncherMessage(event.data)) return;
      const message = event.data;
      if (message.type === 'status') {
        setStatus({ title: message.title, toc: message.toc, currentItem: message.currentItem, controls: message.controls });
      } else if (message.type === 'ended') {
        leave();
      } else {
        setLauncherError(message.code);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [launcherOrigin, leave]);

  useEffect(() => () => {
    if (leaveTimer.current !== null) window.clearTimeout(leaveTimer.current);
  }, []);

  const send = (command: PortalCommand, target?: string) => {
    const launcherWindow = frame.current?.contentWindow;
    if (!launcherWindow || !launcherOrigin) return;
    const message: PortalMessage = { source: PORTAL_SOURCE, type: 'command', command, ...(target ? { target } : {}) };
    launcherWindow.postMessage(message, launcherOrigin);
  };

  const exit = () => {
    setLeaving(true);
    send('exit');
    // The launcher answers `ended` once the SCO has saved; never keep the learner waiting for long.
    leaveTimer.current = window.setTimeout(leave, EXIT_GRACE_MS);
  };

  // The activity the learner opened; below it, the SCO being shown (multi-SCO) or the course.
  const title = attempt?.title ?? '';
  const currentTitle = status?.currentItem ? findTitle(status.toc, status.currentItem) : null;
  const subtitle = status?.controls.toc && currentTitle ? currentTitle : courseTitle;
  const controls = status?.controls;
  const showToc = Boolean(controls?.toc && status && status.toc.length > 0);

  return (
    <div className="lp">
      <header className="lp-bar">
        <button type="button" className="btn btn-secondary btn-sm lp-exit" onClick={exit} disabled={leaving || !attempt}>
          {leaving ? t('player.leaving') : t('player.exit')}
        </button>
        <div className="lp-title">
          <h1>{title || t('player.loading')}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        <nav className="lp-nav" aria-label={t('player.navigation')}>
          {showToc && (
            <button type="button" className="btn btn-ghost btn-sm lp-toc-toggle" aria-expanded={tocOpen} aria-controls="player-toc" onClick={() => setTocOpen((open) => !open)}>
              {t('player.contents')}
            </button>
          )}
          {controls && (controls.previous || controls.continue || showToc) && (
            <>
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => send('previous')} disabled={!controls.previous || leaving}>
                {t('player.previous')}
              </button>
              <button type="button" className="btn btn-primary btn-sm" onClick={() => send('next')} disabled={!controls.continue || leaving}>
                {t('player.continue')}
              </button>
            </>
          )}
        </nav>
        {attempt?.canStartNewAttempt && (
          <button type="button" className="btn btn-ghost btn-sm lp-new-attempt" onClick={() => setConfirmNew(true)} disabled={leaving}>
            {t('player.newAttempt')}
          </button>
        )}
      </header>
      <div className="lp-body">
        {showToc && status && (
          <TableOfContents
            id="player-toc"
            open={tocOpen}
            nodes={status.toc}
            currentItem={status.currentItem}
            onChoose={(identifier) => {
              setTocOpen(false);
              send('choice', identifier);
            }}
          />
        )}
        <main className="lp-stage">
          {launch.isPending && <LoadingState />}
          {launch.isError && (
            <div className="lp-message">
              <ErrorBanner error={launch.error} onRetry={() => start(false)} />
              <Link to={coursePath(courseId)}>{t('player.backToCourse')}</Link>
            </div>
          )}
          {launcherError && (
            <div className="lp-message">
              <ErrorBanner error={t(launcherErrorKey(launcherError))} onRetry={launcherError === 'state_unavailable' || launcherError === 'sequencing_start' ? () => start(false) : undefined} />
              {launcherError === 'sequencing_start' && attempt?.canStartNewAttempt && (
                <button type="button" className="btn btn-secondary" onClick={() => setConfirmNew(true)}>
                  {t('player.newAttempt')}
                </button>
              )}
              <Link to={coursePath(courseId)}>{t('player.backToCourse')}</Link>
            </div>
          )}
          {attempt && (
            <iframe
              key={`${launches}:${attempt.attemptId}`}
              ref={frame}
              className="lp-frame"
              hidden={launcherError !== null}
              title={title || t('player.frameTitle')}
              src={framedLauncherUrl(attempt.launcherUrl, window.location.origin)}
              allow="fullscreen; autoplay"
              allowFullScreen
            />
          )}
        </main>
      </div>
      <ConfirmDialog
        open={confirmNew}
        title={t('player.newAttemptTitle')}
        confirmLabel={t('player.newAttemptConfirm')}
        onClose={() => setConfirmNew(false)}
        onConfirm={() => {
          setConfirmNew(false);
          start(true);
        }}
      >
        <p>{t('player.newAttemptBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * What the launcher reports when it cannot start (packages/launcher: main.ts, launcher.ts): the
 * server did not answer, the package has nothing to run, or its sequencing allows no start from the
 * stored state even after the launcher's fallbacks. Each tells the learner what they can do.
 */
const LAUNCHER_ERRORS: Record<string, string> = {
  state_unavailable: 'player.launcherErrors.stateUnavailable',
  nothing_to_launch: 'player.launcherErrors.nothingToLaunch',
  item_not_launchable: 'player.launcherErrors.nothingToLaunch',
  sequencing_start: 'player.launcherErrors.sequencingStart',
};

export const launcherErrorKey = (code: string): string => LAUNCHER_ERRORS[code] ?? 'player.launcherError';

function findTitle(nodes: TocNode[], identifier: string): string | null {
  for (const node of nodes) {
    if (node.identifier === identifier) return node.title;
    const found = findTitle(node.children, identifier);
    if (found) return found;
  }
  return null;
}
