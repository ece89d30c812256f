import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../samples/scroll-table';
import { useCount } from './forecast-panel';
import { ForecastReport } from './forecast-queries';

type Period = ForecastReport['periods'][number];

/**
 * The deals expected to reach each stage in one period (the next quarter) beside the plans entered for it: where the
 * funnel will fall short of the plan is visible a quarter ahead, stage by stage.
 */
export function ForecastArrivals({ period, periodName }: { period: Period; periodName: string }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const count = useCount();
  const planned = period.arrivals.some((a) => a.planned !== null && a.planned > 0);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('forecast.arrivals.title', { period: periodName })}</Text>
      <ScrollTable minWidth={560} label={t('forecast.arrivals.table', { period: periodName })}>
        <Table striped verticalSpacing="xs" aria-label={t('forecast.arrivals.table', { period: periodName })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.stage')}</Table.Th>
              <Table.Th ta="right">{t('forecast.p50')}</Table.Th>
              <Table.Th ta="right">{t('forecast.range')}</Table.Th>
              <Table.Th ta="right">{t('forecast.arrivals.planned')}</Table.Th>
              <Table.Th ta="right">{t('forecast.arrivals.gap')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {period.arrivals.map((a) => {
              const gap = a.planned === null || !planned ? null : a.count.p50 - a.planned;
              return (
                <Table.Tr key={a.stage}>
                  <Table.Td>{common(`stages.${a.stage}`)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {count(a.count.p50)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {t('forecast.arrivals.range', { p10: count(a.count.p10), p90: count(a.count.p90) })}
                  </Table.Td>
                  <Table.Td ta="right">{planned && a.planned !== null ? count(a.planned) : '—'}</Table.Td>
                  <Table.Td ta="right" c={gap !== null && gap < 0 ? 'red.8' : undefined}>
                    {gap === null ? '—' : gap > 0 ? `+${count(gap)}` : count(gap)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {planned ? null : (
        <Text size="sm" c="gray.7">
          {t('forecast.arrivals.noPlan')}
        </Text>
      )}
    </Stack>
  );
}
