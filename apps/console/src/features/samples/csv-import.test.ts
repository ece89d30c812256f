import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema.gen';
import {
  BatchAnswer,
  FileCompany,
  ImportProgress,
  importCompanies,
  mergeBatch,
  parseCompanyCsv,
  toBatches,
  toCompanyInput,
  totalsOf,
} from './csv-import';

type RowResult = components['schemas']['CompanyRowResultView'];

const accepted = (row: number, name: string): RowResult => ({
  row,
  status: 'accepted',
  company: { name, taxId: null, website: null, keys: { name: name.toLowerCase(), taxId: null, domain: null } },
});
const rejected = (row: number, code: string, message: string, duplicate?: { matchedBy: string; existingId: string }) =>
  ({ row, status: 'rejected', reasons: [{ code, message, ...(duplicate ? { duplicate } : {}) }] }) as RowResult;

const company = (row: number, name: string, taxId = '', website = ''): FileCompany => ({ row, name, taxId, website });

describe('parseCompanyCsv', () => {
  it('reads a comma file with a header, numbering rows as a spreadsheet does', () => {
    const parsed = parseCompanyCsv('name,tax_id,website\nAcme Kft,12345678-2-42,acme.hu\nBeta Zrt,,\n');
    expect(parsed).toEqual({
      ok: true,
      companies: [company(2, 'Acme Kft', '12345678-2-42', 'acme.hu'), company(3, 'Beta Zrt')],
    });
  });

  it('tolerates a BOM, semicolons, CRLF, quotes and other header spellings', () => {
    const parsed = parseCompanyCsv('\uFEFFCompany Name;VAT;Website\r\n"Gamma; and Sons";98765432;gamma.example\r\n');
    expect(parsed).toEqual({ ok: true, companies: [company(2, 'Gamma; and Sons', '98765432', 'gamma.example')] });
  });

  it('skips blank lines but keeps the numbers of the lines after them', () => {
    const parsed = parseCompanyCsv('name\nAcme\n\n  \nDelta\n');
    expect(parsed.ok && parsed.companies.map((c) => [c.row, c.name])).toEqual([
      [2, 'Acme'],
      [5, 'Delta'],
    ]);
  });

  it('keeps a row without a name (the server rejects it with its reason)', () => {
    const parsed = parseCompanyCsv('name,tax_id\n,12345678\n');
    expect(parsed).toEqual({ ok: true, companies: [company(2, '', '12345678')] });
  });

  it('refuses a file without a name column, with a column twice, or empty', () => {
    expect(parseCompanyCsv('title,website\nAcme,acme.hu')).toEqual({ ok: false, problem: 'no_name_column' });
    expect(parseCompanyCsv('name,company\nA,B')).toEqual({ ok: false, problem: 'column_twice', column: 'company' });
    expect(parseCompanyCsv('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseCompanyCsv('\uFEFF\n')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('toBatches and toCompanyInput', () => {
  it('cuts in order, the last batch shorter', () => {
    expect(toBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(toBatches([], 200)).toEqual([]);
    expect(() => toBatches([1], 0)).toThrow();
  });

  it('leaves empty optional cells out of the body', () => {
    expect(toCompanyInput(company(2, 'Acme'))).toEqual({ name: 'Acme' });
    expect(toCompanyInput(company(2, 'Acme', '123', 'acme.hu'))).toEqual({
      name: 'Acme',
      taxId: '123',
      website: 'acme.hu',
    });
  });
});

describe('mergeBatch', () => {
  const batch = [company(202, 'Acme'), company(203, 'acme'), company(205, '', 'x')];

  it('numbers the report by the file and sorts outcomes into accepted, duplicate, rejected', () => {
    const lines = mergeBatch(batch, [
      accepted(1, 'Acme'),
      rejected(2, 'duplicate_in_file', 'The company repeats row 1 (same company name).', {
        matchedBy: 'name',
        existingId: '1',
      }),
      rejected(3, 'name_required', 'The company name is required.'),
    ]);
    expect(lines.map((l) => [l.row, l.name, l.outcome])).toEqual([
      [202, 'Acme', 'accepted'],
      [203, 'acme', 'duplicate'],
      [205, '', 'rejected'],
    ]);
    expect(lines[1].reasons).toEqual([
      {
        code: 'duplicate_in_file',
        message: 'The company repeats row 1 (same company name).',
        matchedBy: 'name',
        repeatsRow: 202,
      },
    ]);
    expect(lines[2].reasons).toEqual([{ code: 'name_required', message: 'The company name is required.' }]);
  });

  it('counts a company already in the funnel as a duplicate', () => {
    const [line] = mergeBatch(
      [company(2, 'Acme')],
      [
        rejected(1, 'duplicate_existing', 'The company is already in the funnel (same tax id).', {
          matchedBy: 'tax_id',
          existingId: 'a0c1e9a4-0000-4000-8000-000000000000',
        }),
      ],
    );
    expect(line).toMatchObject({ row: 2, outcome: 'duplicate', reasons: [{ matchedBy: 'tax_id' }] });
    expect(line.reasons[0].repeatsRow).toBeUndefined();
  });
});

describe('importCompanies', () => {
  const companies = Array.from({ length: 5 }, (_, i) => company(i + 2, `Company ${i + 1}`));

  it('sends batches in order, reports real progress and merges the reports with totals', async () => {
    const sent: string[][] = [];
    const progress: ImportProgress[] = [];
    const result = await importCompanies(
      companies,
      (items): Promise<BatchAnswer> => {
        sent.push(items.map((i) => i.name));
        return Promise.resolve({
          kind: 'report',
          rows: items.map((item, index) =>
            item.name === 'Company 4'
              ? rejected(index + 1, 'duplicate_existing', 'The company is already in the funnel (same company name).', {
                  matchedBy: 'name',
                  existingId: 'x',
                })
              : accepted(index + 1, item.name),
          ),
        });
      },
      (p) => progress.push(p),
      2,
    );
    expect(sent).toEqual([['Company 1', 'Company 2'], ['Company 3', 'Company 4'], ['Company 5']]);
    expect(progress).toEqual([
      { done: 0, total: 5 },
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
    expect(result.lines.map((l) => l.row)).toEqual([2, 3, 4, 5, 6]);
    expect(result.totals).toEqual({ rows: 5, accepted: 4, duplicate: 1, rejected: 0 });
    expect(result.noneAccepted).toBeUndefined();
  });

  it('takes the report out of a 422 batch and keeps going; the sentence only when nothing at all was accepted', async () => {
    let call = 0;
    const send = (items: { name: string }[]): Promise<BatchAnswer> => {
      call += 1;
      return Promise.resolve(
        call === 1
          ? {
              kind: 'none_accepted',
              message: 'None of the 2 companies was accepted; fix the rows listed and upload again.',
              rows: items.map((_, i) => rejected(i + 1, 'name_required', 'The company name is required.')),
            }
          : { kind: 'report', rows: items.map((item, i) => accepted(i + 1, item.name)) },
      );
    };
    const mixed = await importCompanies(companies.slice(0, 3), send, undefined, 2);
    expect(mixed.totals).toEqual({ rows: 3, accepted: 1, duplicate: 0, rejected: 2 });
    expect(mixed.noneAccepted).toBeUndefined();

    const none = await importCompanies(
      companies.slice(0, 2),
      (items) =>
        Promise.resolve({
          kind: 'none_accepted',
          message: 'None of the 2 companies was accepted; fix the rows listed and upload again.',
          rows: items.map((_, i) => rejected(i + 1, 'tax_id_invalid', 'bad')),
        }),
      undefined,
      2,
    );
    expect(none.totals).toEqual({ rows: 2, accepted: 0, duplicate: 0, rejected: 2 });
    expect(none.noneAccepted).toBe('None of the 2 companies was accepted; fix the rows listed and upload again.');
  });

  it('rejects the rows a 400 names and sends the rest of the batch again', async () => {
    const sent: string[][] = [];
    const result = await importCompanies(
      companies.slice(0, 3),
      (items): Promise<BatchAnswer> => {
        sent.push(items.map((i) => i.name));
        if (sent.length === 1)
          return Promise.resolve({
            kind: 'invalid',
            message: 'Invalid input',
            fields: [
              { field: 'companies.1.taxId', problems: ['taxId must be shorter than or equal to 40 characters'] },
            ],
          });
        return Promise.resolve({ kind: 'report', rows: items.map((item, i) => accepted(i + 1, item.name)) });
      },
      undefined,
      3,
    );
    expect(sent).toEqual([
      ['Company 1', 'Company 2', 'Company 3'],
      ['Company 1', 'Company 3'],
    ]);
    expect(result.lines.map((l) => [l.row, l.outcome])).toEqual([
      [2, 'accepted'],
      [3, 'rejected'],
      [4, 'accepted'],
    ]);
    expect(result.lines[1].reasons[0].message).toBe('taxId: taxId must be shorter than or equal to 40 characters');
  });

  it('stops at a batch that fails otherwise, keeping what was done on the error', async () => {
    let call = 0;
    const failing = importCompanies(
      companies,
      (items) => {
        call += 1;
        if (call === 2) return Promise.reject(new Error('network down'));
        return Promise.resolve({ kind: 'report', rows: items.map((item, i) => accepted(i + 1, item.name)) });
      },
      undefined,
      2,
    );
    await expect(failing).rejects.toMatchObject({ message: 'network down', partial: [{ row: 2 }, { row: 3 }] });
  });
});

describe('totalsOf', () => {
  it('counts every outcome', () => {
    expect(totalsOf([])).toEqual({ rows: 0, accepted: 0, duplicate: 0, rejected: 0 });
  });
});
