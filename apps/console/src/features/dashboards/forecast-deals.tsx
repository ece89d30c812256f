import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../samples/scroll-table';
import { ForecastReport } from './forecast-queries';
import { useMonth, usePercent } from './report-parts';

/** The open deals most likely to sign, each with its chance, expected month and why, linking to the prospect. */
export function ForecastDeals({ deals }: { deals: ForecastReport['deals'] }) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const percent = usePercent();
  const month = useMonth();
  if (deals.total === 0) {
    return (
      <Text size="sm" c="gray.7">
        {t('forecast.deals.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('forecast.deals.title', { shown: deals.items.length, total: deals.total })}</Text>
      <ScrollTable minWidth={720} label={t('forecast.deals.table')}>
        <Table striped verticalSpacing="xs" aria-label={t('forecast.deals.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.company')}</Table.Th>
              <Table.Th>{t('columns.stage')}</Table.Th>
              <Table.Th ta="right">{t('forecast.deals.probability')}</Table.Th>
              <Table.Th>{t('forecast.deals.month')}</Table.Th>
              <Table.Th>{t('forecast.deals.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deals.items.map((d) => (
              <Table.Tr key={d.prospectId}>
                <Table.Td>
                  <Anchor component={Link} to={`/prospects/${d.prospectId}`} c="indigo.8" fw={500}>
                    {d.companyName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{common(`stages.${d.stage}`)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {percent(d.probability)}
                </Table.Td>
                <Table.Td>{d.expectedMonth ? month(d.expectedMonth) : t('forecast.deals.unlikely')}</Table.Td>
                <Table.Td>
                  {t('forecast.deals.reason', { count: d.daysInStage, stage: common(`stages.${d.stage}`) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
