import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Step } from './queries';
import { slaOf } from './sla';
import { useApproverText } from './approver-text';
import { useNow } from './use-now';

/** The countdown of the step awaiting a decision and its escalation level, in words. */
export function SlaBadge({ step }: { step: Step | null }) {
  const { t } = useTranslation('approvals');
  const now = useNow();
  const approverText = useApproverText();
  const units = { d: t('sla.units.d'), h: t('sla.units.h'), min: t('sla.units.min') };
  const sla = slaOf(step, now, units);
  if (!step) return null;
  const level =
    sla.level === 'escalated' ? t('level.escalated', { to: approverText(step.escalateTo) }) : t(`level.${sla.level}`);
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={sla.color} variant="dot" c="dark.9" tt="none" data-testid="sla">
        {t(sla.key, sla.values)}
      </Badge>
      <Text size="xs" c="gray.7">
        {t('level.label', { level })}
      </Text>
    </Group>
  );
}
