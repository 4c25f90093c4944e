import { useTranslation } from 'react-i18next';
import type { TActivityType } from '@asah/contracts/courses';

/** Short type label with a letter mark; colours tell the types apart at a glance. */
export function ActivityTypeBadge({ type }: { type: TActivityType }) {
  const { t } = useTranslation();
  return <span className={`type-badge type-${type}`}>{t(`activities.types.${type}`)}</span>;
}
