import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '@asah/ui/document-title';
import { VerifyPage } from '../features/certificates/components/VerifyPage';

/** Public: the target of a certificate's QR code, outside the login guard. */
export function VerifyRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  useDocumentTitle(t('verify.title'), t('app.name'));
  return <VerifyPage code={code} />;
}
