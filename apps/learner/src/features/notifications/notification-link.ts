import type { TNotification } from '@asah/contracts/notifications';

/** Where a notification leads in the learner portal. */
export function notificationLink(n: TNotification): string | null {
  if (n.type === 'approval_needed') return '/persetujuan';
  if (n.type === 'log_decided') return '/pengembangan';
  if (n.type === 'certificate_issued') return '/sertifikat';
  return n.data.courseId ? `/kursus/${n.data.courseId}` : null;
}
