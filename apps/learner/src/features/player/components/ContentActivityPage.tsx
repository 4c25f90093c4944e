import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TActivityContent } from '@asah/contracts/tracking';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { formatBytes } from '@asah/ui/format-bytes';
import { activityPath, coursePath } from '../../course/course-paths';
import { useActivityContent, useContentUrl, useMarkViewed, useRefreshAfterViewed } from '../hooks/use-activity-content';

interface Neighbour {
  id: string;
  title: string;
}

interface ContentActivityPageProps {
  courseId: string;
  activityId: string;
  courseTitle: string;
  previous: Neighbour | null;
  next: Neighbour | null;
}

/**
 * A page, file or video activity in the learner portal: the page text, the file to open or the video
 * to play (both from the content origin), with the way back to the course and to the neighbouring
 * activities. Opening it tells the tracking API it was viewed, which counts it as done.
 */
export function ContentActivityPage({ courseId, activityId, courseTitle, previous, next }: ContentActivityPageProps) {
  const { t } = useTranslation();
  const content = useActivityContent(activityId);
  const markViewed = useMarkViewed(activityId);
  const refreshProgress = useRefreshAfterViewed();
  const viewedFor = useRef<string | null>(null);
  const { mutate } = markViewed;

  useEffect(() => {
    // Once per activity once its content is shown (React's development double effect would post twice).
    if (!content.data || viewedFor.current === activityId) return;
    viewedFor.current = activityId;
    // The course page and "Pembelajaran Saya" then read the activity (and maybe the course) as done.
    mutate(undefined, { onSuccess: () => void refreshProgress() });
  }, [activityId, content.data, mutate, refreshProgress]);

  return (
    <main className="ca" id="main">
      <nav className="ca-top" aria-label={t('player.navigation')}>
        <Link to={coursePath(courseId)} className="btn btn-secondary btn-sm">
          {t('player.backToCourse')}
        </Link>
        <span className="muted ca-course">{courseTitle}</span>
      </nav>
      {content.isPending && <LoadingState label={t('player.loading')} />}
      {content.isError && <ErrorBanner error={content.error} onRetry={() => void content.refetch()} />}
      {content.data && (
        <article className="card ca-card" aria-labelledby="activity-title">
          <h1 id="activity-title" className="ca-title">
            {content.data.title}
          </h1>
          <ContentBody courseId={courseId} content={content.data} />
          {markViewed.isSuccess && markViewed.data.status === 'completed' && (
            <p className="ca-done" role="status">
              {t('player.viewedDone')}
            </p>
          )}
          {markViewed.isError && <ErrorBanner error={markViewed.error} onRetry={() => mutate()} />}
        </article>
      )}
      <nav className="ca-pager" aria-label={t('player.pager')}>
        {previous ? (
          <Link to={activityPath(courseId, previous.id)} className="btn btn-secondary ca-prev" rel="prev">
            <span aria-hidden="true">←</span> <span className="ca-pager-text">{t('player.previousActivity', { title: previous.title })}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={activityPath(courseId, next.id)} className="btn btn-primary ca-next" rel="next">
            <span className="ca-pager-text">{t('player.nextActivity', { title: next.title })}</span> <span aria-hidden="true">→</span>
          </Link>
        ) : (
          <Link to={coursePath(courseId)} className="btn btn-primary ca-next">
            {t('player.backToCourse')}
          </Link>
        )}
      </nav>
    </main>
  );
}

function ContentBody({ courseId, content }: { courseId: string; content: TActivityContent }) {
  const { t, i18n } = useTranslation();
  const hasFile = content.type !== 'page' && content.file !== null;
  const url = useContentUrl(courseId, content.activityId, hasFile);

  if (content.type === 'page') {
    return content.html ? (
      // Sanitised by the API on write (no scripts, handlers, frames or styles), as in the admin preview.
      <div className="page-content" dangerouslySetInnerHTML={{ __html: content.html }} />
    ) : (
      <p className="muted">{t('player.emptyPage')}</p>
    );
  }
  if (!content.file) return <p className="muted">{t(content.type === 'video' ? 'player.noVideo' : 'player.noFile')}</p>;
  const size = formatBytes(content.file.sizeBytes, i18n.language);
  if (url.isPending) return <LoadingState label={t('player.loading')} />;
  if (url.isError) return <ErrorBanner error={url.error} onRetry={() => void url.refetch()} />;
  if (content.type === 'video') {
    return (
      <div className="ca-media">
        <video className="video-player" controls preload="metadata" src={url.data.url} aria-label={content.title}>
          <track kind="captions" />
        </video>
        <p className="muted ca-file-meta">
          {content.file.fileName} · {size}
        </p>
      </div>
    );
  }
  return (
    <div className="ca-file">
      <dl className="dl">
        <dt>{t('player.fileName')}</dt>
        <dd className="ca-file-name">{content.file.fileName}</dd>
        <dt>{t('player.fileSize')}</dt>
        <dd>{size}</dd>
      </dl>
      {/* The content origin serves the file against the short-lived token in the URL; no session cookie goes there. */}
      <a className="btn btn-primary" href={url.data.url} target="_blank" rel="noopener noreferrer">
        {t('player.openFile')}
      </a>
    </div>
  );
}
