import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { CompetencySettingsForm } from '../features/competency/components/CompetencySettingsForm';
import { useCompetencySettings } from '../features/competency/hooks/use-settings';
import '../features/competency/competency.css';

export function CompetencySettingsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.settings.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.settings.title')} description={t('competency.settings.description')} />
      <AgencyRequired>
        <SettingsPage />
      </AgencyRequired>
    </>
  );
}

function SettingsPage() {
  const settings = useCompetencySettings();
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorBanner error={settings.error} onRetry={() => void settings.refetch()} />;
  // Keyed by agency so switching agencies (platform admins) starts the form afresh.
  return <CompetencySettingsForm key={settings.data.agencyId} settings={settings.data} />;
}
