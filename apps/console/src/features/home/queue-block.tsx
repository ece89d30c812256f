import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { BlockItem, BlockList, HomeBlock } from './block';
import { More } from './block-parts';
import { TaskGroup, useGroupQueue } from './queries';

/** Legal and accounting: the open tasks of one of my groups, for whoever takes them. */
export function QueueBlock({ group }: { group: TaskGroup }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const queue = useGroupQueue(group);
  return (
    <HomeBlock
      title={t('tasks.queue', { group: t(`tasks.groups.${group}`) })}
      query={queue}
      count={(q) => (q.total ? t('tasks.count', { count: q.total }) : null)}
      isEmpty={(q) => q.total === 0}
      empty={t('tasks.emptyQueue')}
    >
      {(q) => (
        <>
          <BlockList>
            {q.items.map((task) => (
              <BlockItem
                key={task.id}
                primary={task.title}
                secondary={task.dueAt ? t('tasks.due', { date: format.dateTime(task.dueAt) }) : undefined}
              />
            ))}
          </BlockList>
          <More total={q.total} />
        </>
      )}
    </HomeBlock>
  );
}
