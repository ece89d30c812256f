import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';

/** A refusal about one field, found in the rule's details (the contracts and approvals services name them there). */
export interface Problem {
  code: string;
  message: string;
  params?: Record<string, string>;
}

export const normalField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * The words for one field: a rule problem in the reader's language where the catalogue knows its code (`key`
 * builds the catalogue key), else the server's words; else what validation (400) said about the field.
 */
export function useFieldText(error: unknown, problems: Map<string, Problem>, key: (code: string) => string) {
  const { t, i18n } = useTranslation('adminWorkflow');
  return (field: string): string | undefined => {
    const problem = problems.get(normalField(field));
    if (problem) {
      const id = key(problem.code);
      return i18n.exists(`adminWorkflow:${id}`) ? t(id, problem.params ?? {}) : problem.message;
    }
    return error instanceof ApiError ? error.problemsFor(field) : undefined;
  };
}

/**
 * Above the form: a refusal that names no field of it (a conflict, a rule about the whole list, a failed request),
 * with `general` the problems about the whole that the form has no field for.
 */
export function FormRefusal({ error, placed, general }: { error: unknown; placed: boolean; general: string[] }) {
  const { t } = useTranslation('adminWorkflow');
  if (!error || (placed && general.length === 0)) return null;
  const conflict = error instanceof ApiError && error.body.code.endsWith('version_conflict');
  return (
    <Alert color="red" role="alert" variant="light" title={t('form.refused')}>
      {conflict ? (
        t('form.conflict')
      ) : general.length > 0 ? (
        <List size="sm">
          {general.map((text) => (
            <List.Item key={text}>{text}</List.Item>
          ))}
        </List>
      ) : error instanceof Error ? (
        error.message
      ) : (
        JSON.stringify(error)
      )}
    </Alert>
  );
}

/** Whether a refusal is placed on fields (validation's `fields`, or rule problems the form could place). */
export const isPlaced = (error: unknown, problems: Map<string, Problem>) =>
  problems.size > 0 || (error instanceof ApiError && (error.body.fields?.length ?? 0) > 0);
