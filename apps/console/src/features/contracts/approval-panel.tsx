import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { FormError } from '../prospects/form-error';
import { notifyDone } from '../tasks/notify';
import { ContractCase, useRequestApproval } from './queries';

// Shades that keep 4.5:1 with the badge's white text (yellow never does).
const COLOURS: Record<string, string> = { pending: 'indigo.8', approved: 'teal.9', rejected: 'red.9' };

/** The deviation's approval: its state, and a request when the current deviation has none (or was rejected). */
export function ApprovalPanel({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const { t: tt } = useTranslation('tasks');
  const f = useFormat();
  const c = contractCase;
  const request = useRequestApproval(c.id);
  const a = c.deviationApproval;
  // The server names the deviation blockers; asking is offered exactly when one of them says it needs asking.
  const askable =
    c.access === 'write' &&
    c.signing.blockers.some((b) => b.kind === 'deviation_not_approved' || b.kind === 'deviation_rejected');
  return (
    <Paper component="section" aria-labelledby="approval-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="approval-title" mb="sm">
        {t('approval.title')}
      </Title>
      <Stack gap="xs">
        {a ? (
          <>
            <Group gap="xs">
              <Badge variant="filled" color={COLOURS[a.status] ?? 'gray.7'}>
                {t(`approval.statuses.${a.status}`, { defaultValue: a.status })}
              </Badge>
              <Text size="sm">
                {t('approval.requested', { date: f.dateTime(a.requestedAt), revision: a.termsRevision })}
              </Text>
            </Group>
            {a.decidedAt ? <Text size="sm">{t('approval.decided', { date: f.dateTime(a.decidedAt) })}</Text> : null}
            {a.comment ? <Text size="sm">{t('approval.comment', { comment: a.comment })}</Text> : null}
            {!a.current ? (
              <Text size="sm" c="gray.7">
                {t('approval.stale')}
              </Text>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="gray.7">
            {c.deviations.length === 0 ? t('approval.notNeeded') : t('approval.none')}
          </Text>
        )}
        {askable ? (
          <Button
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            loading={request.isPending}
            onClick={() =>
              request.mutate(undefined, {
                onSuccess: () => notifyDone(t('approval.requested_done'), tt('actions.closeToast')),
              })
            }
          >
            {t('approval.request')}
          </Button>
        ) : null}
        {request.error ? <FormError error={request.error} /> : null}
      </Stack>
    </Paper>
  );
}
