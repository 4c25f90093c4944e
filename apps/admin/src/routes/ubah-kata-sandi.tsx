import { useTranslation } from 'react-i18next';
import { ChangePasswordPage } from '@asah/ui/components/ChangePasswordPage';
import { useDocumentTitle } from '@asah/ui/document-title';
import { PORTAL_ROLES } from '../features/access/roles';
import { AgencyScopeProvider } from '../features/agency-scope/components/AgencyScopeProvider';
import { AdminShell } from '../features/shell/components/AdminShell';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.changePasswordTitle'), t('portal.name'));
  return (
    <ChangePasswordPage
      portalName={t('portal.name')}
      shellRoles={PORTAL_ROLES}
      renderInShell={(content) => (
        <AgencyScopeProvider>
          <AdminShell>{content}</AdminShell>
        </AgencyScopeProvider>
      )}
    />
  );
}
