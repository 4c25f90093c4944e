import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COVER_IMAGE_TYPES, COVER_MAX_BYTES } from '@asah/contracts/content';
import type { TCourseDetail } from '@asah/contracts/courses';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { formatBytes } from '../../courses/format';
import { useCoverUpload, useCoverUrl, useRemoveCover } from '../hooks/use-cover';

/** Cover image of a course: uploaded as soon as it is chosen, previewed from the content origin. */
export function CoverImageField({ course }: { course: TCourseDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const upload = useCoverUpload(course.id);
  const remove = useRemoveCover(course.id);
  const storedUrl = useCoverUrl(course.coverImageKey);
  const [localPreview, setLocalPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const readOnly = !course.can.edit;


  const choose = (file: File | undefined) => {
    setProblem(null);
    upload.reset();
    if (!file) return;
    if (!(COVER_IMAGE_TYPES as readonly string[]).includes(file.type)) return setProblem(t('content.coverType'));
    if (file.size > COVER_MAX_BYTES) return setProblem(t('content.coverTooLarge', { max: formatBytes(COVER_MAX_BYTES, i18n.language) }));
    // Shown at once as a data: URL (the portal's CSP allows data: images, not blob:).
    const reader = new FileReader();
    reader.onload = () => setLocalPreview(typeof reader.result === 'string' ? reader.result : null);
    reader.readAsDataURL(file);
    upload.upload(file);
  };

  const preview = upload.phase !== 'failed' && localPreview ? localPreview : course.coverImageKey ? storedUrl : null;
  return (
    <div className="cover-field">
      <div className="cover-preview">
        {preview ? (
          <img src={preview} alt={t('content.coverAlt', { title: course.title })} />
        ) : (
          <span className="cover-placeholder">{course.coverImageKey ? t('content.coverStored') : t('content.noCover')}</span>
        )}
      </div>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={id} className="field-label">
          {t('content.coverLabel')}
        </label>
        <div className="file-picker">
          <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
            {course.coverImageKey ? t('content.replaceCover') : t('content.chooseImage')}
          </span>
          <span className="file-picker-name" aria-hidden="true">
            {t('content.coverHint', { max: formatBytes(COVER_MAX_BYTES, i18n.language) })}
          </span>
          <input
            id={id}
            type="file"
            accept={COVER_IMAGE_TYPES.join(',')}
            disabled={readOnly || upload.phase === 'uploading' || upload.phase === 'processing'}
            aria-describedby={problem ? `${id}-error` : undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
        {problem && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {problem}
          </p>
        )}
        {(upload.phase === 'uploading' || upload.phase === 'processing') && (
          <ProgressBar label={t('content.uploadingCover')} percent={upload.phase === 'processing' ? undefined : upload.progress?.percent} />
        )}
        {upload.phase === 'done' && (
          <p className="field-hint" role="status">
            {t('content.coverSaved')}
          </p>
        )}
        {upload.phase === 'failed' && <ErrorBanner error={upload.error} />}
        {remove.isError && <ErrorBanner error={remove.error} />}
        {course.coverImageKey && !readOnly && (
          <div>
            <button
              type="button"
              className="btn btn-link-danger btn-sm"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    upload.reset();
                    setLocalPreview(null);
                  },
                })
              }
            >
              {t('content.removeCover')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
