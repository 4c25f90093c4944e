import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '@asah/ui/components/NotFoundPage';
import { useDocumentTitle } from '@asah/ui/document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'), t('portal.name'));
  return <NotFoundPage />;
}
