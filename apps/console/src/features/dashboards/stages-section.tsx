import { Anchor, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { CHART_COLORS, ChartOption, EChart } from './echart';
import { DashboardFilters, Period, monthPeriod, monthsOf, scopeQuery } from './period';
import { Figure, ReportState, Section, useDays, useMonth, usePercent } from './report-parts';
import { LIST_SIZE, STAGES, StageTime, useCohorts, usePeople, useStalled, useTimeInStage } from './queries';

/** Time in stage against the product lines' limits, the stalled prospects, and the cohorts. */
export function StagesSection({ period, filters }: { period: Period; filters: DashboardFilters }) {
  return (
    <Stack gap="lg">
      <TimeInStage period={period} filters={filters} />
      <StalledList filters={filters} />
      <Cohorts period={period} filters={filters} />
    </Stack>
  );
}

function TimeInStage({ period, filters }: { period: Period; filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const times = useTimeInStage(period, filters);
  const query = { from: period.from, to: period.to, ...scopeQuery(filters) };
  return (
    <Section
      title={t('time.title')}
      intro={t('time.intro')}
      csv={{ path: '/api/analytics/time-in-stage', query, file: `time-in-stage-${period.from}.csv` }}
    >
      <ReportState query={times}>
        {(lines) =>
          lines.filter((l) => l.count > 0).length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('time.empty')}
            </Text>
          ) : (
            <TimeView lines={lines.filter((l) => l.count > 0)} />
          )
        }
      </ReportState>
    </Section>
  );
}

function TimeView({ lines }: { lines: StageTime[] }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const days = useDays();
  const label = (l: StageTime) => `${l.productLineName} · ${common(`stages.${l.stage}`)}`;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: lines.map(label) },
      series: [
        { type: 'bar', name: t('time.median'), data: lines.map((l) => l.medianDays ?? 0), color: CHART_COLORS.primary },
        { type: 'bar', name: t('time.p90'), data: lines.map((l) => l.p90Days ?? 0), color: CHART_COLORS.fact },
        { type: 'bar', name: t('time.limit'), data: lines.map((l) => l.limitDays ?? 0), color: CHART_COLORS.muted },
      ],
    }),
    [lines, t],
  );
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
      <EChart option={option} label={t('time.chart')} height={Math.max(220, lines.length * 48)} />
      <ScrollTable minWidth={560} label={t('time.table')}>
        <Table striped verticalSpacing="xs" aria-label={t('time.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.productLine')}</Table.Th>
              <Table.Th>{t('columns.stage')}</Table.Th>
              <Table.Th ta="right">{t('time.stays')}</Table.Th>
              <Table.Th ta="right">{t('time.median')}</Table.Th>
              <Table.Th ta="right">{t('time.p90')}</Table.Th>
              <Table.Th ta="right">{t('time.limit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => {
              const over = l.limitDays !== null && l.medianDays !== null && l.medianDays > l.limitDays;
              return (
                <Table.Tr key={`${l.productLineId}:${l.stage}`}>
                  <Table.Td>{l.productLineName}</Table.Td>
                  <Table.Td>{common(`stages.${l.stage}`)}</Table.Td>
                  <Table.Td ta="right">{format.number(l.count)}</Table.Td>
                  <Table.Td ta="right" c={over ? 'red.9' : undefined} fw={over ? 700 : undefined}>
                    {days(l.medianDays)}
                    {over ? ` (${t('time.over')})` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{days(l.p90Days)}</Table.Td>
                  <Table.Td ta="right">{days(l.limitDays)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </SimpleGrid>
  );
}

function StalledList({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const stalled = useStalled(filters, page);
  const people = usePeople(filters.unitId);
  return (
    <Section
      title={t('stalled.title')}
      intro={t('stalled.intro')}
      csv={{ path: '/api/analytics/stalled', query: { ...scopeQuery(filters), limit: 200 }, file: 'stalled.csv' }}
    >
      <ReportState query={stalled}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('stalled.empty')}
            </Text>
          ) : (
            <>
              <ScrollTable minWidth={640} label={t('stalled.table')}>
                <Table striped verticalSpacing="xs" aria-label={t('stalled.table')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.company')}</Table.Th>
                      <Table.Th>{t('columns.stage')}</Table.Th>
                      <Table.Th>{t('columns.salesperson')}</Table.Th>
                      <Table.Th ta="right">{t('stalled.daysInStage')}</Table.Th>
                      <Table.Th ta="right">{t('stalled.limit')}</Table.Th>
                      <Table.Th ta="right">{t('stalled.over')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((s) => (
                      <Table.Tr key={s.prospectId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/prospects/${s.prospectId}`} c="indigo.8" fw={500}>
                            {s.companyName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{common(`stages.${s.stage}`)}</Table.Td>
                        <Table.Td>
                          {s.ownerId ? (people.names.get(s.ownerId) ?? t('people.colleague')) : t('people.nobody')}
                        </Table.Td>
                        <Table.Td ta="right">{format.number(s.daysInStage)}</Table.Td>
                        <Table.Td ta="right">{format.number(s.limitDays)}</Table.Td>
                        <Table.Td ta="right" c="red.9" fw={600}>
                          {format.number(s.daysOver)}
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
                pages={Math.max(1, Math.ceil(data.total / LIST_SIZE))}
                page={page}
                onChange={setPage}
              />
            </>
          )
        }
      </ReportState>
    </Section>
  );
}

/** A month's first day and the next month's (the drill-down's from..to). */
const daysOf = (month: string) => {
  const { from, to } = monthPeriod(month);
  return { from, to };
};

function Cohorts({ period, filters }: { period: Period; filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const cohorts = useCohorts(period, filters);
  const months = monthsOf(period);
  const query = { fromMonth: months[0], toMonth: months[months.length - 1], ...scopeQuery(filters) };
  const later = STAGES.slice(2);
  const month = useMonth();
  return (
    <Section
      title={t('cohorts.title')}
      intro={t('cohorts.intro')}
      csv={{ path: '/api/analytics/cohorts', query, file: `cohorts-${months[0]}.csv` }}
    >
      <ReportState query={cohorts}>
        {(rows) => (
          <ScrollTable minWidth={720} label={t('cohorts.table')}>
            <Table striped verticalSpacing="xs" aria-label={t('cohorts.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cohorts.month')}</Table.Th>
                  <Table.Th ta="right">{t('cohorts.entered')}</Table.Th>
                  {later.map((stage) => (
                    <Table.Th key={stage} ta="right">
                      {common(`stages.${stage}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.cohortMonth}>
                    <Table.Td>{month(row.cohortMonth)}</Table.Td>
                    <Table.Td ta="right">
                      <Figure
                        value={row.entered}
                        query={{
                          funnelEvent: 'reached',
                          funnelStage: 'primary_contact',
                          ...daysOf(row.cohortMonth),
                          ...(filters.unitId ? { unitId: filters.unitId } : {}),
                          ...(filters.productLineId ? { productLineId: filters.productLineId } : {}),
                          ...(filters.salespersonId ? { ownerId: filters.salespersonId } : {}),
                        }}
                        label={t('cohorts.enteredLink', { count: row.entered, month: month(row.cohortMonth) })}
                      />
                    </Table.Td>
                    {later.map((stage) => (
                      <Table.Td key={stage} ta="right">
                        {format.number(row.reached[stage] ?? 0)} ({percent(row.rates[stage])})
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </ReportState>
    </Section>
  );
}
