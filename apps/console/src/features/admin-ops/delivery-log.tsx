import { Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { notifyDone } from './notify';
import { type Webhook, useDeliveries, useSendTest } from './queries';

const LIMIT = 10;
const COLORS: Record<string, string> = {
  succeeded: 'teal.9',
  failed: 'red.9',
  pending: 'gray.7',
  delivering: 'blue.9',
};

/** A webhook's delivery log (newest first, paged) with the "send test" button; pending rows refresh by themselves. */
export function DeliveryLog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const log = useDeliveries(webhook.id, { limit: LIMIT, offset: (page - 1) * LIMIT });
  const test = useSendTest(webhook.id);
  return (
    <Drawer
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      position="right"
      size="xl"
      title={t('webhooks.logOf', { url: webhook.url })}
    >
      <Stack>
        <Group>
          <Button
            onClick={() => test.mutate(undefined, { onSuccess: () => notifyDone(t('webhooks.testSent'), t) })}
            loading={test.isPending}
            disabled={!webhook.active}
          >
            {t('webhooks.sendTest')}
          </Button>
        </Group>
        {test.error ? <ErrorState error={test.error} /> : null}
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : log.data.items.length === 0 ? (
          <Empty>{t('webhooks.noDeliveries')}</Empty>
        ) : (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label={t('webhooks.log')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('webhooks.created_at')}</Table.Th>
                    <Table.Th>{t('webhooks.event')}</Table.Th>
                    <Table.Th>{t('webhooks.status')}</Table.Th>
                    <Table.Th ta="right">{t('webhooks.attempts')}</Table.Th>
                    <Table.Th>{t('webhooks.lastAnswer')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{format.dateTime(d.createdAt)}</Table.Td>
                      <Table.Td>{d.eventType}</Table.Td>
                      <Table.Td>
                        <Badge color={COLORS[d.status] ?? 'gray.7'} variant="filled">
                          {t(`webhooks.deliveryStatus.${d.status}`, { defaultValue: d.status })}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{format.number(d.attempts)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.lastStatusCode ?? d.lastError ?? '–'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              offset={(page - 1) * LIMIT}
              shown={log.data.items.length}
              total={log.data.total}
              pages={Math.ceil(log.data.total / LIMIT)}
              page={page}
              onChange={setPage}
            />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
