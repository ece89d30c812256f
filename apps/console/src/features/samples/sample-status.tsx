import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Sample } from './queries';

const COLORS = { draft: 'gray', pending_approval: 'yellow', approved: 'green', returned: 'red' } as const;

/** A draft the owner sent back carries the decision; the server keeps it a draft with the owner's comment. */
export function displayStatus(sample: Pick<Sample, 'status' | 'decidedAt'>): keyof typeof COLORS {
  return sample.status === 'draft' && sample.decidedAt ? 'returned' : sample.status;
}

/** The sample's status as a badge: draft, waiting for the owner, approved, returned by the owner. */
export function SampleStatusBadge({ sample }: { sample: Pick<Sample, 'status' | 'decidedAt'> }) {
  const { t } = useTranslation('samples');
  const status = displayStatus(sample);
  // A coloured dot with dark text: Mantine's light badges are below WCAG AA contrast.
  return (
    <Badge color={COLORS[status]} variant="dot" c="dark.9" radius="sm" size="lg">
      {t(`status.${status}`)}
    </Badge>
  );
}
