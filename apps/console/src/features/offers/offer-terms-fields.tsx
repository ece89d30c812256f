import { Group, NumberInput, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Draft, FieldChecks } from './offer-draft';

type Terms = Pick<Draft, 'paymentDays' | 'discountPercent' | 'validUntil' | 'deliveryText' | 'deliveryDays'>;

interface Props extends FieldChecks {
  terms: Terms;
  onChange: (patch: Partial<Terms>) => void;
}

/** The offer's terms beside its lines: payment days, discount, validity, delivery. */
export function OfferTermsFields({ terms, onChange, missing, fieldError }: Props) {
  const { t } = useTranslation('offers');
  return (
    <>
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput
          label={t('paymentDays')}
          required
          min={0}
          max={3650}
          decimalScale={0}
          value={terms.paymentDays}
          onChange={(value) => onChange({ paymentDays: value })}
          error={missing(terms.paymentDays) ?? fieldError('paymentDays')}
          miw={140}
        />
        <NumberInput
          label={t('discount')}
          required
          min={0}
          max={100}
          decimalScale={2}
          value={terms.discountPercent}
          onChange={(value) => onChange({ discountPercent: value })}
          error={missing(terms.discountPercent) ?? fieldError('discountPercent')}
          miw={140}
        />
        <DateInput
          label={t('validUntil')}
          required
          valueFormat="YYYY-MM-DD"
          value={terms.validUntil}
          onChange={(value) => onChange({ validUntil: value })}
          error={missing(terms.validUntil) ?? fieldError('validUntil')}
          miw={160}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('deliveryText')}
          value={terms.deliveryText}
          onChange={(e) => onChange({ deliveryText: e.currentTarget.value })}
          error={fieldError('delivery.text')}
          miw={200}
        />
        <NumberInput
          label={t('deliveryDays')}
          min={0}
          decimalScale={0}
          value={terms.deliveryDays}
          onChange={(value) => onChange({ deliveryDays: value })}
          error={fieldError('delivery.days')}
          miw={140}
        />
      </Group>
    </>
  );
}
