import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TNotification } from '@asah/contracts/notifications';
import { notificationMessage, NotificationTime } from '@asah/ui/components/NotificationText';
import { useMarkRead } from '@asah/ui/notification-queries';

export function NotificationList({ items, linkFor }: { items: readonly TNotification[]; linkFor: (n: TNotification) => string | null }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  return (
    <ul className="notification-list">
      {items.map((n) => {
        const to = linkFor(n);
        const text = notificationMessage(t, n, i18n.language);
        return (
          <li key={n.id} className={n.readAt ? 'notification-item' : 'notification-item is-unread'}>
            <div className="notification-body">
              <p>{to ? <Link to={to} onClick={() => !n.readAt && markRead.mutate(n.id)}>{text}</Link> : text}</p>
              <NotificationTime createdAt={n.createdAt} />
              {!n.readAt && <span className="sr-only">{t('notifications.unread')}</span>}
            </div>
            {!n.readAt && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => markRead.mutate(n.id)} disabled={markRead.isPending}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
