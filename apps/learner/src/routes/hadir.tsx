import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CheckInResult } from '../features/check-in/CheckInResult';
import '../features/learning/learning.css';

/** The page a classroom session's QR code points to (CHECK_IN_PATH in the classroom contract). */
export function CheckInRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkIn.title'), t('portal.name'));
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  return <CheckInResult key={`${sessionId}:${params.get('kode') ?? ''}`} sessionId={sessionId} code={params.get('kode') ?? ''} />;
}
