import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import type { Task } from './queries';
import { TaskActions, useTaskViewer } from './task-actions';
import { taskActionsFor } from './task-action-kinds';
import { TaskBadges, useOwnerLabel } from './task-badges';

/**
 * Tasks of the desk: the case they belong to, group, owner, due moment, state and what the person can do (a column
 * only when some task offers the person an action, e.g. not in a list of done tasks).
 */
export function TaskTable({ tasks, onDetails }: { tasks: Task[]; onDetails: (id: string) => void }) {
  const { t } = useTranslation('tasks');
  const f = useFormat();
  const owner = useOwnerLabel();
  const viewer = useTaskViewer();
  const showActions = tasks.some((task) => taskActionsFor(task, viewer).length > 0);
  return (
    <ScrollTable minWidth={880} label={t('desk.caption')}>
      <Table striped verticalSpacing="sm" aria-label={t('desk.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.task')}</Table.Th>
            <Table.Th>{t('columns.case')}</Table.Th>
            <Table.Th>{t('columns.group')}</Table.Th>
            <Table.Th>{t('columns.owner')}</Table.Th>
            <Table.Th>{t('columns.due')}</Table.Th>
            <Table.Th>{t('columns.state')}</Table.Th>
            {showActions ? <Table.Th>{t('columns.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  c="indigo.8"
                  fw={500}
                  ta="left"
                  onClick={() => onDetails(task.id)}
                  aria-label={t('actions.detailsNamed', { title: task.title })}
                >
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/contracts/${task.caseId}`} c="indigo.8">
                  {task.companyName ?? t('unnamed')}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`groups.${task.group}`)}</Table.Td>
              <Table.Td>{owner(task)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={task.overdue ? 'red.9' : undefined} fw={task.overdue ? 600 : undefined}>
                  {task.dueAt ? f.dateTime(task.dueAt) : t('due.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaskBadges task={task} />
              </Table.Td>
              {showActions ? (
                <Table.Td>
                  <TaskActions task={task} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
