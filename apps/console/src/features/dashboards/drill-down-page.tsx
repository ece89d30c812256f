import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { Empty } from '../../components/states';
import { hasRole, useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { labelOf, useLabelIn } from '../../i18n/labels';
import { ScrollTable } from '../samples/scroll-table';
import { addDays } from './period';
import { Forbidden, ReportState } from './report-parts';
import {
  DrillQuery,
  LIST_SIZE,
  STAGES,
  Stage,
  useDrillDown,
  useLostReasons,
  usePeople,
  useProductLines,
} from './queries';

const EVENTS = ['reached', 'lost', 'won'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query a drill-down URL names (only what GET /api/prospects takes; anything else is dropped). */
export function drillQueryOf(params: URLSearchParams, page: number): DrillQuery | null {
  const event = params.get('funnelEvent') as (typeof EVENTS)[number] | null;
  const from = params.get('from');
  const to = params.get('to');
  const stage = params.get('funnelStage') as Stage | null;
  if (!event || !EVENTS.includes(event) || !from || !to || !DAY.test(from) || !DAY.test(to)) return null;
  if (stage !== null && !STAGES.includes(stage)) return null;
  if (event === 'reached' && !stage) return null;
  const optional = (name: 'unitId' | 'productLineId' | 'salespersonId' | 'ownerId' | 'lostReason') => {
    const value = params.get(name);
    return value ? { [name]: value } : {};
  };
  return {
    funnelEvent: event,
    from,
    to,
    ...(stage ? { funnelStage: stage } : {}),
    ...optional('unitId'),
    ...optional('productLineId'),
    ...optional('salespersonId'),
    // A cohort filtered by salesperson counts the prospect's latest owner (its figure links with ownerId).
    ...optional('ownerId'),
    ...optional('lostReason'),
    limit: LIST_SIZE,
    offset: (page - 1) * LIST_SIZE,
  };
}

/** /dashboards/prospects?funnelEvent=…: the prospects behind a dashboard figure; each opens its own page. */
export function DrillDownPage() {
  const { t } = useTranslation('dashboards');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = drillQueryOf(params, page);
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(value));
    setParams(next);
  };
  return (
    <Stack>
      <Stack gap={4}>
        <Anchor component={Link} to="/dashboards" size="sm" c="indigo.8">
          {t('drill.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('drill.title')}
        </Title>
        {query ? <DrillHeading query={query} /> : null}
      </Stack>
      {!hasRole(me, 'owner', 'sales_head') ? (
        <Forbidden />
      ) : query ? (
        <DrillList query={query} page={page} onPage={setPage} />
      ) : (
        <Empty title={t('drill.invalid')} />
      )}
    </Stack>
  );
}

function DrillHeading({ query }: { query: DrillQuery }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const reasons = useLostReasons();
  const labelIn = useLabelIn();
  const lines = useProductLines();
  const people = usePeople(query.unitId);
  const values = {
    stage: query.funnelStage ? common(`stages.${query.funnelStage}`) : '',
    from: format.date(`${query.from}T00:00:00Z`),
    to: format.date(`${addDays(query.to!, -1)}T00:00:00Z`),
    reason: query.lostReason ? labelOf(reasons.data, query.lostReason, labelIn) : '',
  };
  const key =
    query.funnelEvent === 'reached'
      ? 'reached'
      : query.funnelEvent === 'won'
        ? 'won'
        : query.lostReason
          ? query.funnelStage
            ? 'lostReasonStage'
            : 'lostReason'
          : 'lost';
  const narrowed = [
    query.salespersonId ? (people.names.get(query.salespersonId) ?? t('people.colleague')) : null,
    query.ownerId ? (people.names.get(query.ownerId) ?? t('people.colleague')) : null,
    query.productLineId ? lines.data?.items.find((l) => l.id === query.productLineId)?.name : null,
  ].filter(Boolean);
  return (
    <Text size="sm" c="gray.7">
      {t(`drill.sentence.${key}`, values)}
      {narrowed.length > 0 ? ` · ${narrowed.join(' · ')}` : ''}
    </Text>
  );
}

function DrillList({ query, page, onPage }: { query: DrillQuery; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const prospects = useDrillDown(query);
  const lines = useProductLines();
  const people = usePeople(query.unitId);
  return (
    <ReportState query={prospects}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty title={t('drill.empty')} />
        ) : (
          <>
            <ScrollTable minWidth={640} label={t('drill.table')}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('drill.table')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.company')}</Table.Th>
                    <Table.Th>{t('drill.currentStage')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                    <Table.Th>{t('columns.salesperson')}</Table.Th>
                    <Table.Th>{t('columns.productLine')}</Table.Th>
                    <Table.Th>{t('drill.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/prospects/${p.id}`} c="indigo.8" fw={500}>
                          {p.companyName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{common(`stages.${p.stage}`)}</Table.Td>
                      <Table.Td>
                        <Badge
                          size="sm"
                          variant="filled"
                          color={p.status === 'lost' ? 'red.8' : p.status === 'won' ? 'teal.9' : 'indigo.8'}
                        >
                          {t(`drill.status.${p.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {p.ownerId ? (people.names.get(p.ownerId) ?? t('people.colleague')) : t('people.nobody')}
                      </Table.Td>
                      <Table.Td>{lines.data?.items.find((l) => l.id === p.productLineId)?.name ?? ''}</Table.Td>
                      <Table.Td>{format.dateTime(p.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <ListFooter
              offset={data.offset}
              shown={data.items.length}
              total={data.total}
              pages={Math.max(1, Math.ceil(data.total / LIST_SIZE))}
              page={page}
              onChange={onPage}
            />
          </>
        )
      }
    </ReportState>
  );
}
