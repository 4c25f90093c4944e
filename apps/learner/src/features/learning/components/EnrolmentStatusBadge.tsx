import { useTranslation } from 'react-i18next';
import type { TEnrolmentStatus } from '@asah/contracts/enrolments';
import { Badge } from '@asah/ui/components/Badge';

const TONES: Record<TEnrolmentStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  requested: 'warning',
  waitlisted: 'warning',
  approved: 'info',
  active: 'info',
  completed: 'success',
  withdrawn: 'neutral',
  expired: 'danger',
};

export function EnrolmentStatusBadge({ status, waitlistPosition }: { status: TEnrolmentStatus; waitlistPosition?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[status]}>
      {status === 'waitlisted' && waitlistPosition
        ? t('enrolment.waitlistedAt', { position: waitlistPosition })
        : t(`enrolment.status.${status}`)}
    </Badge>
  );
}
