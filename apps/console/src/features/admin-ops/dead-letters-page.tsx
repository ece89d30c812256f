import { Button, Checkbox, Code, Drawer, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { usePageParam } from '../approvals/page-param';
import { Confirm } from './confirm';
import { notifyDone } from './notify';
import { type DeadLetter, OPS_SERVICES, useDeadLetters, useReplay } from './queries';

const LIMIT = 20;

function Inspect({ letter, onClose }: { letter: DeadLetter; onClose: () => void }) {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  return (
    <Drawer
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      position="right"
      size="xl"
      title={t('deadLetters.inspectOf', { job: letter.jobName })}
    >
      <Stack>
        <Text size="sm">
          {t('deadLetters.failedAt')}: {format.dateTime(letter.failedAt)}
        </Text>
        {letter.replayedAt ? (
          <Text size="sm">{t('deadLetters.replayedAt', { at: format.dateTime(letter.replayedAt) })}</Text>
        ) : null}
        <Title order={3}>{t('deadLetters.history')}</Title>
        <Stack gap="xs" component="ol" style={{ paddingLeft: 20 }}>
          {letter.history.map((a) => (
            <li key={`${a.replay}-${a.attempt}`}>
              <Text size="sm" fw={600}>
                {t('deadLetters.attempt', { attempt: a.attempt, replay: a.replay })} · {format.dateTime(a.failedAt)}
              </Text>
              <Code block>{a.error}</Code>
            </li>
          ))}
        </Stack>
        <Title order={3}>{t('deadLetters.payload')}</Title>
        <Code block>{JSON.stringify(letter.envelope, null, 2)}</Code>
      </Stack>
    </Drawer>
  );
}

/** Dead letters per service (the service in the URL): list, inspect in a drawer, replay confirmed. */
export function DeadLettersPage() {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const service = OPS_SERVICES.find((s) => s === params.get('service')) ?? 'gateway';
  const includeReplayed = params.get('replayed') === '1';
  const list = useDeadLetters(service, { limit: LIMIT, offset: (page - 1) * LIMIT }, includeReplayed);
  const replay = useReplay(service);
  const [inspecting, setInspecting] = useState<DeadLetter | null>(null);
  const [replaying, setReplaying] = useState<DeadLetter | null>(null);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <Title order={2}>{t('deadLetters.title')}</Title>
      <Text c="gray.7">{t('deadLetters.intro')}</Text>
      <Group>
        <div role="group" aria-label={t('deadLetters.service')}>
          <SegmentedControl data={OPS_SERVICES} value={service} onChange={(value) => setParam('service', value)} />
        </div>
        <Checkbox
          label={t('deadLetters.includeReplayed')}
          checked={includeReplayed}
          onChange={(e) => setParam('replayed', e.currentTarget.checked ? '1' : null)}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('deadLetters.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deadLetters.job')}</Table.Th>
                  <Table.Th>{t('deadLetters.failedAt')}</Table.Th>
                  <Table.Th ta="right">{t('deadLetters.attempts')}</Table.Th>
                  <Table.Th>{t('deadLetters.error')}</Table.Th>
                  <Table.Th ta="right">{t('deadLetters.replays')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.jobName}</Table.Td>
                    <Table.Td>{format.dateTime(d.failedAt)}</Table.Td>
                    <Table.Td ta="right">{format.number(d.attempts)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {d.error}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(d.replayCount)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setInspecting(d)}
                          aria-label={t('deadLetters.inspectOf', { job: d.jobName })}
                        >
                          {t('deadLetters.inspect')}
                        </Button>
                        {d.replayedAt ? null : (
                          <Button size="xs" color="red.9" variant="outline" onClick={() => setReplaying(d)}>
                            {t('deadLetters.replay')}
                          </Button>
                        )}
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
      {inspecting ? <Inspect letter={inspecting} onClose={() => setInspecting(null)} /> : null}
      {replaying ? (
        <Confirm
          title={t('deadLetters.replayTitle')}
          body={t('deadLetters.replayBody', { job: replaying.jobName })}
          action={t('deadLetters.replay')}
          pending={replay.isPending}
          error={replay.error}
          onClose={() => {
            replay.reset();
            setReplaying(null);
          }}
          onConfirm={() =>
            replay.mutate(replaying.id, {
              onSuccess: () => {
                notifyDone(t('deadLetters.replayed'), t);
                setReplaying(null);
              },
            })
          }
        />
      ) : null}
    </Stack>
  );
}
