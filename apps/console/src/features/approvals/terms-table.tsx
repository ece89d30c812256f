import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import type { TermRow, TermValue } from './terms-diff';

/** One term's value in words, in the reader's language. */
export function useTermText() {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  return (value: TermValue | null): string => {
    if (value === null) return t('diff.none');
    switch (value.kind) {
      case 'money':
        return format.money(value.minor, value.currency);
      case 'number':
        return format.number(value.value);
      case 'percent':
        return `${format.number(value.value)} %`;
      case 'days':
        return t('diff.days', { count: value.value });
      case 'text':
        return value.value;
      case 'date':
        return format.date(value.value);
      case 'item':
        return t('diff.item', {
          quantity: format.number(value.item.quantity),
          price: format.money(value.item.unitPriceMinor, value.item.currency),
        });
      case 'clause':
        return t('diff.included');
    }
  };
}

/** Terms side by side, field by field; a changed row is marked in words (not by colour alone). */
export function TermsTable({
  rows,
  label,
  before,
  after,
}: {
  rows: TermRow[];
  label: string;
  before: string;
  after: string;
}) {
  const { t } = useTranslation('approvals');
  const text = useTermText();
  const cell = (row: TermRow, value: TermValue | null) =>
    row.field === 'clause' && value === null ? t('diff.absent') : text(value);
  return (
    <ScrollTable minWidth={560} label={label}>
      <Table verticalSpacing="xs" aria-label={label} data-testid="terms-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('diff.term')}</Table.Th>
            <Table.Th scope="col">{before}</Table.Th>
            <Table.Th scope="col">{after}</Table.Th>
            <Table.Th scope="col">{t('diff.changed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} bg={row.changed ? 'yellow.0' : undefined} data-changed={row.changed}>
              <Table.Th scope="row" fw={500}>
                {t(`diff.fields.${row.field}`, { subject: row.subject ?? '' })}
              </Table.Th>
              <Table.Td>
                <Text size="sm">{cell(row, row.before)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={row.changed ? 600 : undefined}>
                  {cell(row, row.after)}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.changed ? (
                  <Badge color="orange" variant="dot" c="dark.9" tt="none">
                    {t('diff.changed')}
                  </Badge>
                ) : (
                  <Text size="sm" c="gray.7">
                    {t('diff.same')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
