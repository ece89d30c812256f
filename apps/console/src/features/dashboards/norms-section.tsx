import { Anchor, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { CHART_COLORS, ChartOption, EChart } from './echart';
import { DashboardFilters, Period, monthPeriod, monthsOf, scopeQuery } from './period';
import { ReportState, Section, drillHref, useMonth, usePercent } from './report-parts';
import { NormLine, NormSetting, useNormSettings, useNorms, usePeople } from './queries';

const NORMS = ['meetings_held', 'briefs_per_meeting_held', 'contracts_per_meeting_held'] as const;
type NormId = (typeof NORMS)[number];

/** Each salesperson against the configured norms for one month of the period; breaches marked. */
export function NormsSection({ period, filters }: { period: Period; filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const [params, setParams] = useSearchParams();
  const months = monthsOf(period);
  const asked = params.get('normMonth');
  const month = asked && months.includes(asked) ? asked : months[months.length - 1];
  const norms = useNorms(month, filters);
  const settings = useNormSettings();
  const monthName = useMonth();
  const choose = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('normMonth', value);
    setParams(next);
  };
  return (
    <Section
      title={t('norms.title')}
      intro={<NormTargets settings={settings.data ?? []} />}
      csv={{
        path: '/api/analytics/norms',
        query: { month, ...scopeQuery(filters), limit: 200 },
        file: `norms-${month}.csv`,
      }}
    >
      {months.length > 1 ? (
        <Select
          label={t('norms.month')}
          value={month}
          data={months.map((m) => ({ value: m, label: monthName(m) }))}
          onChange={choose}
          w={200}
          allowDeselect={false}
        />
      ) : null}
      <ReportState query={norms}>
        {(page) => <NormsView lines={page.items} settings={settings.data ?? []} unitId={filters.unitId} />}
      </ReportState>
    </Section>
  );
}

/** The configured values, as the server holds them ("40–45 meetings", "more than 50 %"). */
function NormTargets({ settings }: { settings: NormSetting[] }) {
  const { t } = useTranslation('dashboards');
  const target = useTarget();
  if (settings.length === 0) return <>{t('norms.intro')}</>;
  return (
    <Stack gap={2}>
      <span>{t('norms.intro')}</span>
      {NORMS.map((norm) => {
        const s = settings.find((x) => x.norm === norm);
        return s ? (
          <span key={norm}>
            {t(`norms.names.${norm}`)}: <strong>{target(s)}</strong>
          </span>
        ) : null;
      })}
    </Stack>
  );
}

function useValue() {
  const format = useFormat();
  const percent = usePercent();
  return (norm: NormId, value: number | null) =>
    value === null ? '—' : norm === 'meetings_held' ? format.number(value) : percent(value);
}

function useTarget() {
  const { t } = useTranslation('dashboards');
  const value = useValue();
  return (s: { norm: NormId; min: number | null; max: number | null; minExclusive: boolean }) => {
    const min = s.min === null ? null : value(s.norm, s.min);
    const max = s.max === null ? null : value(s.norm, s.max);
    if (min !== null && max !== null) return t('norms.between', { min, max });
    if (min !== null) return t(s.minExclusive ? 'norms.moreThan' : 'norms.atLeast', { min });
    if (max !== null) return t('norms.atMost', { max });
    return t('norms.none');
  };
}

function NormsView({ lines, settings, unitId }: { lines: NormLine[]; settings: NormSetting[]; unitId?: string }) {
  const { t } = useTranslation('dashboards');
  const people = usePeople(unitId);
  const value = useValue();
  const ids = [...new Set(lines.map((l) => l.salespersonId))];
  const name = (id: string) => people.names.get(id) ?? t('people.colleague');
  const line = (id: string, norm: NormId) => lines.find((l) => l.salespersonId === id && l.norm === norm);
  const meetings = settings.find((s) => s.norm === 'meetings_held');
  const monthName = useMonth();
  // Of the three, only the signed contracts are prospects the drill-down can list (those won in the month, by the
  // salesperson on the log row, as the norm counts them); meetings and briefs are not funnel events.
  const wonLink = (norm: NormId, l: NormLine) => {
    if (norm !== 'contracts_per_meeting_held' || l.value === null || l.value <= 0) return null;
    const { from, to } = monthPeriod(l.month);
    return drillHref({ funnelEvent: 'won', from, to, salespersonId: l.salespersonId });
  };
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: ids.map(name), axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
      // Tall enough to show the norm's lines even when the figures are far below them.
      yAxis: {
        type: 'value',
        minInterval: 1,
        max: ({ max }: { max: number }) => Math.max(max, Math.ceil((meetings?.max ?? meetings?.min ?? 0) * 1.1)),
      },
      series: [
        {
          type: 'bar',
          name: t('norms.names.meetings_held'),
          color: CHART_COLORS.primary,
          data: ids.map((id) => line(id, 'meetings_held')?.value ?? 0),
          markLine: {
            symbol: 'none',
            lineStyle: { color: CHART_COLORS.danger, type: 'dashed' },
            data: [meetings?.min, meetings?.max]
              .filter((v): v is number => v !== null && v !== undefined)
              .map((v) => ({ yAxis: v })),
          },
        },
      ],
    }),
    [lines, settings, people.names],
  );
  if (ids.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        {t('norms.empty')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
      <EChart option={option} label={t('norms.chart')} />
      <ScrollTable minWidth={560} label={t('norms.table')}>
        <Table striped verticalSpacing="xs" aria-label={t('norms.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.salesperson')}</Table.Th>
              {NORMS.map((norm) => (
                <Table.Th key={norm} ta="right">
                  {t(`norms.names.${norm}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ids.map((id) => (
              <Table.Tr key={id}>
                <Table.Td fw={500}>{name(id)}</Table.Td>
                {NORMS.map((norm) => {
                  const l = line(id, norm);
                  return (
                    <Table.Td key={norm} ta="right">
                      <Stack gap={2} align="flex-end">
                        {l && wonLink(norm, l) ? (
                          <Anchor
                            component={Link}
                            to={wonLink(norm, l)!}
                            c="indigo.8"
                            fw={600}
                            aria-label={t('norms.wonLink', {
                              value: value(norm, l.value),
                              name: name(id),
                              month: monthName(l.month),
                            })}
                          >
                            {value(norm, l.value)}
                          </Anchor>
                        ) : (
                          <span>{l ? value(norm, l.value) : '—'}</span>
                        )}
                        {l ? (
                          <Text
                            size="xs"
                            fw={l.breach ? 700 : 400}
                            c={l.breach ? 'red.9' : 'gray.7'}
                            data-breach={l.breach || undefined}
                          >
                            {l.breach
                              ? t('norms.breach', { status: t(`norms.status.${l.status}`) })
                              : t(`norms.status.${l.status}`)}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </SimpleGrid>
  );
}
