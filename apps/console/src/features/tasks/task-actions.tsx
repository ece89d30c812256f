import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMe } from '../../components/use-session';
import { FormError } from '../prospects/form-error';
import { notifyDone } from './notify';
import { Task, taskCommands, useTaskGroups, useTaskWrite } from './queries';

/**
 * The buttons of one task for the person looking: claim (an available, unclaimed task of their group), complete
 * and return (their claimed task; a group lead may return others'). The server decides; these only hide what it
 * would refuse anyway, and a blocked task's claim stays visible but disabled so the person sees why.
 */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const me = useMe();
  const groups = useTaskGroups();
  const member = groups.data?.groups.includes(task.group) ?? false;
  const lead = groups.data?.leadOf.includes(task.group) ?? false;
  const mine = task.assigneeId === me.id;
  const claim = useTaskWrite(() => taskCommands.claim(task.id));
  if (task.status === 'done') return null;
  const claimable = task.status === 'open' && member;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {claimable ? (
          <Button
            size="xs"
            disabled={task.state === 'blocked'}
            loading={claim.isPending}
            aria-label={t('actions.claimNamed', { title: task.title })}
            onClick={() =>
              claim.mutate(undefined, { onSuccess: () => notifyDone(t('actions.claimed'), t('actions.closeToast')) })
            }
          >
            {t('actions.claim')}
          </Button>
        ) : null}
        {task.status === 'claimed' && mine ? <CompleteButton task={task} /> : null}
        {task.status === 'claimed' && (mine || lead) ? <ReturnButton task={task} /> : null}
      </Group>
      {claimable && task.state === 'blocked' ? (
        <Text size="xs" c="gray.7">
          {t('actions.blockedHint')}
        </Text>
      ) : null}
      {claim.error ? <FormError error={claim.error} /> : null}
    </Stack>
  );
}

function CompleteButton({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const [opened, { open, close }] = useDisclosure(false);
  const [result, setResult] = useState('');
  const write = useTaskWrite(taskCommands.complete);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { id: task.id, result },
      {
        onSuccess: () => {
          notifyDone(t('actions.completed'), t('actions.closeToast'));
          setResult('');
          close();
        },
      },
    );
  };
  const fieldError = write.error instanceof ApiError ? write.error.problemsFor('body') : undefined;
  return (
    <>
      <Button size="xs" color="teal.8" onClick={open} aria-label={t('actions.completeNamed', { title: task.title })}>
        {t('actions.complete')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('actions.completeTitle', { title: task.title })}>
        <form onSubmit={submit}>
          <Stack>
            <Textarea
              label={t('actions.result')}
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              autosize
              minRows={3}
              error={fieldError}
            />
            {write.error && !fieldError ? <FormError error={write.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" color="teal.8" loading={write.isPending}>
                {t('actions.completeSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ReturnButton({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const write = useTaskWrite(taskCommands.giveBack);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { id: task.id, reason },
      {
        onSuccess: () => {
          notifyDone(t('actions.returned'), t('actions.closeToast'));
          setReason('');
          close();
        },
      },
    );
  };
  const fieldError = write.error instanceof ApiError ? write.error.problemsFor('reason') : undefined;
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        color="gray.8"
        onClick={open}
        aria-label={t('actions.returnNamed', { title: task.title })}
      >
        {t('actions.return')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('actions.returnTitle', { title: task.title })}>
        <form onSubmit={submit}>
          <Stack>
            <Textarea
              label={t('actions.reason')}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              error={fieldError}
            />
            {write.error && !fieldError ? <FormError error={write.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={write.isPending}>
                {t('actions.returnSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
