import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useLaunch } from '../../course-content/hooks/use-launch';

/** A video plays in place from the content origin; a file opens in a new tab from there. */
export function FilePlayer({ courseId, activityId, kind, title }: { courseId: string; activityId: string; kind: 'file' | 'video'; title: string }) {
  const { t } = useTranslation();
  const launch = useLaunch(courseId);
  const { mutate } = launch;
  useEffect(() => {
    mutate({ activityId });
  }, [activityId, mutate]);

  if (launch.isPending || launch.isIdle) return <LoadingState label={t('preview.launching')} />;
  if (isApiError(launch.error, 'CONTENT_NOT_UPLOADED')) return <p className="muted">{kind === 'video' ? t('content.noVideo') : t('content.noFile')}</p>;
  if (launch.isError) return <ErrorBanner error={launch.error} onRetry={() => mutate({ activityId })} />;
  if (kind === 'video') {
    return (
      <video className="video-player" controls preload="metadata" src={launch.data.url} aria-label={title}>
        <track kind="captions" />
      </video>
    );
  }
  return (
    <a className="btn btn-primary" href={launch.data.url} target="_blank" rel="noopener noreferrer">
      {t('preview.openFile', { title })}
    </a>
  );
}
