import { Anchor, Badge, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SortableTh } from '../../components/sortable-th';
import { useUrlSort } from '../../components/sort';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ListFooter } from '../../components/list-footer';
import { useProductLines } from '../samples/queries';
import { ScrollTable } from '../samples/scroll-table';
import { CaseStatusBadge } from './case-status';
import { CASE_DEFAULT_SORT, CASE_PAGE_SIZE, CASE_SORT_FIELDS, CaseFilters, useCases } from './queries';

/**
 * /contracts: the cases the caller may see, the soonest due first or sorted by a column header (the server sorts);
 * status, product line, sort and page live in the URL.
 */
export function CasesListPage() {
  const { t } = useTranslation('contracts');
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = statusParam === 'open' || statusParam === 'signed' ? statusParam : undefined;
  const { sort, chosen, setSort } = useUrlSort(CASE_SORT_FIELDS, CASE_DEFAULT_SORT);
  const productLineId = params.get('line') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: CaseFilters = { status, productLineId, sort: chosen, page };
  const cases = useCases(filters);
  const lines = useProductLines();
  const lineName = (id: string) => lines.data?.items.find((l) => l.id === id)?.name ?? '';
  const set = (key: string, value: string | null, keepPage = false) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    if (!keepPage) next.delete('page');
    setParams(next);
  };

  const data = cases.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / CASE_PAGE_SIZE)) : 1;
  let body;
  if (cases.isPending) body = <Loading />;
  else if (cases.isError) body = <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />;
  else if (data && data.items.length === 0)
    body =
      status || productLineId ? (
        <Empty title={t('list.emptyFiltered')} />
      ) : (
        <Empty title={t('list.emptyTitle')}>{t('list.emptyBody')}</Empty>
      );
  else if (data)
    body = (
      <>
        <ScrollTable minWidth={760} label={t('list.caption')}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('list.caption')}>
            <Table.Thead>
              <Table.Tr>
                <SortableTh field="companyName" sort={sort} onSort={setSort}>
                  {t('list.columns.company')}
                </SortableTh>
                <Table.Th>{t('list.columns.productLine')}</Table.Th>
                <Table.Th>{t('list.columns.status')}</Table.Th>
                <SortableTh field="nextDueAt" sort={sort} onSort={setSort}>
                  {t('list.columns.nextDue')}
                </SortableTh>
                <Table.Th ta="right">{t('list.columns.overdue')}</Table.Th>
                <SortableTh field="openedAt" sort={sort} onSort={setSort}>
                  {t('list.columns.opened')}
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${c.id}`} c="indigo.8" fw={500}>
                      {c.companyName ?? t('list.unnamed')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{lineName(c.productLineId)}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={c.overdueTasks > 0 ? 'red.9' : undefined}
                      fw={c.overdueTasks > 0 ? 600 : undefined}
                    >
                      {c.nextDueAt ? f.dateTime(c.nextDueAt) : t('list.nothingDue')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {c.overdueTasks > 0 ? (
                      <Badge color="red.9" variant="filled">
                        {f.number(c.overdueTasks)}
                      </Badge>
                    ) : (
                      f.number(0)
                    )}
                  </Table.Td>
                  <Table.Td>{f.date(c.openedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
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
          {t('list.title')}
        </Title>
        <Text size="sm" c="gray.7" maw={640}>
          {t('list.intro')}
        </Text>
      </Stack>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="case-status-filter">
            {t('list.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="case-status-filter"
            value={status ?? 'all'}
            onChange={(value) => set('status', value === 'all' ? null : value)}
            data={[
              { value: 'all', label: t('list.all') },
              { value: 'open', label: t('status.open') },
              { value: 'signed', label: t('status.signed') },
            ]}
          />
        </Stack>
        <Select
          label={t('list.productLine')}
          placeholder={t('list.allLines')}
          value={productLineId ?? null}
          onChange={(value) => set('line', value)}
          data={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          clearable
          w={220}
        />
      </Group>
      {body}
    </Stack>
  );
}
