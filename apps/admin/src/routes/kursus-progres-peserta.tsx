import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { NotFoundPage } from '@asah/ui/components/NotFoundPage';
import { useDocumentTitle } from '@asah/ui/document-title';
import { LearnerProgress } from '../features/progress/components/LearnerProgress';
import { useLearnerProgress } from '../features/progress/hooks/use-progress';

export function LearnerProgressRoute() {
  const { t } = useTranslation();
  const { courseId = '', userId = '' } = useParams();
  const progress = useLearnerProgress(courseId, userId);
  useDocumentTitle(progress.data ? `${t('courseTabs.progress')} · ${progress.data.user.name}` : t('courseTabs.progress'), t('portal.name'));
  if (progress.isPending) return <LoadingState />;
  if (progress.isError) {
    if (isApiError(progress.error, 'NOT_FOUND') || isApiError(progress.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <ErrorBanner error={progress.error} onRetry={() => void progress.refetch()} />;
  }
  return <LearnerProgress progress={progress.data} />;
}
