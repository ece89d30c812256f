// The offer form's draft (what the inputs hold) and the terms it sends: the inputs keep '' for an empty number so a
// cleared field stays cleared; the server judges the numbers.
import dayjs from 'dayjs';
import type { Offer } from '../prospects/queries';

export const CURRENCIES = ['HUF', 'EUR'] as const;

export interface ItemDraft {
  productId: string;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  needIds: string[];
}

export interface Draft {
  currency: string;
  items: ItemDraft[];
  paymentDays: number | string;
  deliveryText: string;
  deliveryDays: number | string;
  discountPercent: number | string;
  validUntil: string | null;
}

/** A field's server problems (shown next to it) and the "required" mark once the person tried to save. */
export interface FieldChecks {
  missing: (value: unknown) => string | undefined;
  fieldError: (field: string) => string | undefined;
}

export const newItem = (): ItemDraft => ({ productId: '', description: '', quantity: 1, unitPrice: '', needIds: [] });

export const num = (value: number | string) => (value === '' ? NaN : Number(value));

export function draftOf(offer: Offer | null): Draft {
  if (!offer)
    return {
      currency: 'HUF',
      items: [newItem()],
      paymentDays: 30,
      deliveryText: '',
      deliveryDays: '',
      discountPercent: 0,
      validUntil: dayjs().add(30, 'day').format('YYYY-MM-DD'),
    };
  return {
    currency: offer.currency,
    items: offer.items.map((i) => ({
      productId: i.productId,
      description: i.description,
      quantity: i.quantity,
      unitPrice: i.unitPriceMinor / 100,
      needIds: i.needIds,
    })),
    paymentDays: offer.paymentDays,
    deliveryText: offer.delivery.text ?? '',
    deliveryDays: offer.delivery.days ?? '',
    discountPercent: offer.discountPercent,
    validUntil: offer.validUntil,
  };
}

/** Every required input has something in it (the server checks the rest). */
export function isComplete(d: Draft): boolean {
  return (
    d.items.every((i) => i.productId.trim() && i.description.trim() && i.quantity !== '' && i.unitPrice !== '') &&
    d.paymentDays !== '' &&
    d.discountPercent !== '' &&
    !!d.validUntil
  );
}

export function termsOf(d: Draft) {
  return {
    items: d.items.map((i) => ({
      productId: i.productId.trim(),
      description: i.description.trim(),
      quantity: num(i.quantity),
      unitPriceMinor: Math.round(num(i.unitPrice) * 100),
      currency: d.currency,
      needIds: i.needIds,
    })),
    paymentDays: num(d.paymentDays),
    delivery: {
      text: d.deliveryText.trim() || undefined,
      days: d.deliveryDays === '' ? undefined : num(d.deliveryDays),
    },
    discountPercent: num(d.discountPercent),
    validUntil: d.validUntil ?? '',
  };
}
