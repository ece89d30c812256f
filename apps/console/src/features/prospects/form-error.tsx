import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The server's sentence for a refused write (field problems also show next to their fields). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation('prospects');
  if (!error) return null;
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  return (
    <Alert color="red" role="alert" variant="light" title={t('form.refused')}>
      {message}
    </Alert>
  );
}
