import { describe, expect, it } from 'vitest';
import { sortCompanies } from './company-table';
import type { SampleCompany } from './queries';

const company = (name: string, taxId: string | null = null): SampleCompany => ({
  id: name,
  name,
  taxId,
  website: null,
  keys: { name: null, taxId: null, domain: null },
  prospectId: null,
  skippedReason: null,
});

describe("a sample's companies in a chosen order", () => {
  const uploaded = [company('Zeta Kft', '2'), company('ábel Bt'), company('Alfa Zrt', '10'), company('Cukor Kft', '1')];
  const names = (list: SampleCompany[]) => list.map((c) => c.name);

  it('keeps the upload order without a sort', () => {
    expect(names(sortCompanies(uploaded, undefined, 'hu'))).toEqual(names(uploaded));
  });

  it("sorts in the reader's alphabet, ignoring case and accents, either way", () => {
    const up = names(sortCompanies(uploaded, { field: 'name', descending: false }, 'hu'));
    expect(up).toEqual(['ábel Bt', 'Alfa Zrt', 'Cukor Kft', 'Zeta Kft']);
    expect(names(sortCompanies(uploaded, { field: 'name', descending: true }, 'en'))).toEqual([
      'Zeta Kft',
      'Cukor Kft',
      'Alfa Zrt',
      'ábel Bt',
    ]);
  });

  it('puts blanks last in both directions and compares numbers as numbers', () => {
    expect(names(sortCompanies(uploaded, { field: 'taxId', descending: false }, 'en'))).toEqual([
      'Cukor Kft',
      'Zeta Kft',
      'Alfa Zrt',
      'ábel Bt',
    ]);
    expect(names(sortCompanies(uploaded, { field: 'taxId', descending: true }, 'en')).at(-1)).toBe('ábel Bt');
  });
});
