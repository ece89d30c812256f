/** A value a CSV cell can hold. `null`/`undefined` become an empty cell; dates are written in ISO 8601 (UTC). */
export type AnalyticsCsvValue = string | number | boolean | Date | null | undefined;

export interface AnalyticsCsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => AnalyticsCsvValue;
}

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes text a spreadsheet would run as a formula with an apostrophe, so it shows as text. */
export function neutraliseCsvFormula(text: string): string {
  return FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger)) ? `'${text}` : text;
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with inner quotes doubled. */
export function escapeCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: AnalyticsCsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  // Numbers are written as is: a number cannot carry a formula, and a variance of -3 must stay a number.
  // NaN/Infinity never come out of these formulas; an empty cell is safer than the word "NaN".
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseCsvFormula(value);
}

/**
 * RFC 4180 CSV: a header row, then one record per row, every record ending with CRLF. Text cells (headers
 * included) are neutralised against formula injection. The caller adds a UTF-8 BOM if Excel needs one.
 */
export function analyticsToCsv<Row>(columns: readonly AnalyticsCsvColumn<Row>[], rows: readonly Row[]): string {
  const line = (cells: readonly AnalyticsCsvValue[]): string =>
    `${cells.map((cell) => escapeCsvField(cellText(cell))).join(',')}\r\n`;
  return [
    line(columns.map((column) => column.header)),
    ...rows.map((row) => line(columns.map((c) => c.value(row)))),
  ].join('');
}
