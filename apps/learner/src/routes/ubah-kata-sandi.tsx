import { useTranslation } from 'react-i18next';
import { ChangePasswordPage } from '@asah/ui/components/ChangePasswordPage';
import { useDocumentTitle } from '@asah/ui/document-title';
import { LearnerShell } from '../features/shell/components/LearnerShell';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.changePasswordTitle'), t('portal.name'));
  return (
    <ChangePasswordPage
      portalName={t('portal.name')}
      renderInShell={(content) => <LearnerShell>{content}</LearnerShell>}
    />
  );
}
