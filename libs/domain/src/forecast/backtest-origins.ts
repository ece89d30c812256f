/** Days of log a backtest origin needs before it: the inflow window of the forecast. */
export const MIN_HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The latest `count` monthly origins (first of a month, UTC) whose next three months are over by `asOf`, oldest
 * first, keeping only those with at least `minHistoryDays` of log before them (`logStart`: the first move; `null`
 * for an empty log gives none).
 */
export function recentBacktestOrigins(
  asOf: Date,
  count: number,
  logStart: Date | null,
  minHistoryDays = MIN_HISTORY_DAYS,
): Date[] {
  if (logStart === null) return [];
  const origins: Date[] = [];
  const latest = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 3, 1);
  for (let i = count - 1; i >= 0; i--) {
    const latestDate = new Date(latest);
    const origin = new Date(Date.UTC(latestDate.getUTCFullYear(), latestDate.getUTCMonth() - i, 1));
    if (origin.getTime() - logStart.getTime() >= minHistoryDays * DAY_MS) origins.push(origin);
  }
  return origins;
}
