import { Button, Code, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { usePageParam } from '../approvals/page-param';
import { auditPeriod } from './audit-period';
import { type AuditEvent, useAudit } from './queries';

const LIMIT = 50;
const EVENTS: AuditEvent[] = [
  'login.succeeded',
  'login.failed',
  'logout',
  'refresh.reuse_detected',
  'password.changed',
  'password.reset',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.activated',
  'roles.changed',
  'unit.created',
  'unit.updated',
  'api_key.created',
  'api_key.revoked',
  'api_key.used',
  'api_key.rejected',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The security audit log, paged, filtered by action, actor and period (all in the URL). */
export function AuditPage() {
  const { t } = useTranslation('adminOps');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const event = (params.get('event') as AuditEvent | null) ?? undefined;
  const actorUserId = params.get('actor') ?? undefined;
  const [actor, setActor] = useState(actorUserId ?? '');
  const actorBad = actor !== '' && !UUID.test(actor);
  const fromDay = params.get('from') ?? undefined;
  const toDay = params.get('to') ?? undefined;
  const audit = useAudit(
    { limit: LIMIT, offset: (page - 1) * LIMIT },
    {
      event,
      actorUserId,
      ...auditPeriod(fromDay, toDay),
    },
  );
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Text c="gray.7">{t('audit.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('audit.event')}
          placeholder={t('audit.anyEvent')}
          data={EVENTS}
          value={event ?? null}
          onChange={(value) => setFilter('event', value)}
          clearable
        />
        <TextInput
          label={t('audit.actor')}
          value={actor}
          w={340}
          onChange={(e) => {
            const value = e.currentTarget.value.trim();
            setActor(value);
            if (value === '' || UUID.test(value)) setFilter('actor', value || null);
          }}
          error={actorBad ? t('audit.actorInvalid') : undefined}
        />
        <DateInput
          label={t('audit.from')}
          valueFormat="YYYY-MM-DD"
          value={fromDay ?? null}
          maxDate={toDay}
          onChange={(value) => setFilter('from', value)}
          clearable
          w={170}
        />
        <DateInput
          label={t('audit.to')}
          valueFormat="YYYY-MM-DD"
          value={toDay ?? null}
          minDate={fromDay}
          onChange={(value) => setFilter('to', value)}
          clearable
          w={170}
        />
        <Button
          variant="default"
          onClick={() => {
            setActor('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.event')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.subject')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                  <Table.Th>{t('audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.event}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {entry.actorUserId ?? '–'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ wordBreak: 'break-all' }}>
                        {entry.subject ?? '–'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{entry.ip ?? '–'}</Table.Td>
                    <Table.Td>
                      {Object.keys(entry.details).length ? <Code>{JSON.stringify(entry.details)}</Code> : '–'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <ListFooter
            offset={(page - 1) * LIMIT}
            shown={audit.data.items.length}
            total={audit.data.total}
            pages={Math.ceil(audit.data.total / LIMIT)}
            page={page}
            onChange={setPage}
          />
        </>
      )}
    </Stack>
  );
}
