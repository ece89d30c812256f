import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CaseStatusBadge({ status }: { status: 'open' | 'signed' }) {
  const { t } = useTranslation('contracts');
  return (
    <Badge variant="filled" color={status === 'signed' ? 'teal.9' : 'indigo.8'}>
      {t(`status.${status}`)}
    </Badge>
  );
}
