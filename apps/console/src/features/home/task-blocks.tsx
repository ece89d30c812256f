import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { BlockItem, BlockList, HomeBlock } from './block';
import { More, SHOWN } from './block-parts';
import { localDay, useMyTasks } from './queries';

/** Legal and accounting: my tasks overdue and due today. */
export function MyTaskBlocks() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const tasks = useMyTasks(true);
  const day = localDay();
  const open = (items: NonNullable<typeof tasks.data>['items']) => items.filter((task) => task.status !== 'done');
  const overdue = (items: NonNullable<typeof tasks.data>['items']) => open(items).filter((task) => task.overdue);
  const today = (items: NonNullable<typeof tasks.data>['items']) =>
    open(items).filter((task) => !task.overdue && task.dueAt !== null && task.dueAt >= day.from && task.dueAt < day.to);
  const list = (items: NonNullable<typeof tasks.data>['items']) => (
    <>
      <BlockList>
        {items.slice(0, SHOWN).map((task) => (
          <BlockItem
            key={task.id}
            primary={task.title}
            secondary={task.dueAt ? t('tasks.due', { date: format.dateTime(task.dueAt) }) : undefined}
          />
        ))}
      </BlockList>
      <More total={items.length} />
    </>
  );
  return (
    <>
      <HomeBlock
        title={t('tasks.overdue')}
        query={tasks}
        count={(d) => (overdue(d.items).length ? String(overdue(d.items).length) : null)}
        isEmpty={(d) => overdue(d.items).length === 0}
        empty={t('tasks.emptyOverdue')}
      >
        {(d) => list(overdue(d.items))}
      </HomeBlock>
      <HomeBlock
        title={t('tasks.dueToday')}
        query={tasks}
        count={(d) => (today(d.items).length ? String(today(d.items).length) : null)}
        isEmpty={(d) => today(d.items).length === 0}
        empty={t('tasks.emptyToday')}
      >
        {(d) => list(today(d.items))}
      </HomeBlock>
    </>
  );
}
