import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { usePackageVersions } from '../../course-content/hooks/use-package';
import { useLaunch } from '../../course-content/hooks/use-launch';

interface ScormPlayerProps {
  courseId: string;
  activityId: string;
  title: string;
}

/**
 * Opens the current package version in a frame on the content origin (another origin, so the
 * package's scripts cannot reach the portal or the API). Multi-SCO packages get a table of
 * contents from their launch pages; each choice asks for a fresh one-time launch link.
 */
export function ScormPlayer({ courseId, activityId, title }: ScormPlayerProps) {
  const { t } = useTranslation();
  const versions = usePackageVersions(courseId, activityId);
  const current = versions.data?.items.find((v) => v.current);
  const pages = current?.launchPages ?? [];
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const launch = useLaunch(courseId);
  const { mutate } = launch;

  const currentId = current?.id;
  useEffect(() => {
    if (!currentId) return;
    mutate({ activityId, body: { versionId: currentId, itemId } });
  }, [activityId, currentId, itemId, mutate]);

  if (versions.isPending) return <LoadingState />;
  if (versions.isError) return <ErrorBanner error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!current) return <p className="muted">{t('preview.noPackage')}</p>;

  const shownItem = launch.data?.itemId ?? pages[0]?.itemId;
  return (
    <div className="player">
      {pages.length > 1 && (
        <nav className="player-toc" aria-label={t('preview.toc')}>
          <p className="player-toc-title">{t('preview.toc')}</p>
          <ol>
            {pages.map((page) => (
              <li key={page.itemId}>
                <button
                  type="button"
                  className="toc-link"
                  aria-current={page.itemId === shownItem ? 'page' : undefined}
                  disabled={launch.isPending}
                  onClick={() => setItemId(page.itemId)}
                >
                  {page.title || page.itemId}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {launch.isError && <ErrorBanner error={launch.error} onRetry={() => mutate({ activityId, body: { versionId: current.id, itemId } })} />}
      {launch.isPending && <LoadingState label={t('preview.launching')} />}
      {launch.data && (
        <iframe
          key={launch.data.url}
          className="player-frame"
          title={t('preview.frameTitle', { title })}
          src={launch.data.url}
          // Defence in depth: the package may not navigate or replace the portal page.
          sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-modals allow-downloads"
          allow="fullscreen; autoplay"
          referrerPolicy="no-referrer"
        />
      )}
      <p className="field-hint">{t('preview.noTracking')}</p>
    </div>
  );
}
