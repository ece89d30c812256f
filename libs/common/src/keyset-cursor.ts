import { ValidationOptions, ValidateBy } from 'class-validator';

/**
 * A keyset position in a list ordered by a timestamp, then by id: the sort key of the last row of a page. Past the
 * first page a keyset query reads from the index where the previous page stopped (no OFFSET rows skipped), and rows
 * that change between two pages are neither repeated nor skipped on their account.
 */
export interface TimeIdCursor {
  /** The row's timestamp to the microsecond, UTC (`2026-01-01T10:00:00.123456Z`): PostgreSQL's own precision. */
  at: string;
  id: string;
}

const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL that renders a timestamptz column the way a cursor holds it. */
export const cursorTimeSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The opaque text a client passes back (`?cursor=`): base64url of `[at, id]`. */
export function encodeCursor(cursor: TimeIdCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** The position in a cursor, or null when it is not one this API made (malformed, or a date that does not exist). */
export function decodeCursor(text: string): TimeIdCursor | null {
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !MICROSECOND_UTC.test(at) || !UUID.test(id)) return null;
  // 2026-02-31 matches the pattern; a real date survives the round trip (the microseconds are not Date's business).
  const parsed = new Date(`${at.slice(0, 19)}Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 19) !== at.slice(0, 19)) return null;
  return { at, id };
}

/** A `cursor` query parameter: one `encodeCursor` made, and not together with a non-zero `offset`. */
export function IsListCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isListCursor',
      validator: {
        validate: (value, args) =>
          typeof value === 'string' &&
          decodeCursor(value) !== null &&
          !((args?.object as { offset?: number } | undefined)?.offset ?? 0),
        defaultMessage: () =>
          '$property must be the nextCursor of a previous page (and cannot be combined with a non-zero offset)',
      },
    },
    options,
  );
}
