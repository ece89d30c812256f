import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../components/use-session';

/** "What needs me now" for each role (overdue, waiting for me, stalled, today's meetings). */
export function HomePage() {
  const { t } = useTranslation('home');
  const me = useMe();
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('greeting', { name: me.name })}</Text>
    </Stack>
  );
}
