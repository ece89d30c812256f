import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../components/use-session';

/** The operations pages are the admin's: anyone else sees why instead of a failed request. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('adminOps');
  const me = useMe();
  if (!hasRole(me, 'admin')) {
    return (
      <Alert color="red" role="alert" title={t('common.forbidden')}>
        {null}
      </Alert>
    );
  }
  return <>{children}</>;
}
