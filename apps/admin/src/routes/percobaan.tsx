import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { NotFoundPage } from '@asah/ui/components/NotFoundPage';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AttemptDetail } from '../features/progress/components/AttemptDetail';
import { useAttempt } from '../features/progress/hooks/use-progress';

export function AttemptRoute() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  const attempt = useAttempt(attemptId);
  useDocumentTitle(attempt.data ? `${t('progress.attemptTitle')} · ${attempt.data.user.name}` : t('progress.attemptTitle'), t('portal.name'));
  if (attempt.isPending) return <LoadingState />;
  if (attempt.isError) {
    if (isApiError(attempt.error, 'NOT_FOUND') || isApiError(attempt.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <ErrorBanner error={attempt.error} onRetry={() => void attempt.refetch()} />;
  }
  return <AttemptDetail attempt={attempt.data} />;
}
