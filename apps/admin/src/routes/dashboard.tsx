import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '@asah/ui/auth/queries';
import { hasAnyRole } from '@asah/ui/auth/roles';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { useDocumentTitle } from '@asah/ui/document-title';
import { AGENCY_ADMIN_ROLES } from '../features/access/roles';
import { AgencyRequired } from '../features/agency-scope/components/AgencyRequired';
import { useAgencyScope } from '../features/agency-scope/hooks/agency-scope-context';
import { DashboardStats } from '../features/dashboard/components/DashboardStats';

/** Admins land on the dashboard; instructors, who have only course pages, on the course list. */
export function HomeRoute() {
  const { data: me } = useMe();
  if (me && !hasAnyRole(me.roles, AGENCY_ADMIN_ROLES)) return <Navigate to="/kursus" replace />;
  return <DashboardRoute />;
}

function DashboardRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const scope = useAgencyScope();
  useDocumentTitle(t('dashboard.title'), t('portal.name'));
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={
          scope.agency ? t('dashboard.welcomeAgency', { name: me?.name, agency: scope.agency.name }) : t('dashboard.welcome', { name: me?.name })
        }
      />
      <AgencyRequired>
        <DashboardStats />
        <section className="section card">
          <h2 className="card-title">{t('dashboard.quickActions')}</h2>
          <div className="button-row">
            <Link to="/pegawai?baru=1" className="btn btn-primary">
              {t('users.create')}
            </Link>
            <Link to="/kursus?baru=1" className="btn btn-secondary">
              {t('courses.create')}
            </Link>
            <Link to="/pegawai/impor" className="btn btn-secondary">
              {t('nav.userImport')}
            </Link>
            <Link to="/unit-kerja" className="btn btn-secondary">
              {t('dashboard.manageUnits')}
            </Link>
            <Link to="/jabatan" className="btn btn-secondary">
              {t('dashboard.managePositions')}
            </Link>
          </div>
        </section>
      </AgencyRequired>
    </>
  );
}
