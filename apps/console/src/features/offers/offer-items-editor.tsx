import { Button, Group, MultiSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { FieldChecks, ItemDraft, newItem, num } from './offer-draft';

interface Props extends FieldChecks {
  items: ItemDraft[];
  currency: string;
  /** The brief's needs an item can answer. */
  needs: { value: string; label: string }[];
  onChange: (items: ItemDraft[]) => void;
}

/** The offer's lines: product, description, quantity, unit price, the needs each answers; add and remove. */
export function OfferItemsEditor({ items, currency, needs, onChange, missing, fieldError }: Props) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const setItem = (index: number, patch: Partial<ItemDraft>) =>
    onChange(items.map((i, n) => (n === index ? { ...i, ...patch } : i)));
  const decimals = currency === 'HUF' ? 0 : 2;
  return (
    <>
      <Title order={3} size="h5">
        {t('items.title')}
      </Title>
      {items.map((item, index) => {
        const line = num(item.quantity) * Math.round(num(item.unitPrice) * 100);
        return (
          <Paper
            key={index}
            withBorder
            p="sm"
            radius="sm"
            component="fieldset"
            aria-label={t('items.item', { n: index + 1 })}
          >
            <Stack gap="xs">
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('items.product')}
                  required
                  value={item.productId}
                  onChange={(e) => setItem(index, { productId: e.currentTarget.value })}
                  error={missing(item.productId.trim()) ?? fieldError(`items.${index}.productId`)}
                  miw={140}
                />
                <TextInput
                  label={t('items.description')}
                  required
                  value={item.description}
                  onChange={(e) => setItem(index, { description: e.currentTarget.value })}
                  error={missing(item.description.trim()) ?? fieldError(`items.${index}.description`)}
                  miw={200}
                />
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <NumberInput
                  label={t('items.quantity')}
                  required
                  min={0}
                  decimalScale={4}
                  value={item.quantity}
                  onChange={(value) => setItem(index, { quantity: value })}
                  error={missing(item.quantity) ?? fieldError(`items.${index}.quantity`)}
                  miw={100}
                />
                <NumberInput
                  label={t('items.unitPrice', { currency })}
                  required
                  min={0}
                  decimalScale={decimals}
                  thousandSeparator=" "
                  value={item.unitPrice}
                  onChange={(value) => setItem(index, { unitPrice: value })}
                  error={missing(item.unitPrice) ?? fieldError(`items.${index}.unitPriceMinor`)}
                  miw={140}
                />
              </Group>
              <MultiSelect
                searchable
                label={t('items.needs')}
                data={needs}
                value={item.needIds}
                onChange={(value) => setItem(index, { needIds: value })}
                error={fieldError(`items.${index}.needIds`)}
              />
              <Group justify="space-between">
                <Text size="sm" c="gray.7">
                  {t('items.lineTotal', { amount: Number.isFinite(line) ? f.money(line, currency) : '–' })}
                </Text>
                {items.length > 1 ? (
                  <Button
                    variant="subtle"
                    color="red.8"
                    size="xs"
                    onClick={() => onChange(items.filter((_, n) => n !== index))}
                  >
                    {t('items.remove', { n: index + 1 })}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...items, newItem()])}>
          {t('items.add')}
        </Button>
      </Group>
    </>
  );
}
