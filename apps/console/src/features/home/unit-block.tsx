import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeBlock } from './block';
import { More } from './block-parts';
import { useAgenda } from './queries';
import { StalledList } from './stalled-list';

/** A sales head's unit: its stalled prospects and how many have no salesperson. */
export function UnitBlock() {
  const { t } = useTranslation('home');
  const agenda = useAgenda(true);
  return (
    <HomeBlock
      title={t('unit.title')}
      query={agenda}
      count={(a) => (a.unit?.stalled.length ? String(a.unit.stalled.length) : null)}
      isEmpty={(a) => !a.unit}
      empty={t('unit.empty')}
      footer={
        <Anchor component={Link} to="/board?stalled=true" size="sm">
          {t('stalled.board')}
        </Anchor>
      }
    >
      {(a) => (
        <Stack gap="sm">
          <Text size="sm" fw={600} c={a.unit!.unassigned > 0 ? 'red.9' : undefined}>
            {a.unit!.unassigned > 0 ? t('unit.unassigned', { count: a.unit!.unassigned }) : t('unit.allAssigned')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('unit.stalled')}
          </Text>
          {a.unit!.stalled.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('unit.empty')}
            </Text>
          ) : (
            <StalledList prospects={a.unit!.stalled} />
          )}
          <More total={a.unit!.stalled.length} />
        </Stack>
      )}
    </HomeBlock>
  );
}
