import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/**
 * The server's refusal of an admin form, per field: in the reader's language where the catalogue knows the code
 * (`refusal.<code>`), else the server's own words. Undefined when the refusal is not about that field.
 */
export function useRefusal(error: unknown) {
  const { t, i18n } = useTranslation('adminOrg');
  const refused = error instanceof ApiError ? error : null;
  const forField = (field: string): string | undefined => {
    const problems = refused?.problemsFor(field);
    if (!refused || problems === undefined) return undefined;
    const key = `refusal.${refused.body.code.replace(/\./g, '_')}`;
    return i18n.exists(`adminOrg:${key}`) ? t(key) : problems;
  };
  return { refused, forField };
}

/** The refusal's sentence above the form when it names none of the form's own fields (a conflict, a rule). */
export function FormRefusal({ error, fields }: { error: unknown; fields: string[] }) {
  const { t } = useTranslation('adminOrg');
  const { refused, forField } = useRefusal(error);
  if (!error) return null;
  if (refused && fields.some((field) => forField(field) !== undefined)) return null;
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  return (
    <Alert color="red" role="alert" variant="light" title={t('form.refused')}>
      {refused?.body.code === 'version_conflict' ? t('form.conflict') : message}
    </Alert>
  );
}
