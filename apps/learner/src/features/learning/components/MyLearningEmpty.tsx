import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';

/** Nothing under way: say so plainly and point to the catalogue. */
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
      action={
        <Link to="/katalog" className="btn btn-primary">
          {t('learning.browseCatalogue')}
        </Link>
      }
    />
  );
}
