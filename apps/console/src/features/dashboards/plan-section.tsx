import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { CHART_COLORS, ChartOption, EChart } from './echart';
import { GAP_COLOR, gapTone, planStages } from './gap';
import { DashboardFilters, Period, isWholeMonths, monthsOf, scopeQuery } from './period';
import { Figure, ReportState, Section } from './report-parts';
import {
  PlanFactReport,
  PlanFactRow,
  PlanLine,
  STAGES,
  Stage,
  usePeople,
  usePlanLines,
  usePlanReport,
  useSavePlan,
} from './queries';

// The report's key for figures credited to no salesperson (entries into sampling): shown, never planned.
const NO_SALESPERSON = '00000000-0000-0000-0000-000000000000';

/** Plan vs fact per stage for the period's months; with one month chosen, each salesperson's plan is edited here. */
export function PlanSection({ period, filters }: { period: Period; filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const months = monthsOf(period);
  const report = usePlanReport(period, filters);
  const month = months.length === 1 ? months[0] : null;
  const lines = usePlanLines(month, filters);
  const query = {
    fromMonth: months[0],
    toMonth: months[months.length - 1],
    groupBy: 'salesperson',
    ...scopeQuery(filters),
  };
  return (
    <Section
      title={t('plan.title')}
      intro={
        <>
          {t('plan.intro')} {isWholeMonths(period) ? '' : t('plan.wholeMonths')}{' '}
          {month ? t('plan.editHint') : t('plan.oneMonth')}
        </>
      }
      csv={{ path: '/api/plans/report', query, file: `plan-vs-fact-${months[0]}.csv` }}
    >
      <ReportState query={report}>
        {(data) => <PlanReportView report={data} filters={filters} month={month} lines={lines.data?.items ?? []} />}
      </ReportState>
    </Section>
  );
}

function PlanReportView({
  report,
  filters,
  month,
  lines,
}: {
  report: PlanFactReport;
  filters: DashboardFilters;
  month: string | null;
  lines: PlanLine[];
}) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const people = usePeople(filters.unitId);
  const total = (stage: Stage) =>
    report.totals.find((r) => r.stage === stage) ?? { stage, plan: 0, fact: 0, variance: 0 };
  const option = useMemo<ChartOption>(() => {
    const totals = STAGES.map((stage) => report.totals.find((r) => r.stage === stage));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: STAGES.map((s) => common(`stages.${s}`)) },
      series: [
        { type: 'bar', name: t('plan.plan'), data: totals.map((r) => r?.plan ?? 0), color: CHART_COLORS.muted },
        { type: 'bar', name: t('plan.fact'), data: totals.map((r) => r?.fact ?? 0), color: CHART_COLORS.primary },
      ],
    };
  }, [report, t, common]);
  const keys = new Set(report.items.map((r) => r.key));
  const rows = [
    ...people.salespeople.filter((p) => !filters.salespersonId || p.id === filters.salespersonId).map((p) => p.id),
    ...[...keys].filter((k) => !people.salespeople.some((p) => p.id === k)),
  ];
  const from = `${report.fromMonth}-01`;
  const toMonth = new Date(`${report.toMonth}-01T00:00:00Z`);
  toMonth.setUTCMonth(toMonth.getUTCMonth() + 1);
  const to = toMonth.toISOString().slice(0, 10);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <EChart option={option} label={t('plan.chart')} />
        <ScrollTable minWidth={460} label={t('plan.totalsTable')}>
          <Table striped verticalSpacing="xs" aria-label={t('plan.totalsTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.stage')}</Table.Th>
                <Table.Th ta="right">{t('plan.plan')}</Table.Th>
                <Table.Th ta="right">{t('plan.fact')}</Table.Th>
                <Table.Th ta="right">{t('plan.gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {STAGES.map((stage) => {
                const row = total(stage);
                return (
                  <Table.Tr key={stage}>
                    <Table.Td>{common(`stages.${stage}`)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.plan)}</Table.Td>
                    <Table.Td ta="right">
                      <Figure
                        value={row.fact}
                        query={{ from, to, ...scopeQuery(filters), funnelEvent: 'reached', funnelStage: stage }}
                        label={t('plan.factLink', { count: row.fact, stage: common(`stages.${stage}`) })}
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Gap row={row} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </SimpleGrid>
      {rows.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('plan.noSalespeople')}
        </Text>
      ) : (
        <ScrollTable minWidth={960} label={t('plan.peopleTable')}>
          <Table striped verticalSpacing="xs" aria-label={t('plan.peopleTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.salesperson')}</Table.Th>
                {STAGES.map((stage) => (
                  <Table.Th key={stage} ta="right">
                    {common(`stages.${stage}`)}
                    <Text size="xs" c="gray.7" fw={400}>
                      {t('plan.cellHeader')}
                    </Text>
                  </Table.Th>
                ))}
                {month ? <Table.Th>{t('columns.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((id) => (
                <PersonRow
                  key={id}
                  salespersonId={id}
                  name={id === NO_SALESPERSON ? t('people.nobody') : (people.names.get(id) ?? t('people.colleague'))}
                  rows={report.items.filter((r) => r.key === id)}
                  month={id === NO_SALESPERSON ? null : month}
                  editable={month !== null}
                  lines={lines.filter(
                    (l) => l.salespersonId === id && (l.productLineId ?? undefined) === filters.productLineId,
                  )}
                  productLineId={filters.productLineId}
                  range={{ from, to }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function Gap({ row }: { row: { plan: number; fact: number; variance: number } }) {
  const { t } = useTranslation('dashboards');
  const format = useFormat();
  const tone = gapTone(row);
  if (tone === 'unplanned')
    return (
      <Text span size="sm" c={GAP_COLOR[tone]}>
        {t('plan.unplanned')}
      </Text>
    );
  return (
    <Text span size="sm" fw={tone === 'behind' ? 700 : 500} c={GAP_COLOR[tone]} data-gap={tone}>
      {t(`plan.tone.${tone}`, { gap: format.number(Math.abs(row.variance)) })}
    </Text>
  );
}

function PersonRow({
  salespersonId,
  name,
  rows,
  month,
  editable,
  lines,
  productLineId,
  range,
}: {
  salespersonId: string;
  name: string;
  rows: PlanFactRow[];
  month: string | null;
  editable: boolean;
  lines: PlanLine[];
  productLineId?: string;
  range: { from: string; to: string };
}) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const format = useFormat();
  const save = useSavePlan();
  const [draft, setDraft] = useState<Partial<Record<Stage, number | string>> | null>(null);
  const cell = (stage: Stage) => rows.find((r) => r.stage === stage) ?? { stage, plan: 0, fact: 0, variance: 0 };
  const startEditing = () => {
    setDraft(Object.fromEntries(lines.map((l) => [l.stage, l.count])));
    save.reset();
  };
  const submit = () => {
    if (!draft || !month) return;
    save.mutate(
      { period: month, salespersonId, ...(productLineId ? { productLineId } : {}), stages: planStages(draft) },
      {
        onSuccess: () => {
          setDraft(null);
          notifications.show({
            color: 'green',
            message: t('plan.saved', { name }),
            closeButtonProps: { 'aria-label': t('close') },
          });
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <Table.Tr>
      <Table.Td fw={500}>{name}</Table.Td>
      {STAGES.map((stage) => {
        const row = cell(stage);
        return (
          <Table.Td key={stage} ta="right">
            {draft ? (
              <NumberInput
                aria-label={t('plan.input', { stage: common(`stages.${stage}`), name })}
                min={0}
                max={100000}
                allowDecimal={false}
                allowNegative={false}
                value={draft[stage] ?? ''}
                onChange={(value) => setDraft({ ...draft, [stage]: value })}
                error={error?.problemsFor(`stages.${stage}`)}
                w={80}
                ml="auto"
                size="xs"
              />
            ) : (
              <Stack gap={0} align="flex-end">
                <Text span size="sm">
                  <Figure
                    value={row.fact}
                    plain={salespersonId === NO_SALESPERSON}
                    query={{
                      ...range,
                      salespersonId,
                      ...(productLineId ? { productLineId } : {}),
                      funnelEvent: 'reached',
                      funnelStage: stage,
                    }}
                    label={t('plan.personFactLink', { count: row.fact, stage: common(`stages.${stage}`), name })}
                  />
                  {' / '}
                  {format.number(row.plan)}
                </Text>
                <Gap row={row} />
              </Stack>
            )}
          </Table.Td>
        );
      })}
      {editable ? (
        <Table.Td>
          {!month ? null : draft ? (
            <Stack gap={4}>
              <Group gap={4} wrap="nowrap">
                <Button size="xs" onClick={submit} loading={save.isPending}>
                  {t('plan.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                  {t('plan.cancel')}
                </Button>
              </Group>
              {save.error ? (
                <Alert color="red" p={4} role="alert">
                  <Text size="xs">{save.error.message}</Text>
                </Alert>
              ) : null}
            </Stack>
          ) : (
            <Button size="xs" variant="light" onClick={startEditing} aria-label={t('plan.editFor', { name })}>
              {t('plan.edit')}
            </Button>
          )}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
