import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { BlockItem, BlockList, HomeBlock } from './block';
import {
  TaskGroup,
  localDay,
  useAgenda,
  useCompanyCounts,
  useGroupQueue,
  useMyTasks,
  usePendingApprovals,
} from './queries';

const SHOWN = 5;

function More({ total }: { total: number }) {
  const { t } = useTranslation('home');
  if (total <= SHOWN) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('more', { count: total - SHOWN })}
    </Text>
  );
}

function ProspectLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/prospects/${id}`} inherit>
      {name}
    </Anchor>
  );
}

/** Salesperson (and a head's own work): today's meetings, own stalled prospects, own offers waiting. */
function SalesBlocks() {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  const format = useFormat();
  const agenda = useAgenda(true);
  return (
    <>
      <HomeBlock
        title={t('meetings.title')}
        query={agenda}
        count={(a) => (a.meetingsToday.length ? String(a.meetingsToday.length) : null)}
        isEmpty={(a) => a.meetingsToday.length === 0}
        empty={t('meetings.empty')}
      >
        {(a) => (
          <BlockList>
            {a.meetingsToday.slice(0, SHOWN).map((m) => (
              <BlockItem
                key={m.id}
                primary={<ProspectLink id={m.prospectId} name={m.companyName} />}
                secondary={`${format.dateTime(m.scheduledAt)} · ${t('meetings.with', { contact: m.contactName })}`}
              />
            ))}
          </BlockList>
        )}
      </HomeBlock>
      <HomeBlock
        title={t('stalled.title')}
        query={agenda}
        count={(a) => (a.stalled.length ? String(a.stalled.length) : null)}
        isEmpty={(a) => a.stalled.length === 0}
        empty={t('stalled.empty')}
        footer={
          <Anchor component={Link} to="/board?stalled=true" size="sm">
            {t('stalled.board')}
          </Anchor>
        }
      >
        {(a) => (
          <>
            <BlockList>
              {a.stalled.slice(0, SHOWN).map((p) => (
                <BlockItem
                  key={p.id}
                  primary={<ProspectLink id={p.id} name={p.companyName} />}
                  secondary={t('stalled.days', {
                    days: p.daysInStage,
                    stage: common(`stages.${p.stage}`),
                    limit: p.stageLimitDays,
                  })}
                />
              ))}
            </BlockList>
            <More total={a.stalled.length} />
          </>
        )}
      </HomeBlock>
      <HomeBlock
        title={t('offers.title')}
        query={agenda}
        count={(a) => (a.waitingOffers.length ? String(a.waitingOffers.length) : null)}
        isEmpty={(a) => a.waitingOffers.length === 0}
        empty={t('offers.empty')}
      >
        {(a) => (
          <>
            <BlockList>
              {a.waitingOffers.slice(0, SHOWN).map((o) => (
                <BlockItem
                  key={o.id}
                  primary={<ProspectLink id={o.prospectId} name={o.companyName} />}
                  secondary={`${t('offers.number', { number: o.number })} · ${format.money(o.totalMinor, o.currency)}`}
                  aside={
                    <Badge variant="light" color={o.status === 'pending_approval' ? 'blue' : 'orange'}>
                      {t(`offers.status.${o.status}`)}
                    </Badge>
                  }
                />
              ))}
            </BlockList>
            <More total={a.waitingOffers.length} />
          </>
        )}
      </HomeBlock>
    </>
  );
}

/** Sales head and owner: approvals waiting for me. */
function ApprovalsBlock() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const pending = usePendingApprovals(true);
  return (
    <HomeBlock
      title={t('approvals.title')}
      query={pending}
      count={(p) => (p.total ? t('approvals.count', { count: p.total }) : null)}
      isEmpty={(p) => p.total === 0}
      empty={t('approvals.empty')}
    >
      {(p) => (
        <>
          <BlockList>
            {p.items.map((r) => {
              const due = r.currentStep?.dueAt ?? null;
              const late = due !== null && new Date(due).getTime() < Date.now();
              return (
                <BlockItem
                  key={r.id}
                  primary={t(`approvals.subject.${r.subjectKind}`)}
                  secondary={due ? t('approvals.due', { date: format.dateTime(due) }) : t('approvals.noDue')}
                  aside={late ? <Badge color="red">{format.dateTime(due)}</Badge> : null}
                />
              );
            })}
          </BlockList>
          <More total={p.total} />
        </>
      )}
    </HomeBlock>
  );
}

/** A sales head's unit: its stalled prospects and how many have no salesperson. */
function UnitBlock() {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  const agenda = useAgenda(true);
  return (
    <HomeBlock
      title={t('unit.title')}
      query={agenda}
      count={(a) => (a.unit?.stalled.length ? String(a.unit.stalled.length) : null)}
      isEmpty={(a) => !a.unit}
      empty={t('unit.empty')}
      footer={
        <Anchor component={Link} to="/board?stalled=true" size="sm">
          {t('stalled.board')}
        </Anchor>
      }
    >
      {(a) => (
        <Stack gap="sm">
          <Text size="sm" fw={600} c={a.unit!.unassigned > 0 ? 'red.9' : undefined}>
            {a.unit!.unassigned > 0 ? t('unit.unassigned', { count: a.unit!.unassigned }) : t('unit.allAssigned')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('unit.stalled')}
          </Text>
          {a.unit!.stalled.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('unit.empty')}
            </Text>
          ) : (
            <BlockList>
              {a.unit!.stalled.slice(0, SHOWN).map((p) => (
                <BlockItem
                  key={p.id}
                  primary={<ProspectLink id={p.id} name={p.companyName} />}
                  secondary={t('stalled.days', {
                    days: p.daysInStage,
                    stage: common(`stages.${p.stage}`),
                    limit: p.stageLimitDays,
                  })}
                />
              ))}
            </BlockList>
          )}
          <More total={a.unit!.stalled.length} />
        </Stack>
      )}
    </HomeBlock>
  );
}

/** Legal and accounting: my tasks overdue and due today. */
function MyTaskBlocks() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const tasks = useMyTasks(true);
  const day = localDay();
  const open = (items: NonNullable<typeof tasks.data>['items']) => items.filter((task) => task.status !== 'done');
  const overdue = (items: NonNullable<typeof tasks.data>['items']) => open(items).filter((task) => task.overdue);
  const today = (items: NonNullable<typeof tasks.data>['items']) =>
    open(items).filter((task) => !task.overdue && task.dueAt !== null && task.dueAt >= day.from && task.dueAt < day.to);
  const list = (items: NonNullable<typeof tasks.data>['items']) => (
    <>
      <BlockList>
        {items.slice(0, SHOWN).map((task) => (
          <BlockItem
            key={task.id}
            primary={task.title}
            secondary={task.dueAt ? t('tasks.due', { date: format.dateTime(task.dueAt) }) : undefined}
          />
        ))}
      </BlockList>
      <More total={items.length} />
    </>
  );
  return (
    <>
      <HomeBlock
        title={t('tasks.overdue')}
        query={tasks}
        count={(d) => (overdue(d.items).length ? String(overdue(d.items).length) : null)}
        isEmpty={(d) => overdue(d.items).length === 0}
        empty={t('tasks.emptyOverdue')}
      >
        {(d) => list(overdue(d.items))}
      </HomeBlock>
      <HomeBlock
        title={t('tasks.dueToday')}
        query={tasks}
        count={(d) => (today(d.items).length ? String(today(d.items).length) : null)}
        isEmpty={(d) => today(d.items).length === 0}
        empty={t('tasks.emptyToday')}
      >
        {(d) => list(today(d.items))}
      </HomeBlock>
    </>
  );
}

function QueueBlock({ group }: { group: TaskGroup }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const queue = useGroupQueue(group);
  return (
    <HomeBlock
      title={t('tasks.queue', { group: t(`tasks.groups.${group}`) })}
      query={queue}
      count={(q) => (q.total ? t('tasks.count', { count: q.total }) : null)}
      isEmpty={(q) => q.total === 0}
      empty={t('tasks.emptyQueue')}
    >
      {(q) => (
        <>
          <BlockList>
            {q.items.map((task) => (
              <BlockItem
                key={task.id}
                primary={task.title}
                secondary={task.dueAt ? t('tasks.due', { date: format.dateTime(task.dueAt) }) : undefined}
              />
            ))}
          </BlockList>
          <More total={q.total} />
        </>
      )}
    </HomeBlock>
  );
}

/** Admin: how far the company is set up, and where to go on. */
function AdminBlock() {
  const { t } = useTranslation('home');
  const counts = useCompanyCounts(true);
  return (
    <HomeBlock title={t('admin.title')} query={counts} isEmpty={() => false} empty="">
      {(c) => (
        <Stack gap="sm">
          <Text size="sm">{t('admin.intro')}</Text>
          <Group gap="sm">
            {/* The admin screens come with console part 3; until then the API documentation is where set-up happens. */}
            <Button component="a" href="/api/docs#/users" variant="light">
              {t('admin.manageUsers')}: {t('admin.users', { count: c.users })}
            </Button>
            <Button component="a" href="/api/docs#/units" variant="light">
              {t('admin.manageUnits')}: {t('admin.units', { count: c.units })}
            </Button>
          </Group>
        </Stack>
      )}
    </HomeBlock>
  );
}

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
