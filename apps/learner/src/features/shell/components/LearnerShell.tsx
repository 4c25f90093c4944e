import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '@asah/ui/components/AppShell';

export function LearnerShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell
      portalName={t('portal.name')}
      nav={[
        { to: '/pembelajaran', label: t('nav.myLearning') },
        { to: '/katalog', label: t('nav.catalogue') },
        { to: '/jp', label: t('nav.jp') },
        { to: '/kompetensi', label: t('competency.nav') },
        { to: '/sertifikat', label: t('nav.certificates') },
        { to: '/profil', label: t('nav.profile') },
      ]}
    >
      {children}
    </AppShell>
  );
}
