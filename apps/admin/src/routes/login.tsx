import { useTranslation } from 'react-i18next';
import { LoginPage } from '@asah/ui/components/LoginPage';
import { useDocumentTitle } from '@asah/ui/document-title';

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.submit'), t('portal.name'));
  return <LoginPage portalName={t('portal.name')} />;
}
