import 'dayjs/locale/hu';
import { Stack, Tabs, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasRole, useMe } from '../../components/use-session';
import { DelegationTab } from './delegation-tab';
import { HistoryTab } from './history-tab';
import { MineTab } from './mine-tab';
import { PendingTab } from './pending-tab';

const TABS = ['pending', 'mine', 'history', 'delegation'] as const;
type Tab = (typeof TABS)[number];

/** /approvals: what waits for me, what I asked for, the history, and delegation (the tab lives in the URL). */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation('approvals');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'pending';
  const select = (value: string | null) => {
    const next = new URLSearchParams();
    if (value && value !== 'pending') next.set('tab', value);
    setParams(next, { replace: true });
  };
  return (
    <DatesProvider settings={{ locale: i18n.language === 'hu' ? 'hu' : 'en', firstDayOfWeek: 1 }}>
      <Stack>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Tabs value={tab} onChange={select} keepMounted={false}>
          <Tabs.List>
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="pending" pt="md">
            <PendingTab />
          </Tabs.Panel>
          <Tabs.Panel value="mine" pt="md">
            <MineTab />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryTab />
          </Tabs.Panel>
          <Tabs.Panel value="delegation" pt="md">
            <DelegationTab canDelegate={hasRole(me, 'owner', 'sales_head')} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </DatesProvider>
  );
}
