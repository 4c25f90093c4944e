import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';

interface ErrorBannerProps {
  /** An error thrown by the API client (translated by its code) or a ready sentence. */
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorBanner({ error, title, onRetry }: ErrorBannerProps) {
  const { t } = useTranslation();
  const message = typeof error === 'string' ? error : errorMessage(t, error);
  return (
    <div className="banner banner-error" role="alert">
      <div>
        {title && <p className="banner-title">{title}</p>}
        <p>{message}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
