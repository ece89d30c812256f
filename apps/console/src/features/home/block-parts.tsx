import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A block lists this many items and says how many more there are. */
export const SHOWN = 5;

export function More({ total }: { total: number }) {
  const { t } = useTranslation('home');
  if (total <= SHOWN) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('more', { count: total - SHOWN })}
    </Text>
  );
}

export function ProspectLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/prospects/${id}`} inherit>
      {name}
    </Anchor>
  );
}
