import { ALL_SERVICES } from '@dealgate/messages';
import { queryOnce } from '@dealgate/testing';

/** Row count of every table in the five service schemas, as `schema.table -> n`. */
export async function rowCounts(dbUrl: string): Promise<Record<string, number>> {
  const tables = await queryOnce<{ name: string }>(
    dbUrl,
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1`,
    [[...ALL_SERVICES]],
  );
  if (!tables.length) return {};
  const rows = await queryOnce<{ name: string; n: number }>(
    dbUrl,
    tables.map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM ${t.name}`).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** The tables whose counts differ between two snapshots. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}
