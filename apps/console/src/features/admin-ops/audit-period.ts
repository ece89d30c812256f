/**
 * The audit filter's days (YYYY-MM-DD, as kept in the URL) as the moments the API takes: the reader's local
 * midnight starting `from`, and the midnight after `to` (the last day is included; the API excludes `to`).
 */
export function auditPeriod(fromDay?: string, toDay?: string): { from?: string; to?: string } {
  const midnight = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y, m - 1, d + plusDays).toISOString();
  };
  const valid = (day?: string): day is string => day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day);
  return {
    ...(valid(fromDay) ? { from: midnight(fromDay) } : {}),
    ...(valid(toDay) ? { to: midnight(toDay, 1) } : {}),
  };
}
