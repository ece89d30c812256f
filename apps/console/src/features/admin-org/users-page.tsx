import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { ScrollTable } from '../samples/scroll-table';
import { PAGE_SIZE, ROLES, Role, User, useUnits, useUsers } from './queries';
import { UserActions } from './user-actions';
import { UserDrawer } from './user-drawer';

type Activity = 'all' | 'active' | 'inactive';

/** /admin/users: everyone who may log in, filtered by role, unit, status and a search; the filters live in the URL. */
export function UsersPage() {
  const { t } = useTranslation(['adminOrg', 'common']);
  const [params, setParams] = useSearchParams();
  const role = (ROLES as string[]).includes(params.get('role') ?? '') ? (params.get('role') as Role) : undefined;
  const unitId = params.get('unit') ?? undefined;
  const activity: Activity =
    params.get('status') === 'active' || params.get('status') === 'inactive'
      ? (params.get('status') as Activity)
      : 'all';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const open = params.get('user');
  const users = useUsers({
    role,
    unitId,
    active: activity === 'all' ? undefined : activity === 'active',
    q,
    page,
  });
  const units = useUnits();
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const set = (key: string, value: string | null, keepPage = false) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  // The search waits for a pause in typing, so the list is not asked at every key.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => set('q', search.trim() || null), 300);
    return () => clearTimeout(timer);
  });

  const data = users.data;
  const filtered = !!role || !!unitId || activity !== 'all' || q !== '';
  let body;
  if (users.isPending) body = <Loading />;
  else if (users.isError) body = <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  else if (!data || data.items.length === 0)
    body = <Empty title={t(filtered ? 'users.emptyFiltered' : 'users.empty')} />;
  else
    body = (
      <>
        <ScrollTable minWidth={760} label={t('users.title')}>
          <Table striped verticalSpacing="xs" aria-label={t('users.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((user: User) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                  <Table.Td>{user.roles.map((r) => t(`common:roles.${r}`)).join(', ')}</Table.Td>
                  <Table.Td>{user.unitId ? (unitName.get(user.unitId) ?? '…') : '—'}</Table.Td>
                  <Table.Td>
                    <Badge tt="none" color={user.active ? 'teal.9' : 'gray.7'}>
                      {t(user.active ? 'users.active' : 'users.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <UserActions user={user} onEdit={() => set('user', user.id, true)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <ListFooter
          offset={data.offset}
          shown={data.items.length}
          total={data.total}
          pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
          page={page}
          onChange={(p) => set('page', p === 1 ? null : String(p), true)}
        />
      </>
    );

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('users.title')}</Title>
          <Text size="sm" c="gray.7" maw={560}>
            {t('users.intro')}
          </Text>
        </Stack>
        <Button onClick={() => set('user', 'new', true)}>{t('users.new')}</Button>
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('users.role')}
          placeholder={t('users.anyRole')}
          clearable
          value={role ?? null}
          onChange={(value) => set('role', value)}
          data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          w={200}
        />
        <Select
          label={t('users.unit')}
          placeholder={t('users.anyUnit')}
          clearable
          value={unitId ?? null}
          onChange={(value) => set('unit', value)}
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          w={200}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="users-status-filter">
            {t('users.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="users-status-filter"
            value={activity}
            onChange={(value) => set('status', value === 'all' ? null : value)}
            data={(['all', 'active', 'inactive'] as const).map((a) => ({ value: a, label: t(`users.filter.${a}`) }))}
          />
        </Stack>
      </Group>
      {body}
      <UserDrawer userId={open} onClose={() => set('user', null, true)} />
    </Stack>
  );
}
