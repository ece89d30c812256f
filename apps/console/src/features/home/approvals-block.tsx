import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { BlockItem, BlockList, HomeBlock } from './block';
import { More } from './block-parts';
import { usePendingApprovals } from './queries';

/** Sales head and owner: approvals waiting for me. */
export function ApprovalsBlock() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const pending = usePendingApprovals(true);
  return (
    <HomeBlock
      title={t('approvals.title')}
      query={pending}
      count={(p) => (p.total ? t('approvals.count', { count: p.total }) : null)}
      isEmpty={(p) => p.total === 0}
      empty={t('approvals.empty')}
    >
      {(p) => (
        <>
          <BlockList>
            {p.items.map((r) => {
              const due = r.currentStep?.dueAt ?? null;
              const late = due !== null && new Date(due).getTime() < Date.now();
              return (
                <BlockItem
                  key={r.id}
                  primary={t(`approvals.subject.${r.subjectKind}`)}
                  secondary={due ? t('approvals.due', { date: format.dateTime(due) }) : t('approvals.noDue')}
                  aside={late ? <Badge color="red">{format.dateTime(due)}</Badge> : null}
                />
              );
            })}
          </BlockList>
          <More total={p.total} />
        </>
      )}
    </HomeBlock>
  );
}
