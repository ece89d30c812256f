import { Anchor, Button, Divider, Drawer, List, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { FormError } from '../prospects/form-error';
import { notifyDone } from './notify';
import { taskCommands, useTask, useTaskWrite } from './queries';
import { TaskActions } from './task-actions';
import { TaskBadges } from './task-badges';

/**
 * One task beside the desk (its id in the URL): its result once done, comments, documents, history, and the forms to
 * add to them.
 */
export function TaskDetailDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const f = useFormat();
  const task = useTask(taskId);
  const data = task.data;
  return (
    <Drawer
      opened={taskId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={data ? t('detail.title', { title: data.title }) : t('actions.details')}
      closeButtonProps={{ 'aria-label': t('detail.close') }}
    >
      {task.isPending ? (
        <Loading />
      ) : task.isError ? (
        <ErrorState error={task.error} onRetry={() => void task.refetch()} />
      ) : data ? (
        <Stack>
          <TaskBadges task={data} />
          <Anchor component={Link} to={`/contracts/${data.caseId}`} c="indigo.8">
            {t('detail.openCase')}
          </Anchor>
          <TaskActions task={data} />
          {data.result ? (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t('detail.result')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.result}
              </Text>
            </Stack>
          ) : null}
          <Divider />
          <Title order={3} size="h5">
            {t('detail.comments')}
          </Title>
          {data.comments.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('detail.noComments')}
            </Text>
          ) : (
            <List spacing="xs" size="sm">
              {data.comments.map((c) => (
                <List.Item key={c.id}>
                  <Text size="xs" c="gray.7">
                    {f.dateTime(c.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.body}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
          <CommentForm taskId={data.id} />
          <Divider />
          <Title order={3} size="h5">
            {t('detail.documents')}
          </Title>
          {data.documents.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('detail.noDocuments')}
            </Text>
          ) : (
            <List spacing="xs" size="sm">
              {data.documents.map((d) => (
                <List.Item key={d.id}>
                  <Anchor href={d.url} target="_blank" rel="noreferrer" c="indigo.8">
                    {d.title}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
          <DocumentForm taskId={data.id} />
          <Divider />
          <Title order={3} size="h5">
            {t('detail.history')}
          </Title>
          <List spacing={2} size="sm">
            {data.history.map((h, i) => (
              <List.Item key={i}>
                {f.dateTime(h.at)} · {t(`detail.events.${h.kind}`, { defaultValue: h.kind })}
                {h.reason ? ` · ${h.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Drawer>
  );
}

function CommentForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation('tasks');
  const [body, setBody] = useState('');
  const write = useTaskWrite(taskCommands.comment);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { id: taskId, body },
      { onSuccess: () => (setBody(''), notifyDone(t('detail.commented'), t('actions.closeToast'))) },
    );
  };
  const fieldError = write.error instanceof ApiError ? write.error.problemsFor('body') : undefined;
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={t('detail.comment')}
          required
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError}
        />
        {write.error && !fieldError ? <FormError error={write.error} /> : null}
        <Button type="submit" size="xs" variant="outline" loading={write.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('detail.addComment')}
        </Button>
      </Stack>
    </form>
  );
}

function DocumentForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation('tasks');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const write = useTaskWrite(taskCommands.linkDocument);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { id: taskId, title, url },
      { onSuccess: () => (setTitle(''), setUrl(''), notifyDone(t('detail.linked'), t('actions.closeToast'))) },
    );
  };
  const error = write.error instanceof ApiError ? write.error : null;
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <TextInput
          label={t('detail.docTitle')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error?.problemsFor('title')}
        />
        <TextInput
          label={t('detail.docUrl')}
          required
          type="url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={error?.problemsFor('url')}
        />
        {write.error && !error?.problemsFor('title') && !error?.problemsFor('url') ? (
          <FormError error={write.error} />
        ) : null}
        <Button type="submit" size="xs" variant="outline" loading={write.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('detail.addDocument')}
        </Button>
      </Stack>
    </form>
  );
}
