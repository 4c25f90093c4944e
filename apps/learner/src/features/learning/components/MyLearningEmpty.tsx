import { useTranslation } from 'react-i18next';
import { EmptyState } from '@asah/ui/components/EmptyState';

/** No course exists yet in this milestone: say so plainly instead of showing a fake list. */
export function MyLearningEmpty() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('learning.emptyTitle')}
      description={
        <>
          <p>{t('learning.emptyBody')}</p>
          <p>{t('learning.emptyHint')}</p>
        </>
      }
    />
  );
}
