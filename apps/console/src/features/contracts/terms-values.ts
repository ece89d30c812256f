// How a value of the terms reads (money through Intl, days and percent through the catalogue). Pure, so the case
// page and its tests word a deviation's before/after the same way.
import type { TFunction } from 'i18next';

export interface ValueFormat {
  t: TFunction;
  money: (minor: number, currency: string) => string;
  number: (value: number) => string;
  date: (iso: string) => string;
}

interface ItemLike {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isItem = (v: unknown): v is ItemLike => isObject(v) && 'unitPriceMinor' in v && 'description' in v;
const isMoney = (v: unknown): v is { amountMinor: number; currency: string } => isObject(v) && 'amountMinor' in v;

/** One value of a deviation (`field` says what it is) in words; `—` for none. */
export function showDeviationValue(field: string, value: unknown, f: ValueFormat): string {
  if (value === null || value === undefined) return f.t('terms.none');
  if (isItem(value)) return showItem(value, f);
  if (isMoney(value)) return f.money(value.amountMinor, value.currency);
  if (typeof value === 'number') {
    if (field === 'payment_days' || field === 'delivery_days') return f.t('terms.days', { count: value });
    if (field === 'discount_percent') return f.t('terms.percent', { value: f.number(value) });
    return f.number(value);
  }
  if (typeof value === 'string') return field === 'valid_until' ? f.date(value) : value;
  return JSON.stringify(value);
}

export function showItem(item: ItemLike, f: ValueFormat): string {
  return f.t('terms.itemLine', {
    quantity: f.number(item.quantity),
    description: item.description,
    price: f.money(item.unitPriceMinor, item.currency),
  });
}
