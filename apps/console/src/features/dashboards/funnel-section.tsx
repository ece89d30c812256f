import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../samples/scroll-table';
import { CHART_COLORS, ChartOption, EChart } from './echart';
import { DashboardFilters, Period, scopeQuery } from './period';
import { Figure, ReportState, Section, usePercent } from './report-parts';
import { useLabelIn } from '../../i18n/labels';
import { FunnelReport, STAGES, useFunnel } from './queries';

/** Entries per stage, conversion stage to stage, lost by reason, won; every count opens its prospects. */
export function FunnelSection({ period, filters }: { period: Period; filters: DashboardFilters }) {
  const { t, i18n } = useTranslation('dashboards');
  const funnel = useFunnel(period, filters);
  // The CSV names each lost reason in the reader's language too.
  const query = {
    from: period.from,
    to: period.to,
    ...scopeQuery(filters),
    lang: i18n.language === 'hu' ? 'hu' : 'en',
  };
  return (
    <Section
      title={t('funnel.title')}
      intro={t('funnel.intro')}
      csv={{ path: '/api/analytics/funnel', query, file: `funnel-${period.from}.csv` }}
    >
      <ReportState query={funnel}>
        {(report) => <FunnelReportView report={report} period={period} filters={filters} />}
      </ReportState>
    </Section>
  );
}

function FunnelReportView({
  report,
  period,
  filters,
}: {
  report: FunnelReport;
  period: Period;
  filters: DashboardFilters;
}) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const percent = usePercent();
  // The report labels each reason in both languages (retired reasons too).
  const labelIn = useLabelIn();
  const drill = {
    from: period.from,
    to: period.to,
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.productLineId ? { productLineId: filters.productLineId } : {}),
    ...(filters.salespersonId ? { salespersonId: filters.salespersonId } : {}),
  };
  const stageName = (stage: string) => common(`stages.${stage}`);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: report.stages.map((s) => stageName(s.stage)) },
      series: [
        {
          type: 'bar',
          name: t('funnel.reached'),
          data: report.stages.map((s) => s.reached),
          color: CHART_COLORS.primary,
        },
        { type: 'bar', name: t('funnel.lost'), data: report.stages.map((s) => s.lost), color: CHART_COLORS.danger },
      ],
    }),
    [report, t],
  );
  const total = report.stages[0]?.reached ?? 0;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <EChart option={option} label={t('funnel.chart')} />
        <ScrollTable minWidth={520} label={t('funnel.table')}>
          <Table striped verticalSpacing="xs" aria-label={t('funnel.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.stage')}</Table.Th>
                <Table.Th ta="right">{t('funnel.reached')}</Table.Th>
                <Table.Th ta="right">{t('funnel.conversion')}</Table.Th>
                <Table.Th ta="right">{t('funnel.lost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.stages.map((s) => (
                <Table.Tr key={s.stage}>
                  <Table.Td>{stageName(s.stage)}</Table.Td>
                  <Table.Td ta="right">
                    <Figure
                      value={s.reached}
                      query={{ ...drill, funnelEvent: 'reached', funnelStage: s.stage }}
                      label={t('funnel.reachedLink', { count: s.reached, stage: stageName(s.stage) })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{percent(s.conversionToNext)}</Table.Td>
                  <Table.Td ta="right">
                    <Figure
                      value={s.lost}
                      query={{ ...drill, funnelEvent: 'lost', funnelStage: s.stage }}
                      label={t('funnel.lostLink', { count: s.lost, stage: stageName(s.stage) })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SimpleGrid>
      <Text size="sm">
        {t('funnel.wonLead')}{' '}
        <Figure
          value={report.won}
          query={{ ...drill, funnelEvent: 'won' }}
          label={t('funnel.wonLink', { count: report.won })}
        />
        {total > 0 ? ` · ${t('funnel.overall', { rate: percent(report.won / total) })}` : ''}
      </Text>
      {report.lostByReason.length > 0 ? (
        <ScrollTable minWidth={560} label={t('funnel.lostTable')}>
          <Table striped verticalSpacing="xs" aria-label={t('funnel.lostTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.reason')}</Table.Th>
                <Table.Th ta="right">{t('columns.total')}</Table.Th>
                <Table.Th ta="right">{t('columns.share')}</Table.Th>
                {STAGES.map((stage) => (
                  <Table.Th key={stage} ta="right">
                    {stageName(stage)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.lostByReason.map((r) => (
                <Table.Tr key={r.reason}>
                  <Table.Td>{labelIn(r.labels)}</Table.Td>
                  <Table.Td ta="right">
                    <Figure
                      value={r.total}
                      query={{ ...drill, funnelEvent: 'lost', lostReason: r.reason }}
                      label={t('funnel.reasonLink', { count: r.total, reason: labelIn(r.labels) })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{percent(r.share)}</Table.Td>
                  {STAGES.map((stage) => (
                    <Table.Td key={stage} ta="right">
                      <Figure
                        value={r.byStage[stage] ?? 0}
                        query={{ ...drill, funnelEvent: 'lost', funnelStage: stage, lostReason: r.reason }}
                        label={t('funnel.reasonStageLink', {
                          count: r.byStage[stage] ?? 0,
                          reason: labelIn(r.labels),
                          stage: stageName(stage),
                        })}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm" c="gray.7">
          {t('funnel.noLosses')}
        </Text>
      )}
    </Stack>
  );
}
