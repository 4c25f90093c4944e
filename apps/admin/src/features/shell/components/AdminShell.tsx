import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '@asah/ui/components/AppShell';
import { AGENCY_ADMIN_ROLES, COURSE_ROLES, PLATFORM_ROLES } from '../../access/roles';
import { AgencyPicker } from '../../agency-scope/components/AgencyPicker';

export function AdminShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell
      portalName={t('portal.name')}
      nav={[
        { to: '/', label: t('nav.dashboard'), roles: AGENCY_ADMIN_ROLES, end: true },
        { to: '/instansi', label: t('nav.agencies'), roles: PLATFORM_ROLES },
        { to: '/unit-kerja', label: t('nav.units'), roles: AGENCY_ADMIN_ROLES },
        { to: '/jabatan', label: t('nav.positions'), roles: AGENCY_ADMIN_ROLES },
        { to: '/pegawai', label: t('nav.users'), roles: AGENCY_ADMIN_ROLES, end: true },
        { to: '/pegawai/impor', label: t('nav.userImport'), roles: AGENCY_ADMIN_ROLES },
        { to: '/kursus', label: t('nav.courses'), roles: COURSE_ROLES },
      ]}
      tools={<AgencyPicker />}
      userLinks={[{ to: '/ubah-kata-sandi', label: t('shell.changePassword') }]}
    >
      {children}
    </AppShell>
  );
}
