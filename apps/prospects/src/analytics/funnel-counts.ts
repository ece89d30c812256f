import { AnalyticsPeriod } from '@dealgate/domain';

const DAY_MS = 86_400_000;
const COLUMNS = 'unit_id, product_line_id, owner_key, stage, measure, reason, count';

const dayOf = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const nextMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));

/**
 * The funnel counts of a period (whole UTC days) as a FROM item `f`: the whole months from `funnel_monthly`, the
 * days before the first and after the last whole month from `funnel_daily`, so a year reads ~12 rows per group
 * instead of ~365. Appends its bounds to `params`; the caller adds its own conditions on `f`.
 */
export function funnelCounts(period: AnalyticsPeriod, params: unknown[]): string {
  const p = (value: Date) => {
    params.push(iso(value));
    return `$${params.length}::date`;
  };
  const from = dayOf(period.from);
  const to = dayOf(period.to);
  const firstWhole = monthStart(from).getTime() === from.getTime() ? from : nextMonth(from);
  const lastWhole = monthStart(to);
  if (firstWhole.getTime() >= lastWhole.getTime()) {
    return `(SELECT ${COLUMNS} FROM funnel_daily WHERE day >= ${p(from)} AND day < ${p(to)}) f`;
  }
  return `(SELECT ${COLUMNS} FROM funnel_monthly WHERE month >= ${p(firstWhole)} AND month < ${p(lastWhole)}
    UNION ALL
    SELECT ${COLUMNS} FROM funnel_daily
    WHERE (day >= ${p(from)} AND day < ${p(firstWhole)}) OR (day >= ${p(lastWhole)} AND day < ${p(to)})) f`;
}
