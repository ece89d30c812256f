import { createHash } from 'node:crypto';
import { Client } from 'pg';

// Every row of every table of one schema, read back as text, to tell whether migrations run on a filled database
// kept its rows: each table's digest (row count, md5 of the rows in primary key order) is taken before and after,
// over the columns that were there before, so a column a later migration adds is no difference, a dropped one is.

export interface TableRows {
  /** The primary key's columns, in key order: rows are read, and told apart, by it. */
  key: string[];
  columns: string[];
  /** Each row's column values as PostgreSQL prints them (null for NULL), by the text of its key, in key order. */
  rows: Map<string, (string | null)[]>;
}
export type SchemaRows = Record<string, TableRows>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads all rows of every table of the schema. A table without a primary key is refused: rows have no order. */
export async function readSchemaRows(url: string, schema: string): Promise<SchemaRows> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ table: string; columns: string[]; key: string[] | null }>(
        `SELECT c.relname AS table,
           (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
             CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS key
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`,
        [schema],
      )
    ).rows;
    const read: SchemaRows = {};
    for (const { table, columns, key } of tables) {
      if (!key) throw new Error(`${schema}.${table} has no primary key: its rows cannot be compared in order`);
      const text = (names: string[]) => `ARRAY[${names.map((name) => `${quote(name)}::text`).join(', ')}]`;
      const result = await client.query<{ k: (string | null)[]; v: (string | null)[] }>(
        `SELECT ${text(key)} AS k, ${text(columns)} AS v FROM ${quote(schema)}.${quote(table)}
         ORDER BY ${key.map(quote).join(', ')}`,
      );
      read[table] = { key, columns, rows: new Map(result.rows.map((row) => [JSON.stringify(row.k), row.v])) };
    }
    return read;
  } finally {
    await client.end();
  }
}

/** One row's values in the given columns (a column the table no longer has reads as absent). */
function project(table: TableRows, values: (string | null)[], columns: string[]): (string | null | undefined)[] {
  return columns.map((column) => {
    const at = table.columns.indexOf(column);
    return at < 0 ? undefined : values[at];
  });
}

/** A table's digest over the given columns: its row count and the md5 of its rows in primary key order. */
export function tableDigest(table: TableRows, columns = table.columns): { rows: number; md5: string } {
  const hash = createHash('md5');
  for (const [key, values] of table.rows) hash.update(`${JSON.stringify([key, project(table, values, columns)])}\n`);
  return { rows: table.rows.size, md5: hash.digest('hex') };
}

/**
 * What the after state lost or changed of the before state, one line per table that differs, naming the rows (by
 * key) and columns. Rows added after are a difference only when `rowsMayBeAdded` is false (nothing ran in between).
 */
export function rowDifferences(before: SchemaRows, after: SchemaRows, rowsMayBeAdded: boolean): string[] {
  const lines: string[] = [];
  const some = (keys: string[]) => keys.slice(0, 5).join(' ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '');
  for (const [name, old] of Object.entries(before)) {
    const now = after[name];
    if (!now) {
      lines.push(`${name}: table gone, it had ${old.rows.size} rows`);
      continue;
    }
    const was = tableDigest(old);
    const is = tableDigest(now, old.columns);
    const gone = old.columns.filter((column) => !now.columns.includes(column));
    const lost = [...old.rows.keys()].filter((key) => !now.rows.has(key));
    const added = [...now.rows.keys()].filter((key) => !old.rows.has(key));
    const changed = [...old.rows.entries()].flatMap(([key, values]) => {
      const current = now.rows.get(key);
      if (!current) return [];
      const differing = old.columns.filter(
        (column, at) => !gone.includes(column) && project(now, current, [column])[0] !== values[at],
      );
      return differing.length ? [`${key} (${differing.join(', ')})`] : [];
    });
    if (was.md5 === is.md5 && was.rows === is.rows) continue;
    if (!gone.length && !lost.length && !changed.length && rowsMayBeAdded) continue;
    const detail = [
      gone.length ? `columns gone: ${gone.join(', ')}` : '',
      lost.length ? `rows lost: ${some(lost)}` : '',
      changed.length ? `rows changed: ${some(changed)}` : '',
      added.length ? `rows added: ${some(added)}` : '',
    ].filter(Boolean);
    lines.push(
      `${name}: ${was.rows} rows (md5 ${was.md5}) before, ${is.rows} rows (md5 ${is.md5}) after; ${detail.join('; ')}`,
    );
  }
  return lines;
}
