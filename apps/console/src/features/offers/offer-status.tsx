import { Badge } from '@mantine/core';
import type { BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled badges in dark shades: white text on them passes axe's contrast check.
const statusColor: Record<string, string> = {
  draft: 'gray.7',
  pending_approval: 'grape.9',
  approved: 'teal.9',
  rejected: 'red.8',
  changes_requested: 'grape.9',
  accepted: 'teal.9',
  declined: 'red.8',
  superseded: 'gray.7',
};

/** An offer version's status as a badge. */
export function OfferStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useTranslation('offers');
  return (
    <Badge variant="filled" color={statusColor[status] ?? 'gray.7'} {...props}>
      {t(`status.${status}`)}
    </Badge>
  );
}
