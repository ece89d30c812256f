import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListFooter } from '../../components/list-footer';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { ProductLineDrawer } from './product-line-drawer';
import { PAGE_SIZE, STAGES, useProductLines } from './queries';

/** /admin/product-lines: what the company sells, each with its expected cycle and the time limit of every stage. */
export function ProductLinesPage() {
  const { t } = useTranslation(['adminOrg', 'common']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const open = params.get('line');
  const lines = useProductLines(page);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const data = lines.data;
  let body;
  if (lines.isPending) body = <Loading />;
  else if (lines.isError) body = <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />;
  else if (!data || data.items.length === 0) body = <Empty title={t('lines.empty')} />;
  else
    body = (
      <>
        <ScrollTable minWidth={900} label={t('lines.title')}>
          <Table striped verticalSpacing="xs" aria-label={t('lines.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lines.name')}</Table.Th>
                <Table.Th>{t('lines.cycle')}</Table.Th>
                {STAGES.map((stage) => (
                  <Table.Th key={stage} ta="right">
                    {t(`common:stages.${stage}`)}
                  </Table.Th>
                ))}
                <Table.Th>{t('lines.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>
                    {/* The name opens the line's form (the table is wide: no actions column to scroll to). */}
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      c="indigo.8"
                      ta="left"
                      onClick={() => set('line', line.id)}
                    >
                      {line.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('lines.cycleRange', {
                      min: format.number(line.cycleDays.min),
                      max: format.number(line.cycleDays.max),
                    })}
                  </Table.Td>
                  {STAGES.map((stage) => (
                    <Table.Td key={stage} ta="right">
                      {t('lines.days', {
                        count: line.stageLimitDays[stage] ?? 0,
                        n: format.number(line.stageLimitDays[stage] ?? 0),
                      })}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Badge tt="none" color={line.active ? 'teal.9' : 'gray.7'}>
                      {t(line.active ? 'lines.active' : 'lines.retired')}
                    </Badge>
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
          pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
          page={page}
          onChange={(p) => set('page', p === 1 ? null : String(p))}
        />
      </>
    );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('lines.title')}</Title>
          <Text size="sm" c="gray.7" maw={560}>
            {t('lines.intro')}
          </Text>
        </Stack>
        <Button onClick={() => set('line', 'new')}>{t('lines.new')}</Button>
      </Group>
      {body}
      <ProductLineDrawer lineId={open} onClose={() => set('line', null)} />
    </Stack>
  );
}
