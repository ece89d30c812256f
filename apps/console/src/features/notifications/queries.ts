import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type NotificationItem = components['schemas']['NotificationView'];
export type Preferences = components['schemas']['PreferencesView'];
export type PreferencesUpdate = components['schemas']['UpdatePreferencesDto'];
export type DigestMode = Preferences['digest'];

/** Every query of this feature starts with this key: one invalidation refreshes the bell, the inbox and the lists. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const unreadCountQuery = queryOptions({
  queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
  queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
});

export function useUnreadCount() {
  return useQuery(unreadCountQuery);
}

export function useInbox(page: { limit: number; offset: number; unread?: boolean }) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/notifications', {
          params: { query: { limit: page.limit, offset: page.offset, ...(page.unread ? { unread: true } : {}) } },
        }),
      ),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

const PREFERENCES_KEY = [...NOTIFICATIONS_KEY, 'preferences'];

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => unwrap(api.GET('/api/notifications/preferences')),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) => unwrap(api.PUT('/api/notifications/preferences', { body })),
    onSuccess: (saved) => client.setQueryData(PREFERENCES_KEY, saved),
  });
}
