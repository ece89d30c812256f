import { Alert, Anchor, Badge, Divider, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useApproverText } from './approver-text';
import { DecisionForm } from './decision-form';
import { DeviationSubject } from './deviation-subject';
import { OfferSubject } from './offer-subject';
import { useNameOf } from './people';
import { RequestDetail, useRequest } from './queries';
import { SampleSubject } from './sample-subject';
import { SlaBadge } from './sla-badge';
import { offerSnapshot, sampleSnapshot } from './snapshots';
import { STATUS_COLOR } from './status-color';

/** What the request is about, in a few words (its card's name). */
function subjectName(r: RequestDetail): string {
  if (r.subjectKind === 'target_sample') return sampleSnapshot(r.snapshot).title;
  if (r.subjectKind === 'offer') return offerSnapshot(r.snapshot).companyName;
  return '';
}

/** One approval request read in full: its SLA, who asked, the subject to judge, the decisions, what I may do. */
export function RequestCard({ id, linkToPage = true }: { id: string; linkToPage?: boolean }) {
  const { t } = useTranslation('approvals');
  const request = useRequest(id);
  if (request.isPending) return <Loading />;
  if (request.isError) {
    if (request.error instanceof ApiError && request.error.status === 404) {
      return <Alert color="gray">{t('notFound')}</Alert>;
    }
    return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  }
  return <Card request={request.data} linkToPage={linkToPage} />;
}

function Card({ request: r, linkToPage }: { request: RequestDetail; linkToPage: boolean }) {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const nameOf = useNameOf();
  const approverText = useApproverText();
  const kind = t(`kind.${r.subjectKind}`);
  const name = subjectName(r);
  const step = r.currentStep;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={name ? t('card.label', { kind, subject: name }) : kind}
      data-request={r.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="outline" tt="none">
                {kind}
              </Badge>
              <Badge color={STATUS_COLOR[r.status]} tt="none" data-testid="request-status">
                {t(`status.${r.status}`)}
              </Badge>
              {step ? (
                <Text size="xs" c="gray.7">
                  {t('card.step', { n: step.index + 1, count: r.stepCount })}
                </Text>
              ) : null}
            </Group>
            <Text size="sm">
              {t('card.requested', { name: nameOf(r.requesterId), date: format.dateTime(r.requestedAt) })}
            </Text>
            {step ? <Text size="sm">{t('card.approver', { who: approverText(step.approver) })}</Text> : null}
            {r.closedAt ? (
              <Text size="sm">
                {t('card.closed', { status: t(`status.${r.status}`), date: format.dateTime(r.closedAt) })}
              </Text>
            ) : null}
          </Stack>
          <Stack gap={4} align="flex-end">
            <SlaBadge step={step} />
            {linkToPage ? (
              <Anchor component={Link} to={`/approvals/${r.id}`} size="sm" c="indigo.8">
                {t('card.open')}
              </Anchor>
            ) : null}
          </Stack>
        </Group>
        <Divider label={t('card.subject')} labelPosition="left" />
        {r.subjectKind === 'target_sample' ? <SampleSubject request={r} /> : null}
        {r.subjectKind === 'offer' ? <OfferSubject request={r} /> : null}
        {r.subjectKind === 'contract_deviation' ? <DeviationSubject request={r} /> : null}
        <Decisions request={r} />
        <DecisionForm request={r} />
      </Stack>
    </Paper>
  );
}

/** The decided steps: who, when, on whose behalf, with their comment. */
function Decisions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const nameOf = useNameOf();
  const decided = request.steps.filter((s) => s.decidedAt);
  if (decided.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('card.steps')}
      </Text>
      <List size="sm">
        {decided.map((s) => (
          <List.Item key={s.index}>
            {t('card.stepLine', { n: s.index + 1, status: t(`stepStatus.${s.status}`) })}
            {' · '}
            {t('card.decided', { name: nameOf(s.decidedBy), date: format.dateTime(s.decidedAt!) })}
            {s.onBehalfOf ? ` · ${t('card.onBehalfOf', { name: nameOf(s.onBehalfOf) })}` : null}
            {s.comment ? (
              <Text size="sm" fs="italic">
                “{s.comment}”
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
