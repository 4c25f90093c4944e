import { useTranslation } from 'react-i18next';
import type { TEnrolmentStatus } from '@asah/contracts/enrolments';
import { Badge } from '@asah/ui/components/Badge';
import { ENROLMENT_STATUS_TONES } from '../format';

export function EnrolmentStatusBadge({ status, waitlistPosition }: { status: TEnrolmentStatus; waitlistPosition?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge tone={ENROLMENT_STATUS_TONES[status]}>
      {status === 'waitlisted' && waitlistPosition ? t('enrolments.waitlistedAt', { position: waitlistPosition }) : t(`enrolments.status.${status}`)}
    </Badge>
  );
}
