import { Alert, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { FormError } from '../prospects/form-error';
import { Offer, ProspectDetail, useBrief, useContacts, useOffers } from '../prospects/queries';
import { useWrite } from '../prospects/use-write';
import { DefenceForm } from './defence-form';
import { DefenceList } from './defence-list';
import { OfferForm } from './offer-form';
import { OfferStatusBadge } from './offer-status';
import { OfferSummary } from './offer-summary';
import { OfferVersions } from './offer-versions';

const EDITABLE = ['draft', 'rejected', 'pending_approval'];

/** The commercial offer: versions and status, the draft form linked to the brief's needs, submit, revise, defence. */
export function OfferTab({ prospect, readOnly }: { prospect: ProspectDetail; readOnly: boolean }) {
  const { t } = useTranslation('offers');
  const offers = useOffers(prospect.id);
  const brief = useBrief(prospect.id);
  const contacts = useContacts(prospect.id);
  const id = prospect.id;
  const list = [...(offers.data ?? [])].sort((a, b) => b.number - a.number);
  const current = list[0] ?? null;
  const submitWrite = useWrite(
    id,
    (offer: Offer) =>
      unwrap(
        api.POST('/api/offers/{id}/submit', { params: { path: { id: offer.id } }, body: { version: offer.version } }),
      ),
    t('submitted'),
  );
  const reviseWrite = useWrite(
    id,
    (offer: Offer) =>
      unwrap(
        api.POST('/api/offers/{id}/revisions', {
          params: { path: { id: offer.id } },
          body: { version: offer.version },
        }),
      ),
    t('revised'),
  );

  let body;
  if (offers.isPending || brief.isPending || contacts.isPending) body = <Loading />;
  else if (offers.isError) body = <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />;
  else if (brief.isError) body = <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />;
  else if (!current && (!brief.data?.completedAt || prospect.stage !== 'offer_formation'))
    body = (
      <Alert color="gray" variant="light">
        {t('notYet')}
      </Alert>
    );
  else {
    const editable = !readOnly && !!current && EDITABLE.includes(current.status);
    const creatable = !readOnly && !current && prospect.stage === 'offer_formation';
    const revisable = !readOnly && !!current && ['approved', 'changes_requested'].includes(current.status);
    const defensible = !readOnly && current?.status === 'approved' && prospect.stage === 'offer_defence';
    body = (
      <Stack>
        {current ? (
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Title order={3} size="h5">
                {t('version', { n: current.number })}
              </Title>
              <OfferStatusBadge status={current.status} data-testid="offer-status" />
            </Group>
            <Group gap="xs">
              {!readOnly && (current.status === 'draft' || current.status === 'rejected') ? (
                <Button loading={submitWrite.isPending} onClick={() => submitWrite.mutate(current)}>
                  {t('submit')}
                </Button>
              ) : null}
              {revisable ? (
                <Button variant="default" loading={reviseWrite.isPending} onClick={() => reviseWrite.mutate(current)}>
                  {t('revise')}
                </Button>
              ) : null}
            </Group>
          </Group>
        ) : null}
        {submitWrite.apiError ? <FormError error={submitWrite.apiError} /> : null}
        {reviseWrite.apiError ? <FormError error={reviseWrite.apiError} /> : null}
        {current?.decisionComment ? <Text size="sm">{t('decision', { comment: current.decisionComment })}</Text> : null}
        {current?.status === 'pending_approval' && !readOnly ? (
          <Text size="sm" c="gray.7">
            {t('pendingHint')}
          </Text>
        ) : null}
        {current ? <OfferSummary offer={current} brief={brief.data} /> : null}
        {(editable || creatable) && brief.data ? (
          <>
            <Divider />
            <OfferForm
              key={`${current?.id ?? 'new'}-${current?.version ?? 0}`}
              prospectId={id}
              offer={current}
              brief={brief.data}
            />
          </>
        ) : null}
        {current ? <DefenceList prospectId={id} offer={current} /> : null}
        {defensible && current ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="defence-title">
            <Title order={3} size="h5" id="defence-title">
              {t('defence.title')}
            </Title>
            <Text size="sm" c="gray.7" mb="sm">
              {t('defence.intro')}
            </Text>
            <DefenceForm prospectId={id} offer={current} contacts={contacts.data ?? []} />
          </Paper>
        ) : null}
        <OfferVersions versions={list} />
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby="offer-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="offer-title">
        {t('title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('intro')}
      </Text>
      {body}
    </Paper>
  );
}
