import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Sample, textOf } from './queries';

const COLORS = { draft: 'gray', pending_approval: 'yellow', approved: 'green', returned: 'red' } as const;

/** A draft the owner sent back carries the decision; the server keeps it a draft with the owner's comment. */
export function displayStatus(sample: Pick<Sample, 'status' | 'decidedAt'>): keyof typeof COLORS {
  return sample.status === 'draft' && textOf(sample.decidedAt) ? 'returned' : sample.status;
}

/** The sample's status as a badge: draft, waiting for the owner, approved, returned by the owner. */
export function SampleStatusBadge({ sample }: { sample: Pick<Sample, 'status' | 'decidedAt'> }) {
  const { t } = useTranslation('samples');
  const status = displayStatus(sample);
  // Dark text on a light badge keeps the contrast readable (axe: color-contrast).
  return (
    <Badge color={COLORS[status]} variant="light" c={`${COLORS[status]}.9`} radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
