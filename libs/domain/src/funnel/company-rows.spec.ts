import { companyKeys } from './company-key';
import { assertSomeCompanyAccepted, CompanyRowProblem, companyRowsFromCsv, validateCompanyRows } from './company-rows';
import { FunnelErrorCode } from './funnel-error';

const existing = [{ id: 'p-1', keys: companyKeys({ name: 'Acme LLC', taxId: '7707083893', website: 'acme.com' }) }];

describe('validateCompanyRows', () => {
  const rows = [
    { row: 2, name: ' Initech ', taxId: '500-123-4567', website: 'https://www.initech.com/' },
    { row: 3, name: '', taxId: 'abc', website: 'nope' },
    { row: 4, name: 'ACME Inc.' },
    { row: 5, name: 'Other', taxId: '7707083893' },
    { row: 6, name: 'Initech GmbH' },
    { row: 7, name: 'Hooli', website: 'hooli.xyz', taxId: null },
    { row: 8, name: 'Hooli Two', website: 'http://hooli.xyz/about' },
  ];
  const results = validateCompanyRows(rows, existing);
  const codes = (row: number) => {
    const result = results.find((entry) => entry.row === row);
    return result?.status === 'rejected' ? result.reasons.map((reason) => reason.code) : [];
  };

  it.each([
    [2, 'accepted'],
    [3, 'rejected'],
    [4, 'rejected'],
    [5, 'rejected'],
    [6, 'rejected'],
    [7, 'accepted'],
    [8, 'rejected'],
  ])('row %i is %s', (row, status) => {
    expect(results.find((entry) => entry.row === row)?.status).toBe(status);
  });

  it.each([
    [3, [CompanyRowProblem.NameRequired, CompanyRowProblem.TaxIdInvalid, CompanyRowProblem.WebsiteInvalid]],
    [4, [CompanyRowProblem.DuplicateExisting]],
    [5, [CompanyRowProblem.DuplicateExisting]],
    [6, [CompanyRowProblem.DuplicateInFile]],
    [8, [CompanyRowProblem.DuplicateInFile]],
  ])('row %i is rejected for %j', (row, expected) => {
    expect(codes(row)).toEqual(expected);
  });

  it('normalises what it accepts', () => {
    expect(results[0]).toEqual({
      row: 2,
      status: 'accepted',
      company: {
        name: 'Initech',
        taxId: '5001234567',
        website: 'https://www.initech.com/',
        keys: { name: 'initech', taxId: '5001234567', domain: 'initech.com' },
      },
    });
  });

  it('says which key matched and which row repeats', () => {
    const row8 = results.find((entry) => entry.row === 8);
    expect(row8).toMatchObject({
      reasons: [{ message: 'The company repeats row 7 (same website domain).', duplicate: { existingId: '7' } }],
    });
  });
});

describe('companyRowsFromCsv', () => {
  it('maps header aliases, numbers rows like a spreadsheet and skips blank rows', () => {
    const text = 'Company Name,INN,Site,notes\r\n"Acme, Inc",7707083893,acme.com,x\r\n,,\r\nGlobex\r\n';
    expect(companyRowsFromCsv(text)).toEqual([
      { row: 2, name: 'Acme, Inc', taxId: '7707083893', website: 'acme.com' },
      { row: 4, name: 'Globex', taxId: null, website: null },
    ]);
  });

  it.each([
    ['empty file', ''],
    ['no name column', 'tax_id,website\n1,a.com'],
    ['name twice', 'name,company\nA,B'],
  ])('refuses a bad header: %s', (_name, text) => {
    expect(() => companyRowsFromCsv(text)).toThrow(expect.objectContaining({ code: FunnelErrorCode.CsvHeaderInvalid }));
  });
});

describe('assertSomeCompanyAccepted', () => {
  it('refuses an upload where every row is rejected, naming each row with its problems', () => {
    const results = validateCompanyRows(
      [
        { row: 2, name: '' },
        { row: 3, name: 'Acme', website: 'not a site' },
      ],
      [],
    );
    expect(() => assertSomeCompanyAccepted(results, (row) => `row ${row}`)).toThrow(
      expect.objectContaining({
        code: FunnelErrorCode.NoCompanyAccepted,
        details: expect.objectContaining({
          fields: [
            { field: 'row 2', problems: ['The company name is required.'] },
            { field: 'row 3', problems: [expect.stringContaining('website')] },
          ],
        }),
      }),
    );
  });

  it('lets an upload with one accepted row through', () => {
    const results = validateCompanyRows(
      [
        { row: 1, name: '' },
        { row: 2, name: 'Acme' },
      ],
      [],
    );
    expect(() => assertSomeCompanyAccepted(results, String)).not.toThrow();
  });
});
