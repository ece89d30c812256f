import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Brief, Offer } from '../prospects/queries';

/** A version as sent: its lines with the needs they answer, its terms and the server's total. */
export function OfferSummary({ offer, brief }: { offer: Offer; brief: Brief | null }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const needText = (id: string) => brief?.needs.find((n) => n.id === id)?.text ?? id;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('items.description')}</Table.Th>
              <Table.Th>{t('items.needs')}</Table.Th>
              <Table.Th ta="right">{t('items.quantity')}</Table.Th>
              <Table.Th ta="right">{t('items.unitPrice', { currency: offer.currency })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offer.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.description}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {item.productId}
                  </Text>
                </Table.Td>
                <Table.Td>{item.needIds.map(needText).join('; ')}</Table.Td>
                <Table.Td ta="right">{f.number(item.quantity)}</Table.Td>
                <Table.Td ta="right">{f.money(item.unitPriceMinor, item.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="lg" wrap="wrap">
        <Text size="sm">{t('terms.payment', { count: offer.paymentDays })}</Text>
        {offer.delivery.text ? <Text size="sm">{t('terms.delivery', { text: offer.delivery.text })}</Text> : null}
        {offer.delivery.days !== null ? (
          <Text size="sm">{t('terms.deliveryDays', { count: offer.delivery.days })}</Text>
        ) : null}
        <Text size="sm">{t('terms.discount', { percent: f.number(offer.discountPercent) })}</Text>
        <Text size="sm">{t('terms.valid', { date: f.date(offer.validUntil) })}</Text>
      </Group>
      <Text fw={700}>{t('total', { amount: f.money(offer.totalMinor, offer.currency) })}</Text>
    </Stack>
  );
}
