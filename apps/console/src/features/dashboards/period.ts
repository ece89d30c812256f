// The dashboards' period and filters as URL search params, so a view can be shared:
// ?period=month&month=2026-12 | ?period=quarter&quarter=2026-Q4 | ?period=custom&from=2026-10-05&to=2026-11-20
// (`to` is the last day shown, included); &unit=&salesperson=&line= narrow the figures.

export type PeriodKind = 'month' | 'quarter' | 'custom';
export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'custom'];

/** Whole UTC days: `from` included, `to` excluded (as the API takes them). */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

export interface DashboardFilters {
  unitId?: string;
  salespersonId?: string;
  productLineId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month0: number, day = 1) => new Date(Date.UTC(year, month0, day));
const isDay = (value: string | null): value is string =>
  !!value && DAY.test(value) && iso(new Date(`${value}T00:00:00Z`)) === value;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

export function monthPeriod(month: string): Period {
  const [, y, m] = MONTH.exec(month)!;
  return { kind: 'month', from: iso(utc(+y, +m - 1)), to: iso(utc(+y, +m)) };
}

export function quarterPeriod(quarter: string): Period {
  const [, y, q] = QUARTER.exec(quarter)!;
  return { kind: 'quarter', from: iso(utc(+y, (+q - 1) * 3)), to: iso(utc(+y, +q * 3)) };
}

export const monthOf = (day: string) => day.slice(0, 7);
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((+day.slice(5, 7) - 1) / 3) + 1}`;

/** The period a URL names; anything missing or malformed falls back to the current month. */
export function parsePeriod(params: URLSearchParams, today = new Date()): Period {
  const kind = params.get('period');
  const month = params.get('month');
  const quarter = params.get('quarter');
  const from = params.get('from');
  const to = params.get('to');
  if (kind === 'quarter' && quarter && QUARTER.test(quarter)) return quarterPeriod(quarter);
  if (kind === 'custom' && isDay(from) && isDay(to) && from <= to) return { kind, from, to: addDays(to, 1) };
  if (kind !== 'quarter' && kind !== 'custom' && month && MONTH.test(month)) return monthPeriod(month);
  return monthPeriod(monthOf(iso(today)));
}

/** The URL params of a period (the inverse of parsePeriod). */
export function periodParams(period: Period): Record<string, string> {
  switch (period.kind) {
    case 'month':
      return { period: 'month', month: monthOf(period.from) };
    case 'quarter':
      return { period: 'quarter', quarter: quarterOf(period.from) };
    case 'custom':
      return { period: 'custom', from: period.from, to: addDays(period.to, -1) };
    default: {
      const never: never = period.kind;
      return never;
    }
  }
}

export function parseFilters(params: URLSearchParams): DashboardFilters {
  const id = (name: string) => {
    const value = params.get(name);
    return value && UUID.test(value) ? value : undefined;
  };
  return { unitId: id('unit'), salespersonId: id('salesperson'), productLineId: id('line') };
}

/** Writes the period and filters into the params, keeping the others (the tab); empty filters are left out. */
export function withView(params: URLSearchParams, period: Period, filters: DashboardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of ['period', 'month', 'quarter', 'from', 'to', 'unit', 'salesperson', 'line']) next.delete(name);
  for (const [name, value] of Object.entries(periodParams(period))) next.set(name, value);
  if (filters.unitId) next.set('unit', filters.unitId);
  if (filters.salespersonId) next.set('salesperson', filters.salespersonId);
  if (filters.productLineId) next.set('line', filters.productLineId);
  return next;
}

/** The calendar months a period touches (plans, norms and cohorts are monthly), first to last, YYYY-MM. */
export function monthsOf(period: Period): string[] {
  const last = monthOf(addDays(period.to, -1));
  const months: string[] = [];
  for (let month = monthOf(period.from); month <= last && months.length < 36;) {
    months.push(month);
    const [y, m] = month.split('-').map(Number);
    month = monthOf(iso(utc(y, m)));
  }
  return months;
}

/** Whether the period is exactly whole months (then plan and fact cover the same days). */
export function isWholeMonths(period: Period): boolean {
  const months = monthsOf(period);
  return period.from === `${months[0]}-01` && period.to === monthPeriod(months[months.length - 1]).to;
}

/** The API's scope params of the filters (a sales head's unit is the server's to decide). */
export function scopeQuery(filters: DashboardFilters) {
  return {
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.salespersonId ? { salespersonId: filters.salespersonId } : {}),
    ...(filters.productLineId ? { productLineId: filters.productLineId } : {}),
  };
}
