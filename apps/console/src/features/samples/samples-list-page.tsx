import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title, useMatches } from '@mantine/core';
import { ScrollTable } from './scroll-table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ListFooter } from '../../components/list-footer';
import { SortableTh } from '../../components/sortable-th';
import { useUrlSort } from '../../components/sort';
import { PAGE_SIZE, SAMPLE_SORT_FIELDS, SAMPLE_STATUSES, SampleStatus, useProductLines, useSamples } from './queries';
import { SampleStatusBadge } from './sample-status';

/**
 * /samples: the samples the caller may see, newest change first or sorted by a column (the server sorts), filtered
 * by status; filter, sort and page in the URL.
 */
export function SamplesListPage() {
  const { t } = useTranslation('samples');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = SAMPLE_STATUSES.includes(statusParam as SampleStatus) ? (statusParam as SampleStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { sort, chosen, setSort } = useUrlSort(SAMPLE_SORT_FIELDS, { field: 'updatedAt', descending: true });
  const samples = useSamples(status, page, chosen);
  // Four statuses do not fit side by side on a phone: they stack there.
  const filterOrientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' });
  const lines = useProductLines();
  const lineName = (id: string) => lines.data?.items.find((l) => l.id === id)?.name ?? '';

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('status');
    else next.set('status', value);
    next.delete('page');
    setParams(next);
  };
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === 1) next.delete('page');
    else next.set('page', String(value));
    setParams(next);
  };

  const data = samples.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('list.title')}
          </Title>
          <Text size="sm" c="gray.7" maw={640}>
            {t('list.intro')}
          </Text>
        </Stack>
        <Button component={Link} to="/samples/new">
          {t('list.newSample')}
        </Button>
      </Group>
      <Group gap="sm">
        <Text size="sm" fw={500} id="sample-status-filter">
          {t('list.filter')}
        </Text>
        <SegmentedControl
          orientation={filterOrientation}
          fullWidth={filterOrientation === 'vertical'}
          w={filterOrientation === 'vertical' ? '100%' : undefined}
          aria-labelledby="sample-status-filter"
          value={status ?? 'all'}
          onChange={setFilter}
          data={[
            { value: 'all', label: t('list.all') },
            ...SAMPLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </Group>
      {samples.isPending ? (
        <Loading />
      ) : samples.isError ? (
        <ErrorState error={samples.error} onRetry={() => void samples.refetch()} />
      ) : data && data.items.length === 0 ? (
        status ? (
          <Empty title={t('list.emptyFiltered')} />
        ) : (
          <Empty title={t('list.emptyTitle')}>
            <Stack align="center" gap="sm">
              <span>{t('list.emptyBody')}</span>
              <Button component={Link} to="/samples/new" variant="light">
                {t('list.newSample')}
              </Button>
            </Stack>
          </Empty>
        )
      ) : data ? (
        <>
          <ScrollTable minWidth={640} label={t('list.caption')}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('list.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh field="title" sort={sort} onSort={setSort}>
                    {t('list.columns.title')}
                  </SortableTh>
                  <SortableTh field="productLine" sort={sort} onSort={setSort}>
                    {t('list.columns.productLine')}
                  </SortableTh>
                  <SortableTh field="status" sort={sort} onSort={setSort}>
                    {t('list.columns.status')}
                  </SortableTh>
                  <SortableTh field="companyCount" sort={sort} onSort={setSort} align="right">
                    {t('list.columns.companies')}
                  </SortableTh>
                  <SortableTh field="updatedAt" sort={sort} onSort={setSort}>
                    {t('list.columns.updated')}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((sample) => (
                  <Table.Tr key={sample.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/samples/${sample.id}`} c="indigo.8" fw={500}>
                        {sample.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{lineName(sample.productLineId)}</Table.Td>
                    <Table.Td>
                      <SampleStatusBadge sample={sample} />
                    </Table.Td>
                    <Table.Td ta="right">{format.number(sample.companyCount)}</Table.Td>
                    <Table.Td>{format.dateTime(sample.updatedAt)}</Table.Td>
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
            onChange={setPage}
          />
        </>
      ) : null}
    </Stack>
  );
}
