import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '@asah/ui/components/AppShell';
import { NotificationBell } from '@asah/ui/components/NotificationBell';
import { useApprovalReach } from '../../approvals/hooks/use-approvals';
import { notificationLink } from '../../notifications/notification-link';

export function LearnerShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // Unit heads are ordinary employees: "Persetujuan" shows once there is something to decide (or decided).
  const approvals = useApprovalReach();
  return (
    <AppShell
      portalName={t('portal.name')}
      nav={[
        { to: '/pembelajaran', label: t('nav.myLearning') },
        { to: '/katalog', label: t('nav.catalogue') },
        { to: '/jp', label: t('nav.jp') },
        { to: '/pengembangan', label: t('nav.devLogs') },
        ...(approvals.visible ? [{ to: '/persetujuan', label: approvals.pending > 0 ? t('nav.approvalsPending', { count: approvals.pending }) : t('nav.approvals') }] : []),
        { to: '/kompetensi', label: t('competency.nav') },
        { to: '/sertifikat', label: t('nav.certificates') },
        { to: '/profil', label: t('nav.profile') },
      ]}
      alerts={<NotificationBell linkFor={notificationLink} allHref="/notifikasi" />}
    >
      {children}
    </AppShell>
  );
}
