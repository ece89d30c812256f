import { monthKeyOf } from '../analytics/period';

/** A period the forecast answers for: a calendar month, the next three months, or a calendar quarter. */
export interface ForecastPeriod {
  readonly key: string;
  readonly kind: 'month' | 'next_3_months' | 'quarter';
  readonly from: Date;
  readonly to: Date;
}

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const monthKey = monthKeyOf;

/**
 * `months` calendar months from the one holding `asOf` (the first counted from `asOf`), the three months from
 * `asOf`, and the calendar quarter that starts at or after `asOf` (UTC).
 */
export function forecastPeriods(asOf: Date, months: number): ForecastPeriod[] {
  const [y, m] = [asOf.getUTCFullYear(), asOf.getUTCMonth()];
  const periods: ForecastPeriod[] = [];
  for (let i = 0; i < months; i++) {
    const start = monthStart(y, m + i);
    periods.push({ key: monthKey(start), kind: 'month', from: i === 0 ? asOf : start, to: monthStart(y, m + i + 1) });
  }
  const to3 = new Date(asOf);
  to3.setUTCMonth(to3.getUTCMonth() + 3);
  periods.push({ key: 'next_3_months', kind: 'next_3_months', from: asOf, to: to3 });
  const atQuarterStart = m % 3 === 0 && asOf.getTime() === monthStart(y, m).getTime();
  const startMonth = atQuarterStart ? m : Math.floor(m / 3) * 3 + 3;
  const qFrom = monthStart(y, startMonth);
  const qTo = monthStart(y, startMonth + 3);
  periods.push({
    key: `${qFrom.getUTCFullYear()}-Q${Math.floor(qFrom.getUTCMonth() / 3) + 1}`,
    kind: 'quarter',
    from: qFrom,
    to: qTo,
  });
  return periods;
}

/** How many calendar months from the one holding `asOf` reach the end of the next calendar quarter (at least 3). */
export function monthsThroughNextQuarter(asOf: Date): number {
  const quarter = forecastPeriods(asOf, 1).find((p) => p.kind === 'quarter')!;
  const last = new Date(quarter.to.getTime() - 1);
  const span = (last.getUTCFullYear() - asOf.getUTCFullYear()) * 12 + last.getUTCMonth() - asOf.getUTCMonth() + 1;
  return Math.max(3, span);
}

/** The calendar months (YYYY-MM, UTC) a period touches, first to last: plans are entered per month. */
export function periodMonths(p: ForecastPeriod): string[] {
  const out: string[] = [];
  for (const d = new Date(p.from); d < p.to; d.setUTCMonth(d.getUTCMonth() + 1, 1)) out.push(monthKey(d));
  return out;
}
