import { Alert, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from './scroll-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { ImportResult, Outcome } from './csv-import';
import { Pager } from '../../components/list-footer';
import { reasonText } from './reasons';

const PER_PAGE = 50;
const COLORS: Record<Outcome, string> = { accepted: 'green', duplicate: 'yellow', rejected: 'red' };

/** One import's report: totals, and every row of the file with the server's decision and reasons. */
export function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation('samples');
  const format = useFormat();
  const [filter, setFilter] = useState<'all' | Outcome>('all');
  const [page, setPage] = useState(1);
  const { totals } = result;
  const lines = filter === 'all' ? result.lines : result.lines.filter((l) => l.outcome === filter);
  const pages = Math.max(1, Math.ceil(lines.length / PER_PAGE));
  const shown = lines.slice((Math.min(page, pages) - 1) * PER_PAGE, Math.min(page, pages) * PER_PAGE);

  return (
    <Stack gap="sm" component="section" aria-labelledby="import-report-heading">
      <Title order={3} size="h5" id="import-report-heading">
        {t('report.heading')}
      </Title>
      {result.noneAccepted ? (
        <Alert color="red" role="alert">
          {t('report.noneAccepted', { message: result.noneAccepted })}
        </Alert>
      ) : null}
      <Group gap="xs" aria-label={t('report.totals')} role="group">
        <Badge variant="outline" color="gray" c="gray.9" radius="sm" size="lg">
          {t('report.rows', { count: totals.rows })}
        </Badge>
        {(['accepted', 'duplicate', 'rejected'] as const).map((outcome) => (
          <Badge key={outcome} variant="dot" color={COLORS[outcome]} c="dark.9" radius="sm" size="lg">
            {t(`report.${outcome}`, { count: totals[outcome] })}
          </Badge>
        ))}
      </Group>
      {totals.rows > 0 ? (
        <SegmentedControl
          aria-label={t('report.result')}
          size="xs"
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('list.all') },
            ...(['accepted', 'duplicate', 'rejected'] as const).map((o) => ({
              value: o,
              label: t(`report.outcome.${o}`),
            })),
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {shown.length > 0 ? (
        <ScrollTable minWidth={560} label={t('report.caption')}>
          <Table verticalSpacing="xs" aria-label={t('report.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t('report.row')}</Table.Th>
                <Table.Th>{t('report.company')}</Table.Th>
                <Table.Th>{t('report.result')}</Table.Th>
                <Table.Th>{t('report.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((line) => (
                <Table.Tr key={line.row}>
                  <Table.Td ta="right">{format.number(line.row)}</Table.Td>
                  <Table.Td>
                    {line.name || (
                      <Text span size="sm" c="gray.7">
                        {t('report.noName')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={COLORS[line.outcome]} c="dark.9" radius="sm">
                      {t(`report.outcome.${line.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{line.reasons.map((r) => reasonText(t, r, line)).join(' ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <Pager total={pages} value={Math.min(page, pages)} onChange={setPage} />
    </Stack>
  );
}
