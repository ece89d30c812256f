import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { FormError } from '../prospects/form-error';
import { notifyDone } from '../tasks/notify';
import { ContractCase, useSign } from './queries';

/** Exactly what the server says still blocks signing; the signature form once nothing does; then the handover. */
export function SigningPanel({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const f = useFormat();
  const c = contractCase;
  const handover = c.tasks.find((task) => task.group === 'delivery');
  let body;
  if (c.status === 'signed') {
    body = (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {c.signedOn ? t('signing.signedOn', { date: f.date(c.signedOn) }) : t('signing.signed')}
        </Text>
        {c.signatories?.length ? (
          <Text size="sm">{t('signing.signatories', { names: c.signatories.map((s) => s.name).join(', ') })}</Text>
        ) : null}
        <Title order={3} size="h5" mt="xs">
          {t('signing.handover')}
        </Title>
        <Text size="sm">
          {c.handedOverAt
            ? t('signing.handedOver', { date: f.dateTime(c.handedOverAt) })
            : t('signing.handoverWaiting')}
        </Text>
        {handover && !c.handedOverAt && handover.dueAt ? (
          <Text size="sm" c={handover.overdue ? 'red.9' : 'gray.7'}>
            {t('signing.handoverDue', { date: f.dateTime(handover.dueAt) })}
          </Text>
        ) : null}
      </Stack>
    );
  } else if (!c.signing.allowed) {
    body = (
      <Stack gap="xs">
        <Text size="sm" fw={600} id="signing-blockers">
          {t('signing.blocked')}
        </Text>
        <List spacing={4} size="sm" aria-labelledby="signing-blockers">
          {c.signing.blockers.map((b, i) => (
            <List.Item key={i}>
              {t(`signing.blockers.${b.kind}`, { title: b.title, count: b.deviations ?? 0, defaultValue: b.message })}
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="xs">
        <Alert color="teal" variant="light" title={t('signing.allowed')} />
        {c.access === 'write' ? <SignForm contractCase={c} /> : null}
      </Stack>
    );
  }
  return (
    <Paper component="section" aria-labelledby="signing-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="signing-title" mb="sm">
        {t('signing.title')}
      </Title>
      {body}
    </Paper>
  );
}

function SignForm({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const { t: tt } = useTranslation('tasks');
  const [customer, setCustomer] = useState('');
  const [company, setCompany] = useState('');
  const sign = useSign(contractCase.id);
  const error = sign.error instanceof ApiError ? sign.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate(
      {
        signatories: [
          { name: customer.trim(), party: 'customer' },
          { name: company.trim(), party: 'company' },
        ],
      },
      { onSuccess: () => notifyDone(t('signing.signed'), tt('actions.closeToast')) },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('signing.customer')}
            required
            value={customer}
            onChange={(e) => setCustomer(e.currentTarget.value)}
            error={error?.problemsFor('signatories.0.name')}
          />
          <TextInput
            label={t('signing.company')}
            required
            value={company}
            onChange={(e) => setCompany(e.currentTarget.value)}
            error={error?.problemsFor('signatories.1.name')}
          />
        </Group>
        {sign.error ? <FormError error={sign.error} /> : null}
        <Button type="submit" color="teal.8" loading={sign.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('signing.sign')}
        </Button>
      </Stack>
    </form>
  );
}
