import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { AdminBlock } from './admin-block';
import { ApprovalsBlock } from './approvals-block';
import { TaskGroup } from './queries';
import { QueueBlock } from './queue-block';
import { SalesBlocks } from './sales-blocks';
import { MyTaskBlocks } from './task-blocks';
import { UnitBlock } from './unit-block';

/** "What needs me now" for each role (overdue, waiting for me, stalled, today's meetings). */
export function HomePage() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const me = useMe();
  const seller = hasRole(me, 'salesperson');
  const head = hasRole(me, 'sales_head');
  const approver = hasRole(me, 'sales_head', 'owner');
  const tasks = hasRole(me, 'legal', 'accounting');
  const admin = hasRole(me, 'admin');
  const groups = (me.groups ?? []) as TaskGroup[];
  const nothing = !seller && !approver && !tasks && !admin;
  return (
    <Stack>
      <Stack gap={2}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">
          {t('greeting', { name: me.name })} · {t('today', { date: format.date(new Date().toISOString()) })}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {approver ? <ApprovalsBlock /> : null}
        {head ? <UnitBlock /> : null}
        {seller || head ? <SalesBlocks /> : null}
        {tasks ? <MyTaskBlocks /> : null}
        {tasks ? groups.map((group) => <QueueBlock key={group} group={group} />) : null}
        {admin ? <AdminBlock /> : null}
      </SimpleGrid>
      {tasks && groups.length === 0 ? <Text c="dimmed">{t('tasks.noGroup')}</Text> : null}
      {nothing ? <Text c="dimmed">{t('nothingForRole')}</Text> : null}
    </Stack>
  );
}
