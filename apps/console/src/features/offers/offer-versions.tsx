import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Offer } from '../prospects/queries';
import { OfferStatusBadge } from './offer-status';

/** Every version of the prospect's offer, newest first (shown once there is more than one). */
export function OfferVersions({ versions }: { versions: Offer[] }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  if (versions.length < 2) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('versions')}
      </Title>
      {versions.map((o) => (
        <Group key={o.id} gap="xs">
          <Text size="sm">{t('version', { n: o.number })}</Text>
          <OfferStatusBadge status={o.status} size="sm" />
          <Text size="sm">{f.money(o.totalMinor, o.currency)}</Text>
          <Text size="xs" c="gray.7">
            {f.dateTime(o.createdAt)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
