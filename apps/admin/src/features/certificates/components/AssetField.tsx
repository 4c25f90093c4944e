import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_MAX_BYTES, type TAsset } from '@asah/contracts/certificates';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { ProgressBar } from '@asah/ui/components/ProgressBar';
import { useAssetUpload } from '../hooks/use-templates';

const TYPES: Record<TAsset['kind'], readonly string[]> = {
  background: ['image/png', 'image/jpeg', 'application/pdf'],
  signature: ['image/png', 'image/jpeg'],
  logo: ['image/png', 'image/jpeg'],
};

interface AssetFieldProps {
  kind: TAsset['kind'];
  assetId: string | null;
  onUploaded: (asset: TAsset) => void;
  onRemove: () => void;
}

/** A background, signature or logo: uploaded as soon as it is chosen, with its progress. */
export function AssetField({ kind, assetId, onUploaded, onRemove }: AssetFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useAssetUpload(kind);
  const [problem, setProblem] = useState<string | null>(null);
  const maxMb = ASSET_MAX_BYTES / 1024 / 1024;

  const choose = (file: File | undefined) => {
    setProblem(null);
    upload.reset();
    if (!file) return;
    if (!TYPES[kind].includes(file.type)) return setProblem(t(`certificates.assets.type.${kind}`));
    if (file.size > ASSET_MAX_BYTES) return setProblem(t('certificates.assets.tooLarge', { max: maxMb }));
    upload.mutate(file, { onSuccess: onUploaded });
  };

  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {t(`certificates.assets.label.${kind}`)}
      </label>
      <div className="file-picker">
        <span className="btn btn-secondary btn-sm file-picker-button" aria-hidden="true">
          {assetId ? t('certificates.assets.replace') : t('certificates.assets.choose')}
        </span>
        <span className="file-picker-name" aria-hidden="true">
          {assetId ? t('certificates.assets.stored') : t(`certificates.assets.hint.${kind}`, { max: maxMb })}
        </span>
        <input
          id={id}
          type="file"
          accept={TYPES[kind].join(',')}
          disabled={upload.isPending}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
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
      {upload.isPending && (
        <ProgressBar label={t('certificates.assets.uploading')} percent={upload.progress && upload.progress.percent < 100 ? upload.progress.percent : undefined} />
      )}
      {upload.isSuccess && (
        <p className="field-hint" role="status">
          {t('certificates.assets.uploaded')}
        </p>
      )}
      {upload.isError && <ErrorBanner error={upload.error} />}
      {assetId && (
        <div>
          <button type="button" className="btn btn-link-danger btn-sm" onClick={onRemove}>
            {t('certificates.assets.remove')}
          </button>
        </div>
      )}
    </div>
  );
}
