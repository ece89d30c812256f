import { Anchor, Badge, Button, Group, Pagination, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { NotificationItem, useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from './queries';
import { useNotificationText } from './event-text';
import { consolePathOf, eventKey } from './subject-link';

const PAGE_SIZE = 20;

function NotificationRow({ item }: { item: NotificationItem }) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const markRead = useMarkRead();
  const { title, body } = useNotificationText()(item);
  const unread = item.readAt === null;
  const path = consolePathOf(item.linkPath);
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      bg={unread ? 'indigo.0' : undefined}
      style={{ listStyle: 'none' }}
      aria-label={title}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="xs">
            {unread ? (
              <Badge color="indigo" variant="filled" size="sm">
                {t('inbox.unread')}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed">
              {t(eventKey(item.eventType), { defaultValue: item.eventType })}
            </Text>
          </Group>
          <Text fw={unread ? 700 : 500}>{title}</Text>
          <Text size="sm">{body}</Text>
          <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
            {format.dateTime(item.createdAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          {path ? (
            <Button component={Link} to={path} variant="light" size="xs" aria-label={t('inbox.openOf', { title })}>
              {t('inbox.open')}
            </Button>
          ) : null}
          {unread ? (
            <Button
              variant="default"
              size="xs"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(item.id)}
              aria-label={t('inbox.markReadOf', { title })}
            >
              {t('inbox.markRead')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {markRead.isError ? <ErrorState error={markRead.error} /> : null}
    </Paper>
  );
}

/** The inbox: unread first, then newest; a page at a time; mark one or all as read. */
export function InboxPage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unreadOnly = params.get('show') === 'unread';
  const inbox = useInbox({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, unread: unreadOnly });
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const total = inbox.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const unreadCount = unread.data?.unread ?? 0;

  const go = (next: { page?: number; show?: string }) => {
    const search = new URLSearchParams(params);
    if (next.page !== undefined) {
      if (next.page > 1) search.set('page', String(next.page));
      else search.delete('page');
    }
    if (next.show !== undefined) {
      if (next.show === 'unread') search.set('show', 'unread');
      else search.delete('show');
    }
    setParams(search);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1}>{t('inbox.title')}</Title>
          {unread.isSuccess ? (
            <Text c="dimmed" size="sm">
              {t('inbox.unreadSummary', { count: unreadCount })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm" wrap="wrap">
          <Anchor component={Link} to="/notifications/preferences" size="sm">
            {t('inbox.preferences')}
          </Anchor>
          <Button
            variant="light"
            disabled={unreadCount === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (answer) =>
                  notifications.show({
                    message: t('inbox.markedAll', { count: answer.marked }),
                    color: 'green',
                    closeButtonProps: { 'aria-label': t('closeToast') },
                  }),
              })
            }
          >
            {t('inbox.markAllRead')}
          </Button>
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('inbox.filter')}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => go({ show: value, page: 1 })}
        data={[
          { value: 'all', label: t('inbox.all') },
          { value: 'unread', label: t('inbox.unreadOnly') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {markAll.isError ? <ErrorState error={markAll.error} /> : null}
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <Empty title={unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}>{t('inbox.emptyHint')}</Empty>
      ) : (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('inbox.list')}>
            {inbox.data.items.map((item) => (
              <NotificationRow key={item.id} item={item} />
            ))}
          </Stack>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => go({ page: next })}
              aria-label={t('inbox.pages')}
              getControlProps={(control) => ({ 'aria-label': t(`inbox.${control}`) })}
              getItemProps={(n) => ({ 'aria-label': t('inbox.page', { page: n }) })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
