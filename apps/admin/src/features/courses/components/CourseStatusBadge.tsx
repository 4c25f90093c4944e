import { useTranslation } from 'react-i18next';
import type { TCourseStatus } from '@asah/contracts/courses';
import { Badge, type BadgeTone } from '@asah/ui/components/Badge';

const TONES: Record<TCourseStatus, BadgeTone> = { draft: 'warning', published: 'success', archived: 'neutral' };

export function CourseStatusBadge({ status }: { status: TCourseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`courses.status.${status}`)}</Badge>;
}
