import { funnelError, FunnelErrorCode } from './funnel-error';

/**
 * A small RFC 4180 parser: comma-separated fields, fields in double quotes may hold commas, line breaks and
 * doubled quotes (""). Accepts CRLF, LF or CR line ends and a leading byte-order mark; a final line end does not
 * make an extra row. A quote inside an unquoted field is kept as text (spreadsheets write `5" pipe` that way).
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let fieldStarted = false;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < input.length) {
    const char = input[i];
    if (char === '"' && !fieldStarted) {
      const end = readQuoted(input, i, rows.length + 1);
      field = end.value;
      i = end.next;
      fieldStarted = true;
      const after = input[i];
      if (after !== undefined && after !== delimiter && after !== '\r' && after !== '\n') {
        throw funnelError(
          FunnelErrorCode.CsvMalformed,
          `CSV row ${rows.length + 1}: a quoted field must end at a comma or the end of the line.`,
          { row: rows.length + 1 },
        );
      }
      continue;
    }
    if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && input[i + 1] === '\n') {
        i += 1;
      }
    } else {
      field += char;
      fieldStarted = true;
    }
    i += 1;
  }
  // The last line has no line end, or the text ended right after a delimiter.
  if (fieldStarted || row.length > 0) {
    endRow();
  }
  return rows;
}

function readQuoted(input: string, start: number, rowNumber: number): { value: string; next: number } {
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    if (input[i] === '"') {
      if (input[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { value, next: i + 1 };
    }
    value += input[i];
    i += 1;
  }
  throw funnelError(FunnelErrorCode.CsvMalformed, `CSV row ${rowNumber}: a quoted field is never closed.`, {
    row: rowNumber,
  });
}
