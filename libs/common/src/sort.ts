/**
 * `?sort=` on a list endpoint: one field of the list's allow-list, `-field` for descending (`?sort=-updatedAt`).
 * Validate it with `@IsIn(sortValues(FIELDS))`, so an unknown field answers 400 naming `sort`; without it the list
 * keeps its own default order.
 */
export interface SortOrder<F extends string> {
  field: F;
  descending: boolean;
}

/** Every accepted value of a list's `sort`: each field ascending and descending. */
export function sortValues<F extends string>(fields: readonly F[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

/** The validated `sort` value as field and direction; undefined when the caller gave none. */
export function parseSort<F extends string>(value: string | undefined): SortOrder<F> | undefined {
  if (!value) return undefined;
  const descending = value.startsWith('-');
  return { field: (descending ? value.slice(1) : value) as F, descending };
}
