import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { useAgencyScope } from '../hooks/agency-scope-context';

/** Agency pages render only once there is an agency to work on. */
export function AgencyRequired({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useAgencyScope();
  if (scope.ready) return <>{children}</>;
  // Loading, or an agency is about to be picked automatically.
  if (scope.loading || scope.agencies.length > 0) return <LoadingState />;
  return (
    <EmptyState
      title={t('agencyScope.requiredTitle')}
      description={<p>{t('agencyScope.requiredBody')}</p>}
      action={
        <Link to="/instansi" className="btn btn-primary">
          {t('agencyScope.goToAgencies')}
        </Link>
      }
    />
  );
}
