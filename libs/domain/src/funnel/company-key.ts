/** The normalised keys a company is matched on to find duplicates; null when the value is absent or unusable. */
export interface CompanyKeys {
  readonly name: string | null;
  readonly taxId: string | null;
  readonly domain: string | null;
}

export interface CompanyIdentity {
  readonly name?: string | null;
  readonly taxId?: string | null;
  readonly website?: string | null;
}

// Legal-form words that say nothing about which company it is. Stripped only at the edges of the name, where they
// are written ("Acme Inc", "OOO Romashka"), so a name made only of such words is kept.
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'llc',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'llp',
  'lp',
  'gmbh',
  'ag',
  'kg',
  'ug',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'pty',
  'ooo',
  'zao',
  'oao',
  'pao',
  'ao',
  'ооо',
  'зао',
  'оао',
  'пао',
  'ао',
  'ип',
  'тоо',
]);

// Connectors written either way ("Johnson & Johnson", "Johnson and Johnson").
const CONNECTORS: ReadonlySet<string> = new Set(['and', 'und', 'и']);

/** A company name reduced to what identifies it: case, accents, punctuation and legal form removed. */
export function normaliseCompanyName(name: string): string | null {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Dots and apostrophes join abbreviations ("L.L.C." -> "llc", "Macy's" -> "macys").
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((token) => token.length > 0 && !CONNECTORS.has(token));
  let start = 0;
  let end = tokens.length;
  while (end - start > 1 && LEGAL_FORMS.has(tokens[start])) {
    start += 1;
  }
  while (end - start > 1 && LEGAL_FORMS.has(tokens[end - 1])) {
    end -= 1;
  }
  const key = tokens.slice(start, end).join(' ');
  return key.length > 0 ? key : null;
}

/** A tax id with only its letters and digits, upper-cased ("de 123-456.789" -> "DE123456789"). */
export function normaliseTaxId(taxId: string): string | null {
  const key = taxId
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return key.length > 0 ? key : null;
}

/** Sane when written with letters, digits and usual separators, with 5 to 20 characters of which 5 are digits. */
export function isTaxIdFormatValid(taxId: string): boolean {
  if (!/^[A-Za-z0-9 ./-]+$/.test(taxId.trim())) {
    return false;
  }
  const key = normaliseTaxId(taxId) ?? '';
  const digits = key.replace(/[^0-9]/g, '').length;
  return key.length >= 5 && key.length <= 20 && digits >= 5;
}

/** The bare domain of a website ("https://www.Acme.com/about" -> "acme.com"), or null when it is not a domain. */
export function normaliseWebsiteDomain(website: string): string | null {
  let host = website.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  host = host.split(/[/?#]/, 1)[0];
  host = host.slice(host.lastIndexOf('@') + 1);
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  host = host.replace(/^www\./, '');
  return isDomain(host) ? host : null;
}

function isDomain(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2 || host.length > 253) {
    return false;
  }
  const labelsValid = labels.every(
    (label) => /^[\p{L}\p{N}-]{1,63}$/u.test(label) && !label.startsWith('-') && !label.endsWith('-'),
  );
  const tld = labels[labels.length - 1];
  return labelsValid && (/^\p{L}{2,}$/u.test(tld) || tld.startsWith('xn--'));
}

export function companyKeys(company: CompanyIdentity): CompanyKeys {
  return {
    name: company.name ? normaliseCompanyName(company.name) : null,
    taxId: company.taxId ? normaliseTaxId(company.taxId) : null,
    domain: company.website ? normaliseWebsiteDomain(company.website) : null,
  };
}

export type CompanyMatchKey = 'tax_id' | 'domain' | 'name';

export interface CompanyDuplicate {
  readonly matchedBy: CompanyMatchKey;
  /** Id of the existing company (or prospect) it duplicates. */
  readonly existingId: string;
}

/** Existing companies by each key; the first id seen for a key wins. */
export interface CompanyKeyIndex {
  readonly byTaxId: Map<string, string>;
  readonly byDomain: Map<string, string>;
  readonly byName: Map<string, string>;
}

export function buildCompanyKeyIndex(
  companies: readonly { readonly id: string; readonly keys: CompanyKeys }[],
): CompanyKeyIndex {
  const index: CompanyKeyIndex = { byTaxId: new Map(), byDomain: new Map(), byName: new Map() };
  for (const company of companies) {
    addToCompanyKeyIndex(index, company.id, company.keys);
  }
  return index;
}

export function addToCompanyKeyIndex(index: CompanyKeyIndex, id: string, keys: CompanyKeys): void {
  setOnce(index.byTaxId, keys.taxId, id);
  setOnce(index.byDomain, keys.domain, id);
  setOnce(index.byName, keys.name, id);
}

/** Any one matching key makes a duplicate; the most specific key is reported (tax id, then domain, then name). */
export function findCompanyDuplicate(keys: CompanyKeys, index: CompanyKeyIndex): CompanyDuplicate | null {
  const candidates: [CompanyMatchKey, Map<string, string>, string | null][] = [
    ['tax_id', index.byTaxId, keys.taxId],
    ['domain', index.byDomain, keys.domain],
    ['name', index.byName, keys.name],
  ];
  for (const [matchedBy, map, key] of candidates) {
    const existingId = key === null ? undefined : map.get(key);
    if (existingId !== undefined) {
      return { matchedBy, existingId };
    }
  }
  return null;
}

function setOnce(map: Map<string, string>, key: string | null, id: string): void {
  if (key !== null && !map.has(key)) {
    map.set(key, id);
  }
}
