import {
  addToCompanyKeyIndex,
  buildCompanyKeyIndex,
  CompanyDuplicate,
  CompanyKeys,
  companyKeys,
  findCompanyDuplicate,
  isTaxIdFormatValid,
  normaliseTaxId,
  normaliseWebsiteDomain,
} from './company-key';
import { parseCsv } from './csv';
import { funnelError, FunnelErrorCode } from './funnel-error';

/** One company submitted for a sample (a CSV row or a JSON item). `row` is what the user sees in the report. */
export interface CompanyRowInput {
  readonly row: number;
  readonly name?: string | null;
  readonly taxId?: string | null;
  readonly website?: string | null;
}

/** Why a row was rejected. Values are sent on the wire: never rename. */
export enum CompanyRowProblem {
  NameRequired = 'name_required',
  TaxIdInvalid = 'tax_id_invalid',
  WebsiteInvalid = 'website_invalid',
  DuplicateInFile = 'duplicate_in_file',
  DuplicateExisting = 'duplicate_existing',
}

export interface CompanyRowRejection {
  readonly code: CompanyRowProblem;
  readonly message: string;
  readonly duplicate?: CompanyDuplicate;
}

export interface AcceptedCompany {
  readonly name: string;
  readonly taxId: string | null;
  readonly website: string | null;
  readonly keys: CompanyKeys;
}

export type CompanyRowResult =
  | { readonly row: number; readonly status: 'accepted'; readonly company: AcceptedCompany }
  | { readonly row: number; readonly status: 'rejected'; readonly reasons: CompanyRowRejection[] };

const MATCH_LABELS: Record<CompanyDuplicate['matchedBy'], string> = {
  tax_id: 'tax id',
  domain: 'website domain',
  name: 'company name',
};

/**
 * Accepts or rejects each row with every reason at once, so the user fixes the file in one go. Duplicates are
 * found against existing companies and against earlier accepted rows of the same upload.
 */
export function validateCompanyRows(
  rows: readonly CompanyRowInput[],
  existing: readonly { readonly id: string; readonly keys: CompanyKeys }[],
): CompanyRowResult[] {
  const existingIndex = buildCompanyKeyIndex(existing);
  const fileIndex = buildCompanyKeyIndex([]);
  return rows.map((input) => {
    const name = input.name?.trim() ?? '';
    const taxId = input.taxId?.trim() ?? '';
    const website = input.website?.trim() ?? '';
    const reasons: CompanyRowRejection[] = [];
    if (name.length === 0) {
      reasons.push({ code: CompanyRowProblem.NameRequired, message: 'The company name is required.' });
    }
    if (taxId.length > 0 && !isTaxIdFormatValid(taxId)) {
      reasons.push({
        code: CompanyRowProblem.TaxIdInvalid,
        message: `"${taxId}" does not look like a tax id (5 to 20 letters and digits, at least 5 digits).`,
      });
    }
    if (website.length > 0 && normaliseWebsiteDomain(website) === null) {
      reasons.push({ code: CompanyRowProblem.WebsiteInvalid, message: `"${website}" is not a website address.` });
    }
    if (reasons.length > 0) {
      return { row: input.row, status: 'rejected', reasons };
    }
    const keys = companyKeys({ name, taxId, website });
    const known = findCompanyDuplicate(keys, existingIndex);
    if (known) {
      reasons.push({
        code: CompanyRowProblem.DuplicateExisting,
        message: `The company is already in the funnel (same ${MATCH_LABELS[known.matchedBy]}).`,
        duplicate: known,
      });
    }
    const earlier = known ? null : findCompanyDuplicate(keys, fileIndex);
    if (earlier) {
      reasons.push({
        code: CompanyRowProblem.DuplicateInFile,
        message: `The company repeats row ${earlier.existingId} (same ${MATCH_LABELS[earlier.matchedBy]}).`,
        duplicate: earlier,
      });
    }
    if (reasons.length > 0) {
      return { row: input.row, status: 'rejected', reasons };
    }
    addToCompanyKeyIndex(fileIndex, String(input.row), keys);
    const company: AcceptedCompany = {
      name,
      taxId: taxId.length > 0 ? normaliseTaxId(taxId) : null,
      website: website.length > 0 ? website : null,
      keys,
    };
    return { row: input.row, status: 'accepted', company };
  });
}

/**
 * An upload that would add no company is refused as a whole (422), with the per-row report in the error: every
 * rejected row becomes a field (named by `fieldOf`, e.g. `companies[0]` for JSON, `row 3` for a CSV file).
 */
export function assertSomeCompanyAccepted(
  results: readonly CompanyRowResult[],
  fieldOf: (row: number) => string,
): void {
  if (results.some((r) => r.status === 'accepted')) return;
  const fields = results.flatMap((r) =>
    r.status === 'rejected' ? [{ field: fieldOf(r.row), problems: r.reasons.map((reason) => reason.message) }] : [],
  );
  throw funnelError(
    FunnelErrorCode.NoCompanyAccepted,
    results.length === 0
      ? 'The upload holds no company.'
      : `None of the ${results.length} companies was accepted; fix the rows listed and upload again.`,
    { fields, rows: results },
  );
}

type CompanyColumn = 'name' | 'taxId' | 'website';

// Header names people actually use; compared after lower-casing and turning spaces and hyphens into "_".
const HEADER_ALIASES: Record<string, CompanyColumn> = {
  name: 'name',
  company: 'name',
  company_name: 'name',
  tax_id: 'taxId',
  taxid: 'taxId',
  inn: 'taxId',
  vat: 'taxId',
  vat_id: 'taxId',
  website: 'website',
  site: 'website',
  url: 'website',
  domain: 'website',
};

/**
 * Reads a company CSV with a header row into rows for `validateCompanyRows`. Rows are numbered as in a
 * spreadsheet (the header is row 1); blank rows are skipped; unknown columns are ignored.
 */
export function companyRowsFromCsv(text: string): CompanyRowInput[] {
  const [header, ...records] = parseCsv(text);
  if (!header) {
    throw funnelError(FunnelErrorCode.CsvHeaderInvalid, 'The CSV file is empty; it needs a header row with "name".');
  }
  const columns = new Map<CompanyColumn, number>();
  header.forEach((title, position) => {
    const column =
      HEADER_ALIASES[
        title
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ];
    if (column !== undefined && columns.has(column)) {
      throw funnelError(FunnelErrorCode.CsvHeaderInvalid, `The CSV header names the column "${column}" twice.`);
    }
    if (column !== undefined) {
      columns.set(column, position);
    }
  });
  if (!columns.has('name')) {
    throw funnelError(FunnelErrorCode.CsvHeaderInvalid, 'The CSV header must have a "name" column.', {
      header,
    });
  }
  const cell = (record: string[], column: CompanyColumn): string | null => {
    const position = columns.get(column);
    return position === undefined ? null : (record[position] ?? null);
  };
  return records
    .map((record, index) => ({
      row: index + 2,
      name: cell(record, 'name'),
      taxId: cell(record, 'taxId'),
      website: cell(record, 'website'),
    }))
    .filter((row) => [row.name, row.taxId, row.website].some((value) => (value ?? '').trim().length > 0));
}
