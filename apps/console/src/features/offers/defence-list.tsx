import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Offer, useDefences } from '../prospects/queries';

/** The defences recorded for a version (nothing when there are none). */
export function DefenceList({ prospectId, offer }: { prospectId: string; offer: Offer }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const defences = useDefences(prospectId, offer.id);
  if (!defences.data?.length) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('defence.list')}
      </Title>
      {defences.data.map((d) => (
        <Text size="sm" key={d.id}>
          {t('defence.entry', {
            when: f.dateTime(d.heldAt),
            channel: t(`defence.channels.${d.channel}`),
            outcome: t(`defence.outcomes.${d.outcome}`),
          })}
        </Text>
      ))}
    </Stack>
  );
}
