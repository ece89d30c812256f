import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../components/use-session';
import type { Task } from './queries';

/** State and flags of a task as badges; the colours pass WCAG contrast with white text. */
export function TaskBadges({ task, critical = false }: { task: Task; critical?: boolean }) {
  const { t } = useTranslation('tasks');
  const state = task.status === 'claimed' ? 'claimed' : task.state;
  const color =
    state === 'done' ? 'teal.9' : state === 'blocked' ? 'gray.7' : state === 'claimed' ? 'indigo.8' : 'blue.8';
  return (
    <Group gap={4} wrap="wrap">
      <Badge size="sm" variant="filled" color={color}>
        {t(`states.${state}`)}
      </Badge>
      {task.overdue ? (
        <Badge size="sm" variant="filled" color="red.9">
          {t('flags.overdue')}
        </Badge>
      ) : null}
      {task.escalated ? (
        <Badge size="sm" variant="outline" color="red.9">
          {t('flags.escalated')}
        </Badge>
      ) : null}
      {critical ? (
        <Badge size="sm" variant="outline" color="indigo.9">
          {t('flags.critical')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Who owns the task, without names the contracts service does not hold. */
export function useOwnerLabel() {
  const { t } = useTranslation('tasks');
  const me = useMe();
  return (task: Task) =>
    task.assigneeId === null ? t('owner.none') : task.assigneeId === me.id ? t('owner.you') : t('owner.colleague');
}
