import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { CaseTask, useCaseTaskDetails } from './queries';

/** The results, documents and comments of every task of the case, newest first. */
export function CaseActivity({ tasks }: { tasks: CaseTask[] }) {
  const { t } = useTranslation('contracts');
  const f = useFormat();
  const details = useCaseTaskDetails(tasks);
  const loading = details.some((d) => d.isPending);
  const entries = details
    .flatMap((d) => d.data ?? [])
    .flatMap((task) => [
      ...(task.result && task.doneAt
        ? [{ id: task.id, at: task.doneAt, kind: 'result' as const, task: task.title, text: task.result, url: null }]
        : []),
      ...task.documents.map((doc) => ({
        id: doc.id,
        at: doc.addedAt,
        kind: 'document' as const,
        task: task.title,
        text: doc.title,
        url: doc.url,
      })),
      ...task.comments.map((c) => ({
        id: c.id,
        at: c.createdAt,
        kind: 'comment' as const,
        task: task.title,
        text: c.body,
        url: null,
      })),
    ])
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Paper component="section" aria-labelledby="activity-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="activity-title" mb="sm">
        {t('activity.title')}
      </Title>
      {loading ? (
        <Loading />
      ) : entries.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('activity.empty')}
        </Text>
      ) : (
        <List spacing="xs" size="sm">
          {entries.map((e) => (
            <List.Item key={`${e.kind}-${e.id}`}>
              <Text size="xs" c="gray.7">
                {f.dateTime(e.at)} · {t(`activity.${e.kind}`, { task: e.task })}
              </Text>
              {e.url ? (
                <Anchor href={e.url} target="_blank" rel="noreferrer" c="indigo.8" size="sm">
                  {e.text}
                </Anchor>
              ) : (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.text}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
