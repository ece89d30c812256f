import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen; the scrolling region is named and reachable by keyboard
 * (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // Positioned, so it also clips what is absolutely placed inside (a visually hidden header text would otherwise
    // stretch the page sideways on a phone).
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      pos="relative"
    >
      {children}
    </Table.ScrollContainer>
  );
}
