import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states';
import { useMe } from '../../components/use-session';
import { FormError } from '../prospects/form-error';
import { notifyDone } from './notify';
import { Task, taskCommands, useGroupMembers, useTaskGroups, useTaskWrite } from './queries';
import { TaskViewer, taskActionsFor } from './task-action-kinds';
import { TaskCommandDialog } from './task-command-dialog';

/** The person looking, as taskActionsFor needs them (no groups until the server said which). */
export function useTaskViewer(): TaskViewer {
  const me = useMe();
  const groups = useTaskGroups();
  return { userId: me.id, groups: groups.data?.groups ?? [], leadOf: groups.data?.leadOf ?? [] };
}

/**
 * The buttons of one task for the person looking (which ones: taskActionsFor): claim, complete with its result,
 * return with a reason, reassign to a member picked by name. The server decides; these only hide what it would
 * refuse anyway, and a blocked task's claim stays visible but disabled so the person sees why.
 */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  const kinds = taskActionsFor(task, useTaskViewer());
  const claim = useTaskWrite(() => taskCommands.claim(task.id));
  if (kinds.length === 0) return null;
  const claimable = kinds.includes('claim');
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
        {kinds.includes('complete') ? <CompleteButton task={task} /> : null}
        {kinds.includes('return') ? <ReturnButton task={task} /> : null}
        {kinds.includes('reassign') ? <ReassignButton task={task} /> : null}
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
  return (
    <TaskCommandDialog
      trigger={{
        label: t('actions.complete'),
        name: t('actions.completeNamed', { title: task.title }),
        color: 'teal.8',
      }}
      title={t('actions.completeTitle', { title: task.title })}
      submitLabel={t('actions.completeSubmit')}
      doneMessage={t('actions.completed')}
      initial=""
      command={(result: string) => taskCommands.complete({ id: task.id, result })}
      field="result"
    >
      {({ value, setValue, error }) => (
        <Textarea
          label={t('actions.result')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autosize
          minRows={3}
          error={error}
        />
      )}
    </TaskCommandDialog>
  );
}

function ReturnButton({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  return (
    <TaskCommandDialog
      trigger={{
        label: t('actions.return'),
        name: t('actions.returnNamed', { title: task.title }),
        color: 'gray.8',
        variant: 'outline',
      }}
      title={t('actions.returnTitle', { title: task.title })}
      submitLabel={t('actions.returnSubmit')}
      doneMessage={t('actions.returned')}
      initial=""
      command={(reason: string) => taskCommands.giveBack({ id: task.id, reason })}
      field="reason"
    >
      {({ value, setValue, error }) => (
        <Textarea
          label={t('actions.reason')}
          required
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autosize
          minRows={2}
          error={error}
        />
      )}
    </TaskCommandDialog>
  );
}

function ReassignButton({ task }: { task: Task }) {
  const { t } = useTranslation('tasks');
  return (
    <TaskCommandDialog<string | null>
      trigger={{
        label: t('actions.reassign'),
        name: t('actions.reassignNamed', { title: task.title }),
        color: 'indigo.8',
        variant: 'outline',
      }}
      title={t('actions.reassignTitle', { title: task.title })}
      submitLabel={t('actions.reassignSubmit')}
      doneMessage={t('actions.reassigned')}
      initial={null}
      command={(assigneeId) => taskCommands.reassign({ id: task.id, assigneeId: assigneeId! })}
      field="assigneeId"
      ready={(assigneeId) => assigneeId !== null}
    >
      {({ value, setValue, error, opened }) => (
        <MemberSelect task={task} value={value} onChange={setValue} error={error} enabled={opened} />
      )}
    </TaskCommandDialog>
  );
}

/** The group's members by name (the current assignee left out), loaded when the dialog opens. */
function MemberSelect({
  task,
  value,
  onChange,
  error,
  enabled,
}: {
  task: Task;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  enabled: boolean;
}) {
  const { t } = useTranslation('tasks');
  const members = useGroupMembers(task.group, enabled);
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const options = (members.data?.members ?? [])
    .filter((m) => m.id !== task.assigneeId)
    .map((m) => ({ value: m.id, label: m.name ?? t('owner.unnamed') }));
  return (
    <Select
      label={t('actions.assignee')}
      required
      searchable
      data={options}
      value={value}
      onChange={onChange}
      disabled={members.isPending}
      placeholder={members.isPending ? t('actions.membersLoading') : t('actions.assigneePlaceholder')}
      nothingFoundMessage={t('actions.noMember')}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}
