import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '@asah/ui/api-client';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { NotFoundPage } from '@asah/ui/components/NotFoundPage';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AttendanceSheet } from '../features/attendance/components/AttendanceSheet';
import { useAttendance } from '../features/attendance/hooks/use-sessions';

export function AttendanceRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const sheet = useAttendance(sessionId);
  useDocumentTitle(sheet.data ? `${t('attendance.title')} · ${sheet.data.session.title}` : t('attendance.title'), t('portal.name'));
  if (sheet.isPending) return <LoadingState />;
  if (sheet.isError) {
    if (isApiError(sheet.error, 'NOT_FOUND') || isApiError(sheet.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <ErrorBanner error={sheet.error} onRetry={() => void sheet.refetch()} />;
  }
  return <AttendanceSheet key={sheet.data.session.id} sheet={sheet.data} />;
}
