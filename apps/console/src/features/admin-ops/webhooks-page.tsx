import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageParam } from '../approvals/page-param';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { Confirm } from './confirm';
import { DeliveryLog } from './delivery-log';
import { notifyDone } from './notify';
import { type Webhook, useDeleteWebhook, useSetWebhookActive, useWebhooks } from './queries';
import { WebhookForm } from './webhook-form';

const LIMIT = 20;

function StateBadge({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('adminOps');
  if (webhook.active)
    return (
      <Badge color="teal.9" variant="filled">
        {t('webhooks.active')}
      </Badge>
    );
  return (
    <Badge color={webhook.disabledAt ? 'red.9' : 'gray.7'} variant="filled">
      {webhook.disabledAt ? t('webhooks.disabled') : t('webhooks.paused')}
    </Badge>
  );
}

/** Webhooks: list, add, edit, pause/switch on, delete (confirmed), and each one's delivery log with a test. */
export function WebhooksPage() {
  const { t } = useTranslation('adminOps');
  const [page, setPage] = usePageParam();
  const list = useWebhooks({ limit: LIMIT, offset: (page - 1) * LIMIT });
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const remove = useDeleteWebhook();
  const toggle = useSetWebhookActive();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('webhooks.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('webhooks.add')}</Button>
      </Group>
      <Text c="gray.7">{t('webhooks.intro')}</Text>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('webhooks.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.url')}</Table.Th>
                  <Table.Th>{t('webhooks.events')}</Table.Th>
                  <Table.Th>{t('webhooks.state')}</Table.Th>
                  <Table.Th>{t('webhooks.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {w.url}
                      </Text>
                      {w.description ? (
                        <Text size="xs" c="gray.7">
                          {w.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{w.eventTypes.join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge webhook={w} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setLogOf(w)}
                          aria-label={t('webhooks.logOf', { url: w.url })}
                        >
                          {t('webhooks.log')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(w)}
                          aria-label={t('webhooks.editOf', { url: w.url })}
                        >
                          {t('webhooks.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          loading={toggle.isPending && toggle.variables?.id === w.id}
                          onClick={() => toggle.mutate({ id: w.id, active: !w.active })}
                        >
                          {w.active ? t('webhooks.pause') : t('webhooks.resume')}
                        </Button>
                        <Button size="xs" color="red.9" variant="outline" onClick={() => setDeleting(w)}>
                          {t('webhooks.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            offset={(page - 1) * LIMIT}
            shown={list.data.items.length}
            total={list.data.total}
            pages={Math.ceil(list.data.total / LIMIT)}
            page={page}
            onChange={setPage}
          />
        </>
      )}
      {toggle.error ? <ErrorState error={toggle.error} /> : null}
      {editing ? <WebhookForm webhook={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {logOf ? <DeliveryLog webhook={logOf} onClose={() => setLogOf(null)} /> : null}
      {deleting ? (
        <Confirm
          title={t('webhooks.deleteTitle')}
          body={t('webhooks.deleteBody', { url: deleting.url })}
          action={t('webhooks.delete')}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                notifyDone(t('webhooks.deleted'), t);
                setDeleting(null);
              },
            })
          }
        />
      ) : null}
    </Stack>
  );
}
