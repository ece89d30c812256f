import { Anchor, Badge, Group, Select, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { Pager } from '../../components/list-footer';
import { ScrollTable } from '../samples/scroll-table';
import { usePageParam } from './page-param';
import { useNameOf } from './people';
import { RequestStatus, SubjectKind, useRequests } from './queries';
import { STATUS_COLOR } from './status-color';

const PER_PAGE = 20;
const STATUSES: RequestStatus[] = ['approved', 'rejected', 'recalled', 'voided', 'pending'];
const KINDS: SubjectKind[] = ['target_sample', 'offer', 'contract_deviation'];

/** Requests I may see, newest first, filtered by status and subject (filters and page in the URL). */
export function HistoryTab() {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const nameOf = useNameOf();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as RequestStatus)
    : undefined;
  const kind = (KINDS as string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as SubjectKind) : undefined;
  const list = useRequests({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE }, { status, subjectKind: kind });
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const any = { value: '', label: t('filters.any') };
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('filters.status')}
          data={[any, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          value={status ?? ''}
          onChange={(value) => setFilter('status', value)}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('filters.kind')}
          data={[any, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
          value={kind ?? ''}
          onChange={(value) => setFilter('kind', value)}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Empty title={t('empty.history')} />
      ) : (
        <>
          <ScrollTable minWidth={720} label={t('tabs.history')}>
            <Table striped verticalSpacing="xs" aria-label={t('tabs.history')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('filters.kind')}</Table.Th>
                  <Table.Th scope="col">{t('filters.status')}</Table.Th>
                  <Table.Th scope="col">{t('history.requestedBy')}</Table.Th>
                  <Table.Th scope="col">{t('history.requestedAt')}</Table.Th>
                  <Table.Th scope="col">{t('history.closed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/approvals/${r.id}`} size="sm" c="indigo.8">
                        {t(`kind.${r.subjectKind}`)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge tt="none" color={STATUS_COLOR[r.status]}>
                        {t(`status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{nameOf(r.requesterId)}</Table.Td>
                    <Table.Td>{format.dateTime(r.requestedAt)}</Table.Td>
                    <Table.Td>
                      {r.closedAt
                        ? t('history.closedBy', { date: format.dateTime(r.closedAt), name: nameOf(r.closedBy) })
                        : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Pager total={Math.ceil(list.data.total / PER_PAGE)} value={page} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
