import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification, TNotificationPage, TNotificationQuery, TUnreadCount } from '@asah/contracts/notifications';
import { api } from './api-client';

export const NOTIFICATIONS_KEY = ['me', 'notifications'] as const;
/** The bell asks again this often, and whenever the window regains focus. */
const UNREAD_POLL_MS = 60_000;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: ({ signal }) => api.get<TUnreadCount>('/me/notifications/unread-count', undefined, signal),
    refetchInterval: UNREAD_POLL_MS,
    enabled,
  });
}

export function useNotifications(query: Partial<TNotificationQuery>, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', query],
    queryFn: ({ signal }) => api.get<TNotificationPage>('/me/notifications', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`/me/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TUnreadCount>('/me/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
