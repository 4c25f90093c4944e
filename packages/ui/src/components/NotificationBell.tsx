import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { TNotification } from '@asah/contracts/notifications';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../notification-queries';
import { notificationMessage, NotificationTime } from './NotificationText';

interface NotificationBellProps {
  /** Where a notification leads in this portal (null: nowhere); opening it marks it read. */
  linkFor?: (notification: TNotification) => string | null;
  /** The portal's full list of notifications, if it has one. */
  allHref?: string;
}

const PREVIEW = 8;

/**
 * The bell in the header: unread count (asked every minute), and a panel with the latest
 * notifications, each marked read when opened, plus "mark all as read".
 */
export function NotificationBell({ linkFor = () => null, allHref }: NotificationBellProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const location = useLocation();
  const unread = useUnreadCount();
  const list = useNotifications({ pageSize: PREVIEW }, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.count ?? 0;

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <div className="bell" ref={boxRef}>
      <button type="button" className="bell-button" aria-expanded={open} aria-controls={panelId} aria-label={label} title={label} onClick={() => setOpen((o) => !o)}>
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label={t('notifications.title')}>
          <div className="bell-head">
            <strong>{t('notifications.title')}</strong>
            {count > 0 && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {list.isPending && <p className="bell-empty">{t('common.loading')}</p>}
          {list.data?.items.length === 0 && <p className="bell-empty">{t('notifications.empty')}</p>}
          <ul className="bell-list">
            {list.data?.items.map((n) => {
              const to = linkFor(n);
              const text = notificationMessage(t, n, i18n.language);
              const onOpen = () => {
                if (!n.readAt) markRead.mutate(n.id);
              };
              return (
                <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item is-unread'}>
                  {to ? (
                    <Link to={to} onClick={onOpen}>
                      {text}
                    </Link>
                  ) : (
                    <button type="button" className="bell-item-text" onClick={onOpen}>
                      {text}
                    </button>
                  )}
                  <NotificationTime createdAt={n.createdAt} />
                  {!n.readAt && <span className="sr-only">{t('notifications.unread')}</span>}
                </li>
              );
            })}
          </ul>
          {allHref && (
            <Link to={allHref} className="bell-all">
              {t('notifications.seeAll')}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
