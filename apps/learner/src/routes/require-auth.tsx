import { useTranslation } from 'react-i18next';
import { RequireAuth } from '@asah/ui/components/RequireAuth';

/** Every signed-in user may use the learner portal; pages needing a role nest their own guard. */
export function RequireAuthRoute() {
  const { t } = useTranslation();
  return <RequireAuth portalName={t('portal.name')} />;
}
