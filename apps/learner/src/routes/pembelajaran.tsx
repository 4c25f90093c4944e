import { useTranslation } from 'react-i18next';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { MyLearningEmpty } from '../features/learning/components/MyLearningEmpty';

export function MyLearningRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('learning.title'), t('portal.name'));
  return (
    <>
      <PageHeader title={t('learning.title')} description={t('learning.description')} />
      <MyLearningEmpty />
    </>
  );
}
