import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeBlock } from './block';
import { useCompanyCounts } from './queries';

/** Admin: how far the company is set up, and where to go on. */
export function AdminBlock() {
  const { t } = useTranslation('home');
  const counts = useCompanyCounts(true);
  return (
    <HomeBlock title={t('admin.title')} query={counts} isEmpty={() => false} empty="">
      {(c) => (
        <Stack gap="sm">
          <Text size="sm">{t('admin.intro')}</Text>
          <Group gap="sm">
            {/* The admin screens come with console part 3; until then the API documentation is where set-up happens. */}
            <Button component="a" href="/api/docs#/users" variant="light">
              {t('admin.manageUsers')}: {t('admin.users', { count: c.users })}
            </Button>
            <Button component="a" href="/api/docs#/units" variant="light">
              {t('admin.manageUnits')}: {t('admin.units', { count: c.units })}
            </Button>
          </Group>
        </Stack>
      )}
    </HomeBlock>
  );
}
