import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { type SystemStatus, useSystemStatus } from './queries';

function UpDown({ up, label }: { up: boolean; label: string }) {
  const { t } = useTranslation('adminOps');
  return (
    <Badge
      color={up ? 'teal.9' : 'red.9'}
      variant="filled"
      aria-label={`${label}: ${up ? t('system.up') : t('system.down')}`}
    >
      {up ? t('system.up') : t('system.down')}
    </Badge>
  );
}

function OutboxCell({ outbox }: { outbox: SystemStatus['services'][number]['outbox'] }) {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  if (!outbox) return <Text size="sm">{t('system.outboxUnknown')}</Text>;
  if (outbox.unsent === 0) return <Text size="sm">{t('system.outboxEmpty')}</Text>;
  return (
    <Text size="sm">
      {t('system.outboxWaiting', {
        count: outbox.unsent,
        age: format.number(outbox.oldestAgeSeconds ?? 0),
      })}
    </Text>
  );
}

/** Health per service, queue backlog, outbox age, the build; refreshed on demand. */
export function SystemPage() {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  const status = useSystemStatus();
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const data = status.data;
  const count = (n: number | null) => (n === null ? '–' : format.number(n));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('system.title')}</Title>
        <Button variant="light" onClick={() => void status.refetch()} loading={status.isFetching}>
          {t('common.refresh')}
        </Button>
      </Group>
      <Text c="gray.7">{t('system.intro')}</Text>
      <Group>
        <Badge size="lg" color={data.status === 'ok' ? 'teal.9' : 'red.9'} variant="filled">
          {data.status === 'ok' ? t('system.ok') : t('system.degraded')}
        </Badge>
        <Text size="sm" c="gray.7">
          {t('system.checkedAt', { at: format.dateTime(data.checkedAt) })}
        </Text>
      </Group>

      <Title order={3}>{t('system.services')}</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('system.service')}</Table.Th>
              <Table.Th>{t('system.health')}</Table.Th>
              <Table.Th>{t('system.checks')}</Table.Th>
              <Table.Th>{t('system.outbox')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.services.map((s) => (
              <Table.Tr key={s.service}>
                <Table.Td>{s.service}</Table.Td>
                <Table.Td>
                  <UpDown up={s.status === 'up'} label={s.service} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {s.components.map((c) => (
                      <Text key={c.name} size="sm">
                        {t('system.component', {
                          name: t(`system.components.${c.name}`, { defaultValue: c.name }),
                          status: c.status === 'up' ? t('system.up') : t('system.down'),
                        })}
                      </Text>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <OutboxCell outbox={s.outbox} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={3}>{t('system.queues')}</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('system.queue')}</Table.Th>
              <Table.Th ta="right">{t('system.waiting')}</Table.Th>
              <Table.Th ta="right">{t('system.active')}</Table.Th>
              <Table.Th ta="right">{t('system.delayed')}</Table.Th>
              <Table.Th ta="right">{t('system.failed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.queues.map((q) => (
              <Table.Tr key={q.name}>
                <Table.Td>
                  {q.name}
                  {q.error ? (
                    <Text size="xs" c="red.9">
                      {t('system.queueError', { error: q.error })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{count(q.waiting)}</Table.Td>
                <Table.Td ta="right">{count(q.active)}</Table.Td>
                <Table.Td ta="right">{count(q.delayed)}</Table.Td>
                <Table.Td ta="right">{count(q.failed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="gray.7">
        {t('system.delayedHint')}
      </Text>

      <Title order={3}>{t('system.build')}</Title>
      <Table variant="vertical" maw={520}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('system.version')}</Table.Th>
            <Table.Td>{data.build.version}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('system.buildId')}</Table.Th>
            <Table.Td>{data.build.build ?? t('system.noBuild')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('system.node')}</Table.Th>
            <Table.Td>{data.build.node}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('system.startedAt')}</Table.Th>
            <Table.Td>{format.dateTime(data.build.startedAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
