import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { TaskActions, useTaskViewer } from '../tasks/task-actions';
import { taskActionsFor } from '../tasks/task-action-kinds';
import { TaskBadges, useOwnerLabel } from '../tasks/task-badges';
import type { CaseTask } from './queries';

/**
 * The case's tasks as a table: the graph's facts in words, with what blocks each and the person's actions (a column
 * only when some task offers the person one).
 */
export function CaseTasksTable({ tasks, canAct }: { tasks: CaseTask[]; canAct: boolean }) {
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation('contracts');
  const f = useFormat();
  const owner = useOwnerLabel();
  const title = (key: string) => tasks.find((task) => task.key === key)?.title ?? key;
  const viewer = useTaskViewer();
  const showActions = canAct && tasks.some((task) => taskActionsFor(task, viewer).length > 0);
  return (
    <ScrollTable minWidth={820} label={tc('graph.tableCaption')}>
      <Table verticalSpacing="sm" aria-label={tc('graph.tableCaption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.task')}</Table.Th>
            <Table.Th>{t('columns.group')}</Table.Th>
            <Table.Th>{t('columns.owner')}</Table.Th>
            <Table.Th>{t('columns.due')}</Table.Th>
            <Table.Th>{t('columns.state')}</Table.Th>
            {showActions ? <Table.Th>{t('columns.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-task={task.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {task.title}
                </Text>
                {task.blockedBy.length > 0 ? (
                  <Text size="xs" c="gray.7">
                    {t('blockedBy', { tasks: task.blockedBy.map(title).join(', ') })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`groups.${task.group}`)}</Table.Td>
              <Table.Td>{owner(task)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={task.overdue ? 'red.9' : undefined} fw={task.overdue ? 600 : undefined}>
                  {task.state === 'done' && task.doneAt
                    ? t('due.done', { date: f.dateTime(task.doneAt) })
                    : task.dueAt
                      ? f.dateTime(task.dueAt)
                      : t('due.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaskBadges task={task} critical={task.critical} />
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
