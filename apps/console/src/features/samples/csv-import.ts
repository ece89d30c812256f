// The pure part of a company import: reading the file, cutting it into batches for the JSON endpoint, and merging
// the server's per-batch reports into one report numbered by the file's rows. No React, no fetch: unit-tested.
import Papa from 'papaparse';
import type { components } from '../../api/schema.gen';

type RowResult = components['schemas']['CompanyRowResultView'];
type CompanyInput = components['schemas']['CompanyInputDto'];

/** One company of the file; `row` is its line as a spreadsheet shows it (the header is row 1). */
export interface FileCompany {
  row: number;
  name: string;
  taxId: string;
  website: string;
}

export type ParseProblem = 'empty' | 'no_name_column' | 'column_twice';

export type ParsedFile = { ok: true; companies: FileCompany[] } | { ok: false; problem: ParseProblem; column?: string };

type Column = 'name' | 'taxId' | 'website';

// The header names the server's own CSV endpoint accepts, so a file reads the same through either door.
const HEADER_ALIASES: Record<string, Column> = {
  name: 'name',
  company: 'name',
  company_name: 'name',
  tax_id: 'taxId',
  taxid: 'taxId',
  vat: 'taxId',
  vat_id: 'taxId',
  website: 'website',
  site: 'website',
  url: 'website',
  domain: 'website',
};

const headerKey = (title: string) =>
  title
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Reads a company CSV (comma, semicolon or tab separated; a BOM tolerated) with a header row naming at least
 * "name". Blank lines are skipped but keep their number, so the report points at the line the person sees.
 */
export function parseCompanyCsv(text: string): ParsedFile {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  });
  const [header, ...records] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === '')) return { ok: false, problem: 'empty' };
  const columns = new Map<Column, number>();
  for (const [position, title] of header.entries()) {
    const column = HEADER_ALIASES[headerKey(title)];
    if (column === undefined) continue;
    if (columns.has(column)) return { ok: false, problem: 'column_twice', column: title.trim() };
    columns.set(column, position);
  }
  if (!columns.has('name')) return { ok: false, problem: 'no_name_column' };
  const cell = (record: string[], column: Column) => {
    const position = columns.get(column);
    return position === undefined ? '' : (record[position] ?? '').trim();
  };
  const companies = records
    .map((record, index) => ({
      row: index + 2,
      name: cell(record, 'name'),
      taxId: cell(record, 'taxId'),
      website: cell(record, 'website'),
    }))
    .filter((c) => c.name !== '' || c.taxId !== '' || c.website !== '');
  return { ok: true, companies };
}

export const BATCH_SIZE = 200;

/** The file in batches of at most `size` companies, in file order. */
export function toBatches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  if (size < 1) throw new Error('batch size must be at least 1');
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** The JSON body's item for one company: empty optional cells are left out. */
export function toCompanyInput(company: FileCompany): CompanyInput {
  return {
    name: company.name,
    ...(company.taxId ? { taxId: company.taxId } : {}),
    ...(company.website ? { website: company.website } : {}),
  };
}

export type Outcome = 'accepted' | 'duplicate' | 'rejected';

export interface ReportReason {
  code: string;
  /** The server's sentence (English); the page shows a translation by code and falls back to it. */
  message: string;
  matchedBy?: string;
  /** For a duplicate inside the file: the file row it repeats. */
  repeatsRow?: number;
}

export interface ReportLine {
  row: number;
  name: string;
  taxId: string;
  website: string;
  outcome: Outcome;
  reasons: ReportReason[];
}

const DUPLICATE_CODES = new Set(['duplicate_in_file', 'duplicate_existing']);

/**
 * One batch's answer as report lines numbered by the file. The server numbers the rows of a JSON upload from 1 in
 * the batch (and names a repeated row by that number); both are turned back into the file's row numbers.
 */
export function mergeBatch(batch: readonly FileCompany[], results: readonly RowResult[]): ReportLine[] {
  const fileRow = (batchRow: number) => batch[batchRow - 1]?.row ?? batchRow;
  return results.map((result) => {
    const company = batch[result.row - 1];
    const reasons: ReportReason[] = (result.reasons ?? []).map((reason) => {
      const repeated =
        reason.code === 'duplicate_in_file' && reason.duplicate
          ? fileRow(Number(reason.duplicate.existingId))
          : undefined;
      return {
        code: reason.code,
        message: reason.message,
        ...(reason.duplicate ? { matchedBy: reason.duplicate.matchedBy } : {}),
        ...(repeated !== undefined && !Number.isNaN(repeated) ? { repeatsRow: repeated } : {}),
      };
    });
    const outcome: Outcome =
      result.status === 'accepted'
        ? 'accepted'
        : reasons.length > 0 && reasons.every((r) => DUPLICATE_CODES.has(r.code))
          ? 'duplicate'
          : 'rejected';
    return {
      row: company?.row ?? result.row,
      name: company?.name ?? result.company?.name ?? '',
      taxId: company?.taxId ?? '',
      website: company?.website ?? '',
      outcome,
      reasons,
    };
  });
}

/** Rows the server refused before judging them (a field too long: 400 naming `companies[i].field`). */
export function rejectedByValidation(
  batch: readonly FileCompany[],
  fields: readonly { field: string; problems?: string[] }[],
): Map<number, ReportReason[]> {
  const out = new Map<number, ReportReason[]>();
  for (const f of fields) {
    const match = /^companies[[.](\d+)/.exec(f.field);
    if (!match) continue;
    const index = Number(match[1]);
    if (!batch[index]) continue;
    const column = f.field.replace(/^companies[[.]\d+\]?\.?/, '');
    const reasons = out.get(index) ?? [];
    for (const problem of f.problems ?? [])
      reasons.push({ code: 'invalid_input', message: column ? `${column}: ${problem}` : problem });
    out.set(index, reasons);
  }
  return out;
}

export interface Totals {
  rows: number;
  accepted: number;
  duplicate: number;
  rejected: number;
}

export function totalsOf(lines: readonly ReportLine[]): Totals {
  const totals: Totals = { rows: lines.length, accepted: 0, duplicate: 0, rejected: 0 };
  for (const line of lines) totals[line.outcome] += 1;
  return totals;
}

/** What the server answered for one batch. */
export type BatchAnswer =
  | { kind: 'report'; rows: RowResult[] }
  /** 422: no company of the batch was accepted; the server's sentence and its per-row report. */
  | { kind: 'none_accepted'; message: string; rows: RowResult[] }
  /** 400: some items failed validation (named by field); nothing was stored. */
  | { kind: 'invalid'; message: string; fields: { field: string; problems?: string[] }[] };

export interface ImportResult {
  lines: ReportLine[];
  totals: Totals;
  /** The server's sentence when no row of the whole file was accepted. */
  noneAccepted?: string;
}

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Sends the companies batch after batch (in order: a later batch sees the earlier ones as already in the sample),
 * reporting progress after each, and answers the merged report. A batch that fails otherwise rejects the promise
 * with the lines so far on `partial` of the error.
 */
export async function importCompanies(
  companies: readonly FileCompany[],
  send: (items: CompanyInput[]) => Promise<BatchAnswer>,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  size = BATCH_SIZE,
): Promise<ImportResult> {
  const lines: ReportLine[] = [];
  let noneAccepted: string | undefined;
  let done = 0;
  onProgress({ done, total: companies.length });
  for (const batch of toBatches(companies, size)) {
    let answer: BatchAnswer;
    try {
      answer = await send(batch.map(toCompanyInput));
      if (answer.kind === 'invalid') {
        // Judge the rest of the batch without the rows the server refused to read.
        const refused = rejectedByValidation(batch, answer.fields);
        const refusedLines: ReportLine[] = [...refused].map(([index, reasons]) => ({
          ...batch[index],
          outcome: 'rejected',
          reasons,
        }));
        const rest = batch.filter((_, index) => !refused.has(index));
        if (refused.size === 0) throw Object.assign(new Error(answer.message), { partial: lines });
        const restAnswer: BatchAnswer = rest.length
          ? await send(rest.map(toCompanyInput))
          : { kind: 'report', rows: [] };
        if (restAnswer.kind === 'invalid') throw Object.assign(new Error(restAnswer.message), { partial: lines });
        if (restAnswer.kind === 'none_accepted') noneAccepted = restAnswer.message;
        lines.push(...[...refusedLines, ...mergeBatch(rest, restAnswer.rows)].sort((a, b) => a.row - b.row));
      } else {
        if (answer.kind === 'none_accepted') noneAccepted = answer.message;
        lines.push(...mergeBatch(batch, answer.rows));
      }
    } catch (error) {
      if (error instanceof Error && !('partial' in error)) Object.assign(error, { partial: lines });
      throw error;
    }
    done += batch.length;
    onProgress({ done, total: companies.length });
  }
  const totals = totalsOf(lines);
  return { lines, totals, ...(totals.accepted === 0 && noneAccepted ? { noneAccepted } : {}) };
}
