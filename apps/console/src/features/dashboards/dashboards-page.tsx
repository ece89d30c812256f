import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The sales head's and owner's dashboards. */
export function DashboardsPage() {
  const { t } = useTranslation('dashboards');
  return <Title order={1}>{t('title')}</Title>;
}
