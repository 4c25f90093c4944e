import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { VIDEO_TYPES, type TContentFile } from '@asah/contracts/content';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { SuccessBanner } from '@asah/ui/components/SuccessBanner';
import { formatBytes, formatDateTime } from '../../courses/format';
import { useContentFile, useContentFileUpload } from '../hooks/use-content-file';
import { useLaunch } from '../hooks/use-launch';
import { UploadForm } from './UploadForm';

interface ContentFilePanelProps {
  courseId: string;
  activityId: string;
  kind: 'file' | 'video';
  readOnly: boolean;
}

/** The file or video of an activity: what is stored, a look at it from the content origin, and a replacement upload. */
export function ContentFilePanel({ courseId, activityId, kind, readOnly }: ContentFilePanelProps) {
  const { t } = useTranslation();
  const current = useContentFile(courseId, activityId);
  const upload = useContentFileUpload(courseId, activityId);
  const isVideo = kind === 'video';

  const check = (file: File) => {
    if (isVideo && !(VIDEO_TYPES as readonly string[]).includes(file.type)) return t('content.videoType');
    return null;
  };

  return (
    <div className="form-stack">
      {current.isPending && <LoadingState />}
      {current.isError && <ErrorBanner error={current.error} onRetry={() => void current.refetch()} />}
      {current.data === null && <p className="muted">{isVideo ? t('content.noVideo') : t('content.noFile')}</p>}
      {current.data && <StoredFile courseId={courseId} file={current.data} />}
      {!readOnly && (
        <UploadForm<'upload'>
          label={isVideo ? t('content.videoLabel') : t('content.fileLabel')}
          hint={isVideo ? t('content.videoHint') : t('content.fileHint')}
          accept={isVideo ? VIDEO_TYPES.join(',') : ''}
          actions={[{ id: 'upload', label: current.data ? t('content.replaceFile') : t('content.uploadFile'), primary: true }]}
          check={check}
          onSubmit={(file) => upload.upload(file)}
          phase={upload.phase}
          progress={upload.progress}
          processingLabel={t('content.processingFile')}
          onCancel={upload.cancel}
        />
      )}
      {upload.phase === 'failed' && <ErrorBanner error={upload.error} />}
      {upload.phase === 'done' && <SuccessBanner>{t('content.fileSaved')}</SuccessBanner>}
    </div>
  );
}

function StoredFile({ courseId, file }: { courseId: string; file: TContentFile }) {
  const { t, i18n } = useTranslation();
  const launch = useLaunch(courseId);
  const { mutate } = launch;
  // A file link stays valid for hours: one is asked for per file shown, to play or open it.
  useEffect(() => {
    mutate({ activityId: file.activityId });
  }, [file.id, file.activityId, mutate]);

  return (
    <div className="stored-file">
      <dl className="dl">
        <dt>{t('content.fileName')}</dt>
        <dd>{file.fileName}</dd>
        <dt>{t('content.fileSize')}</dt>
        <dd>{formatBytes(file.sizeBytes, i18n.language)}</dd>
        <dt>{t('content.fileType')}</dt>
        <dd>
          <code>{file.contentType}</code>
        </dd>
        <dt>{t('content.uploadedAt')}</dt>
        <dd>{formatDateTime(file.createdAt, i18n.language)}</dd>
      </dl>
      {launch.isError && <ErrorBanner error={launch.error} />}
      {file.kind === 'video' && launch.data && (
        <video className="video-player" controls preload="metadata" src={launch.data.url}>
          <track kind="captions" />
        </video>
      )}
      {file.kind === 'file' && launch.data && (
        <a className="btn btn-secondary btn-sm" href={launch.data.url} target="_blank" rel="noopener noreferrer">
          {t('content.openFile')}
        </a>
      )}
    </div>
  );
}
