import { useTranslation } from 'react-i18next';
import { instant } from '../notification-message';

export { notificationMessage } from '../notification-message';

export function NotificationTime({ createdAt }: { createdAt: string }) {
  const { i18n } = useTranslation();
  return (
    <time className="notification-time" dateTime={createdAt}>
      {instant(createdAt, i18n.language)}
    </time>
  );
}
