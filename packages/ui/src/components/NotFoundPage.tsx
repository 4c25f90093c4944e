import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      title={t('notFound.title')}
      description={<p>{t('notFound.body')}</p>}
      action={
        <Link to="/" className="btn btn-primary">
          {t('notFound.home')}
        </Link>
      }
    />
  );
}
