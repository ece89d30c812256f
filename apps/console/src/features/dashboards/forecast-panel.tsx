import { Alert, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { CHART_COLORS, ChartOption, EChart } from './echart';
import { ForecastArrivals } from './forecast-arrivals';
import { ForecastDeals } from './forecast-deals';
import { ForecastAccuracy, ForecastReport } from './forecast-queries';
import { useMonth, usePercent } from './report-parts';

type Period = ForecastReport['periods'][number];

export interface AccuracyState {
  isPending: boolean;
  isError: boolean;
  data?: ForecastAccuracy;
}

/** Counts of contracts: quantiles fall between whole numbers, so one decimal. */
export function useCount() {
  const { language } = useFormat();
  return (value: number) => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);
}

/** A quarter key "2027-Q1" in words. */
function useQuarter() {
  const { t } = useTranslation('dashboards');
  return (key: string) => t('forecast.quarterName', { year: key.slice(0, 4), quarter: key.slice(6) });
}

/** The forecast as the server computed it: next quarter's headline, its months (chart and table), accuracy, deals. */
export function ForecastPanel({ report, accuracy }: { report: ForecastReport; accuracy: AccuracyState }) {
  const { t } = useTranslation('dashboards');
  const quarterName = useQuarter();
  // With no signature in the log the chances rest on priors alone: say so instead of showing them.
  if (report.history.signed === 0) {
    return (
      <Text size="sm" c="gray.7">
        {t('forecast.empty')}
      </Text>
    );
  }
  const quarter = report.periods.find((p) => p.kind === 'quarter')!;
  const months = report.periods.filter((p) => p.kind === 'month');
  return (
    <Stack gap="md">
      <Headline quarter={quarter} currency={report.currency} />
      <AccuracyLine accuracy={accuracy} />
      <MonthsChart months={months} />
      <PeriodsTable periods={report.periods} currency={report.currency} />
      <ForecastArrivals period={quarter} periodName={quarterName(quarter.key)} />
      <ForecastDeals deals={report.deals} />
    </Stack>
  );
}

function Headline({ quarter, currency }: { quarter: Period; currency: string | null }) {
  const { t } = useTranslation('dashboards');
  const count = useCount();
  const format = useFormat();
  const quarterName = useQuarter();
  return (
    <Stack gap={2}>
      <Text fw={600} size="lg">
        {t('forecast.headline', {
          quarter: quarterName(quarter.key),
          p50: count(quarter.count.p50),
          p10: count(quarter.count.p10),
          p90: count(quarter.count.p90),
        })}
      </Text>
      {currency && quarter.valueMinor ? (
        <Text size="sm">
          {t('forecast.headlineValue', {
            p50: format.money(quarter.valueMinor.p50, currency),
            p10: format.money(quarter.valueMinor.p10, currency),
            p90: format.money(quarter.valueMinor.p90, currency),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "On the last 6 months the median was off by 12 %; the range held 83 % of the time." */
function AccuracyLine({ accuracy }: { accuracy: AccuracyState }) {
  const { t } = useTranslation('dashboards');
  const percent = usePercent();
  if (accuracy.isPending) {
    return (
      <Text size="sm" c="gray.7" role="status">
        {t('forecast.accuracy.loading')}
      </Text>
    );
  }
  const data = accuracy.data;
  if (accuracy.isError || !data) {
    return (
      <Alert color="yellow" title={t('forecast.accuracy.failed')}>
        {t('forecast.accuracy.failedBody')}
      </Alert>
    );
  }
  const next3 = data.horizons.find((h) => h.horizon === 'next_3_months');
  if (data.origins === 0 || !next3 || next3.wape === null) {
    return (
      <Text size="sm" c="gray.7">
        {data.reason === 'no_signings' ? t('forecast.accuracy.noSignings') : t('forecast.accuracy.tooShort')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('forecast.accuracy.sentence', {
          count: data.origins,
          error: percent(next3.wape),
          coverage: percent(next3.coverage),
        })}
      </Text>
      {next3.stageWeightsWape !== null ? (
        <Text size="sm" c="gray.7">
          {t('forecast.accuracy.baseline', { error: percent(next3.stageWeightsWape) })}
        </Text>
      ) : null}
      {next3.plansWape !== null ? (
        <Text size="sm" c="gray.7">
          {t('forecast.accuracy.plans', { error: percent(next3.plansWape) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function MonthsChart({ months }: { months: Period[] }) {
  const { t } = useTranslation('dashboards');
  const month = useMonth();
  const option = useMemo<ChartOption>(() => {
    const names = months.map((p) => month(p.key));
    return {
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('forecast.range'), t('forecast.median')] },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        // The range is a bar from P10 to P90: a transparent base up to P10, then the band.
        {
          type: 'bar',
          stack: 'range',
          data: months.map((p) => p.count.p10),
          itemStyle: { color: 'transparent' },
          silent: true,
          tooltip: { show: false },
        },
        {
          name: t('forecast.range'),
          type: 'bar',
          stack: 'range',
          barWidth: '40%',
          data: months.map((p) => p.count.p90 - p.count.p10),
          itemStyle: { color: '#bac8ff' },
        },
        {
          name: t('forecast.median'),
          type: 'line',
          data: months.map((p) => p.count.p50),
          itemStyle: { color: CHART_COLORS.primary },
          lineStyle: { color: CHART_COLORS.primary },
          symbolSize: 10,
        },
      ],
    };
  }, [months, month, t]);
  return <EChart option={option} label={t('forecast.chart')} height={240} />;
}

function PeriodsTable({ periods, currency }: { periods: Period[]; currency: string | null }) {
  const { t } = useTranslation('dashboards');
  const count = useCount();
  const month = useMonth();
  const quarterName = useQuarter();
  const format = useFormat();
  const name = (p: Period) =>
    p.kind === 'month' ? month(p.key) : p.kind === 'quarter' ? quarterName(p.key) : t('forecast.next3');
  const withValue = currency !== null && periods.some((p) => p.valueMinor);
  return (
    <ScrollTable minWidth={560} label={t('forecast.table')}>
      <Table striped verticalSpacing="xs" aria-label={t('forecast.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('forecast.period')}</Table.Th>
            <Table.Th ta="right">{t('forecast.p10')}</Table.Th>
            <Table.Th ta="right">{t('forecast.p50')}</Table.Th>
            <Table.Th ta="right">{t('forecast.p90')}</Table.Th>
            {withValue ? <Table.Th ta="right">{t('forecast.value')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td fw={p.kind === 'month' ? 400 : 600}>{name(p)}</Table.Td>
              <Table.Td ta="right">{count(p.count.p10)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {count(p.count.p50)}
              </Table.Td>
              <Table.Td ta="right">{count(p.count.p90)}</Table.Td>
              {withValue ? (
                <Table.Td ta="right">{p.valueMinor ? format.money(p.valueMinor.p50, currency) : '—'}</Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
