import { describe, expect, it } from 'vitest';
import { nextSort, parseSortParam, sortParam } from './sort';

const FIELDS = ['title', 'updatedAt'] as const;

describe('a list sort in the URL', () => {
  it('reads a field of the list, descending with a leading dash, and nothing else', () => {
    expect(parseSortParam('title', FIELDS)).toEqual({ field: 'title', descending: false });
    expect(parseSortParam('-updatedAt', FIELDS)).toEqual({ field: 'updatedAt', descending: true });
    for (const bad of [null, '', 'rationale', '-', '--title']) expect(parseSortParam(bad, FIELDS)).toBeUndefined();
  });

  it('writes the form the API takes, and a header click flips its own column or starts another ascending', () => {
    expect(sortParam({ field: 'updatedAt', descending: true })).toBe('-updatedAt');
    expect(nextSort({ field: 'title', descending: false }, 'title')).toEqual({ field: 'title', descending: true });
    expect(nextSort({ field: 'title', descending: true }, 'title')).toEqual({ field: 'title', descending: false });
    expect(nextSort({ field: 'updatedAt', descending: true }, 'title')).toEqual({ field: 'title', descending: false });
    expect(nextSort(undefined, 'title')).toEqual({ field: 'title', descending: false });
  });
});
