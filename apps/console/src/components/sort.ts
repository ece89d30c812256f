// A list's sort in the URL (`?sort=title`, `?sort=-updatedAt`), the same form the API's `sort` takes.
import { useSearchParams } from 'react-router';

export interface Sort<F extends string> {
  field: F;
  descending: boolean;
}

export function sortParam<F extends string>(sort: Sort<F>): string {
  return `${sort.descending ? '-' : ''}${sort.field}`;
}

/** The sort a value names, when its field is one of `fields`; otherwise none. */
export function parseSortParam<F extends string>(value: string | null, fields: readonly F[]): Sort<F> | undefined {
  if (!value) return undefined;
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value) as F;
  return fields.includes(field) ? { field, descending } : undefined;
}

/** What a header click does: the same column flips direction, another starts ascending. */
export function nextSort<F extends string>(current: Sort<F> | undefined, field: F): Sort<F> {
  return current?.field === field ? { field, descending: !current.descending } : { field, descending: false };
}

/**
 * The sort of a list kept in the URL search params under `key`. `fallback` is the list's default order when that is
 * one of its columns (what the server does without `sort`): it stays out of the URL. `chosen` is what the person
 * picked, `sort` what the headers show. Changing the sort goes back to the first page.
 */
export function useUrlSort<F extends string>(
  fields: readonly F[],
  fallback?: Sort<F>,
  options: { key?: string; pageKey?: string } = {},
): { sort: Sort<F> | undefined; chosen: Sort<F> | undefined; setSort: (field: F) => void } {
  const key = options.key ?? 'sort';
  const pageKey = options.pageKey ?? 'page';
  const [params, setParams] = useSearchParams();
  const chosen = parseSortParam(params.get(key), fields);
  const sort = chosen ?? fallback;
  const setSort = (field: F) => {
    const next = nextSort(sort, field);
    const search = new URLSearchParams(params);
    if (fallback && next.field === fallback.field && next.descending === fallback.descending) search.delete(key);
    else search.set(key, sortParam(next));
    search.delete(pageKey);
    setParams(search);
  };
  return { sort, chosen, setSort };
}
