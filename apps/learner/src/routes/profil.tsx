import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useMe } from '@asah/ui/auth/queries';
import { useDocumentTitle } from '@asah/ui/document-title';
import { ProfileDetails } from '../features/profile/components/ProfileDetails';

export function ProfileRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  useDocumentTitle(t('profile.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      {me && <ProfileDetails me={me} />}
    </>
  );
}
