import { Group, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ListFooter } from '../../components/list-footer';
import {
  DUE_FILTERS,
  DueFilter,
  TASK_PAGE_SIZE,
  TaskFilters,
  TaskGroup,
  useMyTasks,
  useQueue,
  useTaskGroups,
} from './queries';
import { TaskDetailDrawer } from './task-detail-drawer';
import { TaskTable } from './task-table';

type Tab = 'mine' | 'queue';

/** /tasks: my tasks and my groups' unclaimed tasks; tab, group, filters, page and the open task live in the URL. */
export function TaskDeskPage() {
  const { t } = useTranslation('tasks');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'queue' ? 'queue' : 'mine';
  const due = (DUE_FILTERS as string[]).includes(params.get('due') ?? '') ? (params.get('due') as DueFilter) : 'all';
  const statusParam = params.get('status');
  // My tasks not done are the claimed ones: that is the default; done and all are a click away.
  const statusChoice = statusParam === 'done' || statusParam === 'all' ? statusParam : 'claimed';
  const status = statusChoice === 'all' ? undefined : statusChoice;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const groups = useTaskGroups();
  const myGroups = groups.data?.groups ?? [];
  const groupParam = params.get('group') as TaskGroup | null;
  const group = groupParam && myGroups.includes(groupParam) ? groupParam : (myGroups[0] ?? null);
  const filters: TaskFilters = { due, status: tab === 'mine' ? status : undefined, page };
  const mine = useMyTasks(filters);
  const queue = useQueue(tab === 'queue' ? group : null, filters);
  const list = tab === 'mine' ? mine : queue;

  const set = (key: string, value: string | null, keepPage = false) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (!keepPage) next.delete('page');
    setParams(next);
  };

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / TASK_PAGE_SIZE)) : 1;
  const filtered = due !== 'all' || statusChoice !== 'claimed';
  let body;
  if (tab === 'queue' && groups.isSuccess && group === null) body = <Empty title={t('desk.noGroup')} />;
  else if (list.isPending) body = <Loading />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (data && data.items.length === 0)
    body = filtered ? (
      <Empty title={t('desk.emptyFiltered')} />
    ) : tab === 'mine' ? (
      <Empty title={t('desk.emptyMine')}>{t('desk.emptyMineBody')}</Empty>
    ) : (
      <Empty title={t('desk.emptyQueue')}>{t('desk.live')}</Empty>
    );
  else if (data)
    body = (
      <>
        <TaskTable tasks={data.items} onDetails={(id) => set('task', id, true)} />
        <ListFooter
          offset={data.offset}
          shown={data.items.length}
          total={data.total}
          pages={pages}
          page={page}
          onChange={(p) => set('page', p === 1 ? null : String(p), true)}
        />
      </>
    );

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('desk.title')}
        </Title>
        <Text size="sm" c="gray.7" maw={640}>
          {t('desk.intro')}
        </Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => set('tab', value === 'queue' ? 'queue' : null)}>
        <Tabs.List>
          <Tabs.Tab value="mine">{t('desk.tabs.mine')}</Tabs.Tab>
          <Tabs.Tab value="queue">{t('desk.tabs.queue')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap="md" align="flex-end" wrap="wrap">
        {tab === 'queue' && myGroups.length > 1 ? (
          <Select
            label={t('desk.group')}
            value={group}
            onChange={(value) => set('group', value)}
            data={myGroups.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
            allowDeselect={false}
            w={200}
          />
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="task-due-filter">
            {t('desk.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="task-due-filter"
            value={due}
            onChange={(value) => set('due', value === 'all' ? null : value)}
            data={DUE_FILTERS.map((d) => ({ value: d, label: t(`desk.filters.${d}`) }))}
          />
        </Stack>
        {tab === 'mine' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="task-status-filter">
              {t('desk.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="task-status-filter"
              value={statusChoice}
              onChange={(value) => set('status', value === 'claimed' ? null : value)}
              data={(['claimed', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`desk.statuses.${s}`) }))}
            />
          </Stack>
        ) : null}
      </Group>
      {body}
      <TaskDetailDrawer taskId={params.get('task')} onClose={() => set('task', null, true)} />
    </Stack>
  );
}
