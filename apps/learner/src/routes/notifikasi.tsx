import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '@asah/ui/components/Checkbox';
import { EmptyState } from '@asah/ui/components/EmptyState';
import { ErrorBanner } from '@asah/ui/components/ErrorBanner';
import { LoadingState } from '@asah/ui/components/LoadingState';
import { PageHeader } from '@asah/ui/components/PageHeader';
import { Pagination } from '@asah/ui/components/Pagination';
import { useDocumentTitle } from '@asah/ui/document-title';
import { useMarkAllRead, useNotifications } from '@asah/ui/notification-queries';
import '../features/learning/learning.css';
import { NotificationList } from '../features/notifications/components/NotificationList';
import { notificationLink } from '../features/notifications/notification-link';
import { useClampPage } from '../lib/use-clamp-page';
import { useListParams } from '@asah/ui/use-list-params';

const PAGE_SIZE = 20;

export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'), t('portal.name'));
  const { values, page, update } = useListParams(['belum'] as const);
  const unreadOnly = values.belum === '1';
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unreadOnly: unreadOnly || undefined });
  const markAll = useMarkAllRead();
  const goToPage = useCallback((p: number) => update({ page: p }), [update]);
  useClampPage(list.data?.total, PAGE_SIZE, page, goToPage);
  const unread = list.data?.unreadCount ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notificationsPage.description', { count: unread })}
        actions={
          unread > 0 ? (
            <button type="button" className="btn btn-secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              {t('notifications.markAllRead')}
            </button>
          ) : undefined
        }
      />
      <div className="toolbar">
        <Checkbox label={t('notificationsPage.unreadOnly')} checked={unreadOnly} onChange={(e) => update({ belum: e.target.checked ? '1' : null })} />
      </div>
      {list.isError && <ErrorBanner error={list.error} onRetry={() => void list.refetch()} />}
      {markAll.isError && <ErrorBanner error={markAll.error} />}
      {list.isPending && <LoadingState />}
      {list.data?.total === 0 && <EmptyState title={t('notifications.empty')} />}
      {list.data && list.data.total > 0 && (
        <>
          <NotificationList items={list.data.items} linkFor={notificationLink} />
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPageChange={goToPage} />
        </>
      )}
    </>
  );
}
