import '@mantine/dates/styles.css';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DatesRangeValue } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { delegationState, periodToRange } from './delegation-period';
import { useColleagues, useNameOf } from './people';
import { Delegation, useCreateDelegation, useDelegations, useRevokeDelegation } from './queries';
import { useNow } from './use-now';

function toast(message: string, close: string) {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': close } });
}

/** "Approve on my behalf": set a colleague for a period, end it; see who acts for me and for whom I act. */
export function DelegationTab({ canDelegate }: { canDelegate: boolean }) {
  return (
    <Stack gap="lg">
      {canDelegate ? <DelegationForm /> : null}
      <DelegationList role="given" />
      <DelegationList role="received" />
    </Stack>
  );
}

function DelegationForm() {
  const { t } = useTranslation('approvals');
  const colleagues = useColleagues();
  const create = useCreateDelegation();
  const [delegateId, setDelegateId] = useState<string | null>(null);
  const [period, setPeriod] = useState<DatesRangeValue<string>>([null, null]);
  const error = create.error instanceof ApiError ? create.error : null;
  const range = periodToRange(period[0], period[1]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!delegateId || !range) return;
    create.mutate(
      { delegateId, ...range },
      {
        onSuccess: () => {
          setDelegateId(null);
          setPeriod([null, null]);
          toast(t('delegation.created'), t('decide.closeToast'));
        },
      },
    );
  };
  const periodError = error?.problemsFor('endsAt') ?? error?.problemsFor('startsAt');
  const delegateError = error?.problemsFor('delegateId');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="delegation-form-title">
      <form onSubmit={submit} noValidate aria-labelledby="delegation-form-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="delegation-form-title">
            {t('delegation.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('delegation.hint')}
          </Text>
          {error && !periodError && !delegateError ? (
            <Alert color="red" role="alert" variant="light">
              {error.message}
            </Alert>
          ) : null}
          {colleagues.isPending ? <Loading /> : null}
          {!colleagues.isPending && colleagues.list.length === 0 ? (
            <Text size="sm">{t('delegation.noColleagues')}</Text>
          ) : null}
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label={t('delegation.delegate')}
              required
              searchable
              data={colleagues.list.map((p) => ({ value: p.id, label: p.name }))}
              value={delegateId}
              onChange={setDelegateId}
              error={delegateError}
              w={260}
            />
            <DatePickerInput
              type="range"
              label={t('delegation.period')}
              description={t('delegation.periodHint')}
              required
              value={period}
              onChange={setPeriod}
              minDate={new Date()}
              error={periodError}
              w={280}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending} disabled={!delegateId || !range}>
              {t('delegation.set')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DelegationList({ role }: { role: 'given' | 'received' }) {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const nameOf = useNameOf();
  const now = useNow();
  const list = useDelegations(role, { limit: 50, offset: 0 });
  const revoke = useRevokeDelegation();
  const title = t(`delegation.${role}`);
  const who = (d: Delegation) =>
    role === 'given'
      ? t('delegation.actsForMe', { delegate: nameOf(d.delegateId) })
      : t('delegation.iActFor', { approver: nameOf(d.approverId) });
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty title={t(role === 'given' ? 'delegation.noneGiven' : 'delegation.noneReceived')} />
      ) : (
        <ScrollTable minWidth={560} label={title}>
          <Table verticalSpacing="xs" aria-label={title}>
            <Table.Tbody>
              {list.data.items.map((d) => {
                const state = delegationState(d, now);
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td>{who(d)}</Table.Td>
                    <Table.Td>
                      {t('delegation.period_range', {
                        from: format.dateTime(d.startsAt),
                        until: format.dateTime(d.revokedAt ?? d.endsAt),
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Badge tt="none" color={state === 'running' ? 'teal.9' : 'gray.7'}>
                        {t(`delegation.state.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {role === 'given' && (state === 'running' || state === 'upcoming') ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={revoke.isPending && revoke.variables === d.id}
                          aria-label={t('delegation.endFor', { who: who(d) })}
                          onClick={() =>
                            revoke.mutate(d.id, {
                              onSuccess: () => toast(t('delegation.ended'), t('decide.closeToast')),
                            })
                          }
                        >
                          {t('delegation.end')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
