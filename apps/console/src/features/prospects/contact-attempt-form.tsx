import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { FormError } from './form-error';
import { Contact } from './queries';
import { useWrite } from './use-write';

const CHANNELS = ['call', 'email', 'message', 'visit'] as const;
const OUTCOMES = ['no_answer', 'reached', 'callback_requested', 'refused', 'wrong_contact', 'other'] as const;

/** Logs one attempt to reach the company (it never moves the stage). */
export function ContactAttemptForm({ prospectId, contacts }: { prospectId: string; contacts: Contact[] }) {
  const { t } = useTranslation('prospects');
  const [channel, setChannel] = useState<string | null>('call');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [contactId, setContactId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/prospects/{id}/contact-attempts', {
          params: { path: { id: prospectId } },
          body: {
            channel: channel as (typeof CHANNELS)[number],
            outcome: outcome as (typeof OUTCOMES)[number],
            note: note.trim() || undefined,
            contactId: contactId ?? undefined,
          },
        }),
      ),
    t('attempts.logged'),
    () => {
      setOutcome(null);
      setNote('');
      setTried(false);
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!channel || !outcome) return;
    write.mutate(undefined);
  };
  const required = (value: unknown) => (tried && !value ? t('form.required') : undefined);

  return (
    <form onSubmit={submit} noValidate aria-label={t('attempts.submit')}>
      <Stack gap="sm" mt="md">
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('attempts.channel')}
            required
            data={CHANNELS.map((c) => ({ value: c, label: t(`attempts.channels.${c}`) }))}
            value={channel}
            onChange={setChannel}
            error={required(channel) ?? write.fieldError('channel')}
            miw={180}
          />
          <Select
            label={t('attempts.outcome')}
            required
            data={OUTCOMES.map((o) => ({ value: o, label: t(`attempts.outcomes.${o}`) }))}
            value={outcome}
            onChange={setOutcome}
            error={required(outcome) ?? write.fieldError('outcome')}
            miw={180}
          />
          <Select
            label={t('attempts.contact')}
            clearable
            data={contacts.map((c) => ({ value: c.id, label: c.name }))}
            value={contactId}
            onChange={setContactId}
            error={write.fieldError('contactId')}
            miw={180}
          />
        </Group>
        <Textarea
          label={t('attempts.note')}
          autosize
          minRows={1}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={write.fieldError('note')}
        />
        {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('attempts.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
