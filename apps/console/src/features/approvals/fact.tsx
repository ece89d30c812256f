import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled fact of a subject (label above, value below). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
