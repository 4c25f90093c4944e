import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '@asah/ui/components/AppShell';
import { NotificationBell } from '@asah/ui/components/NotificationBell';
import { AGENCY_ADMIN_ROLES, COURSE_ROLES, PLATFORM_ROLES, PORTAL_ROLES } from '../../access/roles';
import { AgencyPicker } from '../../agency-scope/components/AgencyPicker';

export function AdminShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell
      portalName={t('portal.name')}
      nav={[
        { to: '/', label: t('nav.dashboard'), roles: AGENCY_ADMIN_ROLES, end: true },
        { to: '/instansi', label: t('nav.agencies'), roles: PLATFORM_ROLES, group: t('nav.groups.organisation') },
        { to: '/unit-kerja', label: t('nav.units'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.organisation') },
        { to: '/jabatan', label: t('nav.positions'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.organisation') },
        { to: '/abk', label: t('competency.nav.workload'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.organisation') },
        { to: '/pegawai', label: t('nav.users'), roles: AGENCY_ADMIN_ROLES, end: true, group: t('nav.groups.organisation') },
        { to: '/pegawai/impor', label: t('nav.userImport'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.organisation') },
        { to: '/kursus', label: t('nav.courses'), roles: COURSE_ROLES, group: t('nav.groups.learning') },
        { to: '/persetujuan', label: t('nav.approvals'), roles: PORTAL_ROLES, group: t('nav.groups.learning') },
        { to: '/sertifikat', label: t('nav.certificates'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.learning') },
        { to: '/laporan/jp', label: t('nav.jpReport'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.learning') },
        { to: '/kompetensi/kamus', label: t('competency.nav.dictionary'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.competency') },
        { to: '/kompetensi/standar', label: t('competency.nav.standards'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.competency') },
        { to: '/kompetensi/penilaian', label: t('competency.nav.assessments'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.competency') },
        { to: '/kompetensi/analisis', label: t('competency.nav.needs'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.competency') },
        { to: '/rencana-pengembangan', label: t('competency.nav.plan'), roles: AGENCY_ADMIN_ROLES, group: t('nav.groups.competency') },
      ]}
      tools={<AgencyPicker />}
      alerts={<NotificationBell linkFor={(n) => (n.data.courseId ? `/kursus/${n.data.courseId}` : null)} />}
      userLinks={[{ to: '/ubah-kata-sandi', label: t('shell.changePassword') }]}
    >
      {children}
    </AppShell>
  );
}
