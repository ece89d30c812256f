import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import type { ContractCase, Terms } from './queries';
import { TermsEditor } from './terms-editor';
import { ValueFormat, showDeviationValue, showItem } from './terms-values';

type Row = { key: string; label: string; before: string; after: string; changed: boolean };

/** Baseline (the approved offer) beside the current terms, and the server's diff between them. */
export function TermsPanel({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const f: ValueFormat = { t, money: format.money, number: format.number, date: format.date };
  const c = contractCase;
  const fields = new Set(c.deviations.map((d) => d.field as string));
  const rows = termRows(c.baseline, c.terms, f, fields);
  return (
    <Paper component="section" aria-labelledby="terms-title" withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="terms-title">
            {t('terms.title')}
          </Title>
          <Badge variant="outline" color="gray.7">
            {t('terms.revision', { revision: c.termsRevision })}
          </Badge>
        </Group>
        {c.access === 'write' ? <TermsEditor contractCase={c} /> : null}
      </Group>
      <Stack>
        <ScrollTable minWidth={560} label={t('terms.title')}>
          <Table verticalSpacing="xs" aria-label={t('terms.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('terms.field')}</Table.Th>
                <Table.Th>{t('terms.baseline')}</Table.Th>
                <Table.Th>{t('terms.current')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} bg={row.changed ? 'yellow.0' : undefined}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{row.before}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }} fw={row.changed ? 600 : undefined}>
                    {row.after}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Title order={3} size="h5">
          {t('terms.deviations')}
        </Title>
        {c.deviations.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('terms.noDeviation')}
          </Text>
        ) : (
          <List spacing={4} size="sm" aria-label={t('terms.deviations')}>
            {c.deviations.map((d, i) => (
              <List.Item key={i}>
                <Text span fw={600} size="sm">
                  {t(`terms.deviationKinds.${d.field}`)}
                  {d.productId ? ` (${d.productId})` : ''}:
                </Text>{' '}
                <Text span size="sm">
                  {showDeviationValue(d.field, d.before, f)} → {showDeviationValue(d.field, d.after, f)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

function termRows(baseline: Terms, terms: Terms, f: ValueFormat, changed: Set<string>): Row[] {
  const { t } = f;
  const items = (x: Terms) => x.items.map((item) => showItem(item, f)).join('\n');
  const delivery = (x: Terms) =>
    [
      x.delivery.text,
      x.delivery.days !== null && x.delivery.days !== undefined ? t('terms.days', { count: x.delivery.days }) : null,
    ]
      .filter(Boolean)
      .join(' · ') || t('terms.none');
  const any = (...fields: string[]) => fields.some((field) => changed.has(field));
  return [
    {
      key: 'items',
      label: t('terms.fields.items'),
      before: items(baseline),
      after: items(terms),
      changed: any('item_removed', 'item_added', 'item_price', 'item_quantity', 'item_description'),
    },
    {
      key: 'paymentDays',
      label: t('terms.fields.paymentDays'),
      before: t('terms.days', { count: baseline.paymentDays }),
      after: t('terms.days', { count: terms.paymentDays }),
      changed: any('payment_days'),
    },
    {
      key: 'delivery',
      label: t('terms.fields.delivery'),
      before: delivery(baseline),
      after: delivery(terms),
      changed: any('delivery_text', 'delivery_days'),
    },
    {
      key: 'discount',
      label: t('terms.fields.discountPercent'),
      before: t('terms.percent', { value: f.number(baseline.discountPercent) }),
      after: t('terms.percent', { value: f.number(terms.discountPercent) }),
      changed: any('discount_percent'),
    },
    {
      key: 'validUntil',
      label: t('terms.fields.validUntil'),
      before: f.date(baseline.validUntil),
      after: f.date(terms.validUntil),
      changed: any('valid_until'),
    },
    {
      key: 'clauses',
      label: t('terms.fields.clauses'),
      before: baseline.clauses.join('\n') || t('terms.none'),
      after: terms.clauses.join('\n') || t('terms.none'),
      changed: any('clause_added', 'clause_removed'),
    },
  ];
}
