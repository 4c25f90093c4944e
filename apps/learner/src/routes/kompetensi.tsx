import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { CompetencyProfile } from '../features/competency/components/CompetencyProfile';
import { DevelopmentGoals } from '../features/competency/components/DevelopmentGoals';
import '../features/competency/competency.css';

export function CompetencyRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('competency.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('competency.title')} description={t('competency.description')} />
      <div className="kc-sections">
        <CompetencyProfile />
        <DevelopmentGoals />
      </div>
    </>
  );
}
