import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { Confirm } from '../admin-ops/confirm';
import { notifyDone } from '../admin-ops/notify';
import { type TemplateSet, useSaveTemplates, useTemplates } from './queries';
import { FormRefusal, isPlaced, useFieldText } from './refusal';
import { TemplateCard } from './template-card';
import {
  type TemplateRow,
  move,
  newRow,
  remove,
  removedTasks,
  templateProblems,
  toRows,
  toTemplatesBody,
} from './template-draft';

/** /admin/contract-tasks: the task templates every new contract case starts from. */
export function TemplatesPage() {
  const { t } = useTranslation('adminWorkflow');
  const templates = useTemplates();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('templates.title')}</Title>
        <Text size="sm" c="gray.7" maw={640}>
          {t('templates.intro')}
        </Text>
      </Stack>
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <TemplatesForm key={templates.data.version} set={templates.data} />
      )}
    </Stack>
  );
}

/** The whole list, edited locally and saved at once; a save that drops saved tasks asks first. */
export function TemplatesForm({ set }: { set: TemplateSet }) {
  const { t } = useTranslation('adminWorkflow');
  const { t: ops } = useTranslation('adminOps');
  const format = useFormat();
  const save = useSaveTemplates();
  const [rows, setRows] = useState<TemplateRow[]>(() => toRows(set));
  const [confirming, setConfirming] = useState(false);
  const problems = templateProblems(save.error, rows);
  const text = useFieldText(save.error, problems, (code) => `refusal.${code.replace(/\./g, '_')}`);
  const removed = removedTasks(set.templates, rows);
  const send = () =>
    save.mutate(toTemplatesBody(rows, set.version), {
      onSuccess: () => notifyDone(t('templates.saved'), ops),
      onSettled: () => setConfirming(false),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (removed.length > 0) setConfirming(true);
    else send();
  };
  const change = (index: number, patch: Partial<TemplateRow>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <form onSubmit={submit} noValidate aria-label={t('templates.list')}>
      <Stack gap="md">
        <Text size="xs" c="gray.7">
          {t('form.version', { version: set.version })} · {t('form.updated', { at: format.dateTime(set.updatedAt) })}
        </Text>
        <FormRefusal error={save.error} placed={isPlaced(save.error, problems)} general={[]} />
        {rows.length === 0 ? (
          <Empty title={t('templates.empty')} />
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('templates.list')}>
            {rows.map((row, index) => (
              <TemplateCard
                key={row.uid}
                row={row}
                index={index}
                count={rows.length}
                tasks={rows.map((r) => ({ key: r.key, title: r.title }))}
                text={text}
                onChange={(patch) => change(index, patch)}
                onMove={(by) => setRows((all) => move(all, index, by))}
                onRemove={() => setRows((all) => remove(all, index))}
              />
            ))}
          </Stack>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setRows((all) => [...all, newRow()])} disabled={rows.length >= 50}>
            {t('templates.add')}
          </Button>
          <Group>
            <Button variant="default" onClick={() => setRows(toRows(set))}>
              {t('templates.reset')}
            </Button>
            <Button type="submit" loading={save.isPending && !confirming}>
              {t('form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {confirming ? (
        <Confirm
          title={t('templates.confirmTitle')}
          body={t('templates.confirmBody', { tasks: removed.map((task) => task.title).join(', ') })}
          action={t('templates.confirmAction')}
          pending={save.isPending}
          error={null}
          onConfirm={send}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}
