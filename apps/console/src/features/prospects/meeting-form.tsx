import '@mantine/dates/styles.css';
import { Button, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pickerToIso } from './date-time';
import { FormError } from './form-error';
import { Contact } from './queries';
import { useWrite } from './use-write';

/** Schedules a meeting with one of the contacts (with a decision-maker it finishes primary contact). */
export function MeetingForm({ prospectId, contacts }: { prospectId: string; contacts: Contact[] }) {
  const { t } = useTranslation('prospects');
  const [contactId, setContactId] = useState<string | null>(null);
  const [when, setWhen] = useState<string | null>(null);
  const [agenda, setAgenda] = useState('');
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/prospects/{id}/meetings', {
          params: { path: { id: prospectId } },
          body: { contactId: contactId!, scheduledAt: pickerToIso(when)!, agenda: agenda.trim() || undefined },
        }),
      ),
    t('meetings.scheduled'),
    () => {
      setWhen(null);
      setAgenda('');
      setTried(false);
    },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!contactId || !pickerToIso(when)) return;
    write.mutate(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.schedule')}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5">
          {t('meetings.schedule')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('meetings.contact')}
            required
            data={contacts.map((c) => ({
              value: c.id,
              label: c.isDecisionMaker ? t('meetings.contactDecisionMaker', { name: c.name }) : c.name,
            }))}
            value={contactId}
            onChange={setContactId}
            error={tried && !contactId ? t('form.required') : write.fieldError('contactId')}
            miw={200}
          />
          <DateTimePicker
            label={t('meetings.scheduledAt')}
            required
            value={when}
            onChange={setWhen}
            valueFormat="YYYY-MM-DD HH:mm"
            submitButtonProps={{ 'aria-label': t('meetings.pickerDone') }}
            error={tried && !pickerToIso(when) ? t('form.required') : write.fieldError('scheduledAt')}
            miw={200}
          />
        </Group>
        <Textarea
          label={t('meetings.agenda')}
          autosize
          minRows={1}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
          error={write.fieldError('agenda')}
        />
        {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('meetings.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
