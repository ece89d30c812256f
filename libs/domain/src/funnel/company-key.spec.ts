import {
  buildCompanyKeyIndex,
  companyKeys,
  findCompanyDuplicate,
  isTaxIdFormatValid,
  normaliseCompanyName,
  normaliseTaxId,
  normaliseWebsiteDomain,
} from './company-key';

describe('normaliseCompanyName', () => {
  it.each([
    ['Acme Inc.', 'acme'],
    ['ACME, LLC', 'acme'],
    ['acme l.l.c.', 'acme'],
    ['Acme Ltd', 'acme'],
    ['  Acme   Limited ', 'acme'],
    ['Müller GmbH', 'muller'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['OOO Romashka', 'romashka'],
    ['ООО «Ромашка»', 'ромашка'],
    ['Johnson & Johnson', 'johnson johnson'],
    ['Johnson and Johnson', 'johnson johnson'],
    ["Macy's Inc", 'macys'],
    ['Inc Company', 'company'],
    ['Blue Sky Software Co', 'blue sky software'],
    ['!!!', null],
    ['', null],
  ])('%p -> %p', (name, key) => {
    expect(normaliseCompanyName(name)).toBe(key);
  });
});

describe('tax ids', () => {
  it.each([
    ['de 123-456.789', 'DE123456789'],
    ['7707083893', '7707083893'],
    ['  ', null],
  ])('normalises %p to %p', (raw, key) => {
    expect(normaliseTaxId(raw)).toBe(key);
  });

  it.each([
    ['7707083893', true],
    ['12-3456789', true],
    ['GB 123 4567 89', true],
    ['1234', false],
    ['ABCDEFG', false],
    ['12345#678', false],
    ['123456789012345678901', false],
  ])('%p is sane: %s', (raw, valid) => {
    expect(isTaxIdFormatValid(raw)).toBe(valid);
  });
});

describe('normaliseWebsiteDomain', () => {
  it.each([
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['www.acme.co.uk/', 'acme.co.uk'],
    ['acme.com.', 'acme.com'],
    ['//shop.acme.com#top', 'shop.acme.com'],
    ['ftp://user@files.acme.io', 'files.acme.io'],
    ['пример.рф', 'пример.рф'],
    ['xn--e1afmkfd.xn--p1ai', 'xn--e1afmkfd.xn--p1ai'],
    ['acme', null],
    ['not a site', null],
    ['http://-acme.com', null],
    ['acme.c0m', null],
    ['', null],
  ])('%p -> %p', (website, domain) => {
    expect(normaliseWebsiteDomain(website)).toBe(domain);
  });
});

describe('findCompanyDuplicate', () => {
  const index = buildCompanyKeyIndex([
    { id: 'p-1', keys: companyKeys({ name: 'Acme LLC', taxId: '7707083893', website: 'acme.com' }) },
    { id: 'p-2', keys: companyKeys({ name: 'Globex', website: 'https://globex.io' }) },
    { id: 'p-3', keys: companyKeys({ name: 'Acme Inc' }) },
  ]);

  it.each([
    [
      { name: 'Other', taxId: '77-0708-3893' },
      { matchedBy: 'tax_id', existingId: 'p-1' },
    ],
    [
      { name: 'Other', website: 'http://www.globex.io/contact' },
      { matchedBy: 'domain', existingId: 'p-2' },
    ],
    [{ name: 'ACME ltd.' }, { matchedBy: 'name', existingId: 'p-1' }],
    [{ name: 'Initech', taxId: '5001234567', website: 'initech.com' }, null],
    [{}, null],
  ])('%j -> %j', (company, expected) => {
    expect(findCompanyDuplicate(companyKeys(company), index)).toEqual(expected);
  });
});
