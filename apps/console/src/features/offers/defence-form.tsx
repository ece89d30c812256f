import '@mantine/dates/styles.css';
import { Button, Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { nowForPicker, pickerToIso } from '../prospects/date-time';
import { FormError } from '../prospects/form-error';
import { Contact, Offer } from '../prospects/queries';
import { useWrite } from '../prospects/use-write';

const CHANNELS = ['in_person', 'video', 'phone', 'email', 'letter'] as const;
const OUTCOMES = ['accepted', 'changes_requested', 'rejected'] as const;

/** Records the defence of the approved offer: when, how, who attended, what they said. */
export function DefenceForm({
  prospectId,
  offer,
  contacts,
}: {
  prospectId: string;
  offer: Offer;
  contacts: Contact[];
}) {
  const { t } = useTranslation('offers');
  const [heldAt, setHeldAt] = useState<string | null>(nowForPicker());
  const [channel, setChannel] = useState<string | null>(null);
  const [attendees, setAttendees] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/offers/{id}/defences', {
          params: { path: { id: offer.id } },
          body: {
            heldAt: pickerToIso(heldAt)!,
            channel: channel as (typeof CHANNELS)[number],
            attendeeContactIds: attendees,
            outcome: outcome as (typeof OUTCOMES)[number],
            note: note.trim() || undefined,
          },
        }),
      ),
    t('defence.recorded'),
  );
  const required = (value: unknown) =>
    tried && (!value || (Array.isArray(value) && value.length === 0)) ? t('prospects:form.required') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    // The channel is not judged here: the server says why e-mail, phone or a letter is not a defence.
    if (!pickerToIso(heldAt) || !channel || attendees.length === 0 || !outcome) return;
    write.mutate(undefined);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('defence.title')}>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <DateTimePicker
            label={t('defence.heldAt')}
            required
            value={heldAt}
            onChange={setHeldAt}
            valueFormat="YYYY-MM-DD HH:mm"
            submitButtonProps={{ 'aria-label': t('defence.pickerDone') }}
            error={required(pickerToIso(heldAt)) ?? write.fieldError('heldAt')}
            miw={200}
          />
          <Select
            label={t('defence.channel')}
            required
            data={CHANNELS.map((c) => ({ value: c, label: t(`defence.channels.${c}`) }))}
            value={channel}
            onChange={setChannel}
            error={required(channel) ?? write.fieldError('channel')}
            miw={180}
          />
        </Group>
        <MultiSelect
          searchable
          label={t('defence.attendees')}
          required
          data={contacts.map((c) => ({
            value: c.id,
            label: c.isDecisionMaker ? t('prospects:meetings.contactDecisionMaker', { name: c.name }) : c.name,
          }))}
          value={attendees}
          onChange={setAttendees}
          error={required(attendees) ?? write.fieldError('attendeeContactIds')}
        />
        <Select
          label={t('defence.outcome')}
          required
          data={OUTCOMES.map((o) => ({ value: o, label: t(`defence.outcomes.${o}`) }))}
          value={outcome}
          onChange={setOutcome}
          error={required(outcome) ?? write.fieldError('outcome')}
        />
        <Textarea
          label={t('defence.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={write.fieldError('note')}
        />
        {write.apiError && !write.fieldError('channel') ? <FormError error={write.apiError} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('defence.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
