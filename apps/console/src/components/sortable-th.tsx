import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Sort } from './sort';

/**
 * A column header that sorts its table: a button (keyboard-usable) inside a header cell that says its state to
 * assistive technology with aria-sort; the arrow is decoration.
 */
export function SortableTh<F extends string>({
  field,
  sort,
  onSort,
  align,
  children,
}: {
  field: F;
  sort: Sort<F> | undefined;
  onSort: (field: F) => void;
  align?: 'right';
  children: ReactNode;
}) {
  const active = sort?.field === field;
  const state = active ? (sort?.descending ? 'descending' : 'ascending') : 'none';
  return (
    <Table.Th aria-sort={state} ta={align} p={0}>
      <UnstyledButton
        onClick={() => onSort(field)}
        px="sm"
        py={8}
        w="100%"
        fw={700}
        fz="sm"
        className="sortable-th"
        data-active={active || undefined}
      >
        <Group gap={6} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <span>{children}</span>
          <span aria-hidden className="sortable-th-arrow">
            {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
          </span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
