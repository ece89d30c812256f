import { ActionIcon, Indicator } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotificationText } from './event-text';
import { openNotificationStream } from './live';
import { NOTIFICATIONS_KEY, NotificationItem, unreadCountQuery, useUnreadCount } from './queries';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Keeps the feature's queries live from the stream and tells the person about each new item with a toast. */
function useLiveNotifications() {
  const client = useQueryClient();
  const { t } = useTranslation('notifications');
  const wording = useNotificationText();
  // The stream stays open across language changes; the toast reads the wording of the moment it arrives.
  const wordingRef = useRef(wording);
  wordingRef.current = wording;
  useEffect(
    () =>
      openNotificationStream(
        {
          onNotification(data) {
            const item = data as NotificationItem;
            void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
            // Something changed for me: the home page's blocks (approvals, tasks, stalled) read it again.
            void client.invalidateQueries({ queryKey: ['home'] });
            // A new approval for me (or a decision on mine) shows in the approvals pages without a reload.
            void client.invalidateQueries({ queryKey: ['approvals'] });
            // A task opened, assigned or overdue, a case opened or signed: the task desk and the cases read again.
            void client.invalidateQueries({ queryKey: ['tasks'] });
            void client.invalidateQueries({ queryKey: ['contracts'] });
            const { title, body } = wordingRef.current(item);
            notifications.show({
              id: `notification-${item.id}`,
              title,
              message: body,
              autoClose: 8_000,
              closeButtonProps: { 'aria-label': t('closeToast') },
            });
          },
          onOpen() {
            void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
          },
        },
        {
          // One API call after a drop: on a 401 it renews the token (client.ts), so the next stream opens with it.
          beforeReconnect: () => client.fetchQuery({ ...unreadCountQuery, staleTime: 0 }),
        },
      ),
    [client, t],
  );
}

/** The bell in the header: the unread count (live), a link to the inbox. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadCount();
  useLiveNotifications();
  const count = unread.data?.unread ?? 0;
  const label = unread.isSuccess ? t('bell.label', { count }) : t('bell.labelUnknown');
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={4}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label}>
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
