import { AnalyticsError, AnalyticsErrorCode, assertValidDate } from './analytics-error';

/** A calendar month in UTC, written `YYYY-MM`. */
export type MonthKey = string;

/** A half-open time range `[from, to)`: `to` itself is outside, so adjacent periods never overlap. */
export interface AnalyticsPeriod {
  readonly from: Date;
  readonly to: Date;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

function parseMonthKey(key: MonthKey): { year: number; monthIndex: number } {
  const match = MONTH_KEY.exec(key);
  if (!match) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidPeriod, `"${key}" is not a month in the form YYYY-MM.`, {
      key,
    });
  }
  return { year: Number(match[1]), monthIndex: Number(match[2]) - 1 };
}

function keyFromParts(year: number, monthIndex: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}`;
}

/** The UTC month of an instant: the server's time zone never changes a report. */
export function monthKeyOf(date: Date): MonthKey {
  assertValidDate(date, 'date');
  return keyFromParts(date.getUTCFullYear(), date.getUTCMonth());
}

/** First instant (UTC) of a month. */
export function monthKeyStart(key: MonthKey): Date {
  const { year, monthIndex } = parseMonthKey(key);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, monthIndex, 1);
  return date;
}

/** The month `count` months after `key` (negative goes back). */
export function addMonthsToKey(key: MonthKey, count: number): MonthKey {
  if (!Number.isInteger(count)) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidPeriod, 'A month offset must be a whole number.', { count });
  }
  const { year, monthIndex } = parseMonthKey(key);
  const total = year * 12 + monthIndex + count;
  return keyFromParts(Math.floor(total / 12), ((total % 12) + 12) % 12);
}

/** Every month from `fromKey` to `toKey`, both included; empty when `toKey` is before `fromKey`. */
export function monthKeysBetween(fromKey: MonthKey, toKey: MonthKey): MonthKey[] {
  const from = parseMonthKey(fromKey);
  const to = parseMonthKey(toKey);
  const count = to.year * 12 + to.monthIndex - (from.year * 12 + from.monthIndex) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonthsToKey(fromKey, i));
}

export function assertAnalyticsPeriod(period: AnalyticsPeriod): void {
  assertValidDate(period.from, 'period start');
  assertValidDate(period.to, 'period end');
  if (period.to.getTime() < period.from.getTime()) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidPeriod, 'A period cannot end before it starts.', {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    });
  }
}

/** The whole calendar month `key` as a period. */
export function monthPeriod(key: MonthKey): AnalyticsPeriod {
  return { from: monthKeyStart(key), to: monthKeyStart(addMonthsToKey(key, 1)) };
}

/** Months `fromKey` to `toKey`, both included, as one period. */
export function monthsPeriod(fromKey: MonthKey, toKey: MonthKey): AnalyticsPeriod {
  const period = { from: monthKeyStart(fromKey), to: monthKeyStart(addMonthsToKey(toKey, 1)) };
  assertAnalyticsPeriod(period);
  return period;
}

export function isInPeriod(date: Date, period: AnalyticsPeriod): boolean {
  const time = date.getTime();
  return time >= period.from.getTime() && time < period.to.getTime();
}

/** The months a period touches, in order; an empty period touches none. */
export function periodMonthKeys(period: AnalyticsPeriod): MonthKey[] {
  assertAnalyticsPeriod(period);
  if (period.to.getTime() === period.from.getTime()) return [];
  // `to` is excluded, so the last month touched is the month of the instant just before it.
  return monthKeysBetween(monthKeyOf(period.from), monthKeyOf(new Date(period.to.getTime() - 1)));
}

/**
 * Length of a period in months: whole calendar months count 1 each, a partial month counts the share of
 * that month's milliseconds it covers (so 1-15 June = 0.5). Norms per month are scaled by this.
 */
export function periodMonthCount(period: AnalyticsPeriod): number {
  let months = 0;
  for (const key of periodMonthKeys(period)) {
    const month = monthPeriod(key);
    const start = Math.max(month.from.getTime(), period.from.getTime());
    const end = Math.min(month.to.getTime(), period.to.getTime());
    months += (end - start) / (month.to.getTime() - month.from.getTime());
  }
  return months;
}
