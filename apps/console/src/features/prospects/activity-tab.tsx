import '@mantine/dates/styles.css';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { nowForPicker, pickerToIso } from './date-time';
import { FormError } from './form-error';
import { Contact, Meeting, useContactAttempts, useContacts, useMeetings } from './queries';
import { useWrite } from './use-write';

const CHANNELS = ['call', 'email', 'message', 'visit'] as const;
const OUTCOMES = ['no_answer', 'reached', 'callback_requested', 'refused', 'wrong_contact', 'other'] as const;

function ContactAttempts({
  prospectId,
  readOnly,
  contacts,
}: {
  prospectId: string;
  readOnly: boolean;
  contacts: Contact[];
}) {
  const { t } = useTranslation('prospects');
  const f = useFormat();
  const [page, setPage] = useState(1);
  const limit = 10;
  const attempts = useContactAttempts(prospectId, (page - 1) * limit, limit);
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
    <Paper component="section" aria-labelledby="attempts-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="attempts-title">
        {t('attempts.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('attempts.hint')}
      </Text>
      {attempts.isPending ? (
        <Loading />
      ) : attempts.isError ? (
        <ErrorState error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : attempts.data.items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('attempts.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attempts.at')}</Table.Th>
                  <Table.Th>{t('attempts.channel')}</Table.Th>
                  <Table.Th>{t('attempts.outcome')}</Table.Th>
                  <Table.Th>{t('attempts.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attempts.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{f.dateTime(a.at)}</Table.Td>
                    <Table.Td>{t(`attempts.channels.${a.channel}`, { defaultValue: a.channel })}</Table.Td>
                    <Table.Td>{t(`attempts.outcomes.${a.outcome}`, { defaultValue: a.outcome })}</Table.Td>
                    <Table.Td>{a.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {attempts.data.total > limit ? (
            <Pagination
              mt="sm"
              size="sm"
              value={page}
              onChange={setPage}
              total={Math.ceil(attempts.data.total / limit)}
              getControlProps={(control) => ({ 'aria-label': control })}
            />
          ) : null}
        </>
      )}
      {readOnly ? null : (
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
      )}
    </Paper>
  );
}

function Contacts({ prospectId, readOnly, contacts }: { prospectId: string; readOnly: boolean; contacts: Contact[] }) {
  const { t } = useTranslation('prospects');
  const empty = { name: '', position: '', email: '', phone: '', decisionReason: '' };
  const [form, setForm] = useState(empty);
  const [isDecisionMaker, setDecisionMaker] = useState(false);
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/prospects/{id}/contacts', {
          params: { path: { id: prospectId } },
          body: {
            name: form.name.trim(),
            position: form.position.trim() || undefined,
            email: form.email.trim() || undefined,
            phone: form.phone.trim() || undefined,
            isDecisionMaker,
            decisionReason: isDecisionMaker ? form.decisionReason.trim() || undefined : undefined,
          },
        }),
      ),
    t('contacts.added'),
    () => {
      setForm(empty);
      setDecisionMaker(false);
      setTried(false);
    },
  );
  const field = (key: keyof typeof empty) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: write.fieldError(key),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.name.trim() || (isDecisionMaker && !form.decisionReason.trim())) return;
    write.mutate(undefined);
  };

  return (
    <Paper component="section" aria-labelledby="contacts-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="contacts-title" mb="sm">
        {t('contacts.title')}
      </Title>
      {contacts.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('contacts.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {contacts.map((c) => (
            <li key={c.id}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                {c.position ? (
                  <Text size="sm" c="gray.7">
                    {c.position}
                  </Text>
                ) : null}
                {c.isDecisionMaker ? (
                  <Badge color="indigo.8" variant="filled" size="sm">
                    {t('contacts.isDecisionMaker')}
                  </Badge>
                ) : null}
              </Group>
              {c.decisionReason ? (
                <Text size="xs" c="gray.7">
                  {c.decisionReason}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
      {readOnly ? null : (
        <form onSubmit={submit} noValidate aria-label={t('contacts.add')}>
          <Stack gap="sm" mt="md">
            <Title order={3} size="h5">
              {t('contacts.add')}
            </Title>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={t('contacts.name')}
                required
                {...field('name')}
                error={tried && !form.name.trim() ? t('form.required') : write.fieldError('name')}
                miw={180}
              />
              <TextInput label={t('contacts.position')} {...field('position')} miw={180} />
            </Group>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput label={t('contacts.email')} type="email" {...field('email')} miw={180} />
              <TextInput label={t('contacts.phone')} type="tel" {...field('phone')} miw={180} />
            </Group>
            <Checkbox
              label={t('contacts.decisionMaker')}
              description={t('contacts.decisionMakerHint')}
              checked={isDecisionMaker}
              onChange={(e) => setDecisionMaker(e.currentTarget.checked)}
              error={write.fieldError('isDecisionMaker')}
            />
            {isDecisionMaker ? (
              <Textarea
                label={t('contacts.decisionReason')}
                required
                autosize
                minRows={2}
                {...field('decisionReason')}
                error={tried && !form.decisionReason.trim() ? t('form.required') : write.fieldError('decisionReason')}
              />
            ) : null}
            {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
            <Group>
              <Button type="submit" loading={write.isPending}>
                {t('contacts.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

type MeetingAction = 'held' | 'cancel' | 'reschedule';

function MeetingActionModal({
  prospectId,
  meeting,
  action,
  onClose,
}: {
  prospectId: string;
  meeting: Meeting;
  action: MeetingAction;
  onClose: () => void;
}) {
  const { t } = useTranslation('prospects');
  const [when, setWhen] = useState<string | null>(action === 'held' ? nowForPicker() : null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const path = { params: { path: { id: prospectId, meetingId: meeting.id } } };
  const write = useWrite(
    prospectId,
    () => {
      if (action === 'held')
        return unwrap(
          api.POST('/api/prospects/{id}/meetings/{meetingId}/held', {
            ...path,
            body: { heldAt: pickerToIso(when)!, note: text.trim() || undefined },
          }),
        );
      if (action === 'cancel')
        return unwrap(
          api.POST('/api/prospects/{id}/meetings/{meetingId}/cancel', { ...path, body: { reason: text.trim() } }),
        );
      return unwrap(
        api.POST('/api/prospects/{id}/meetings/{meetingId}/reschedule', {
          ...path,
          body: { scheduledAt: pickerToIso(when)!, reason: text.trim() || undefined },
        }),
      );
    },
    t(action === 'held' ? 'meetings.held' : action === 'cancel' ? 'meetings.cancelled' : 'meetings.rescheduled'),
    onClose,
  );
  const title = t(
    action === 'held'
      ? 'meetings.holdTitle'
      : action === 'cancel'
        ? 'meetings.cancelTitle'
        : 'meetings.rescheduleTitle',
  );
  const needsTime = action !== 'cancel';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (needsTime && !pickerToIso(when)) return;
    if (action === 'cancel' && !text.trim()) return;
    write.mutate(undefined);
  };
  const timeField = action === 'held' ? 'heldAt' : 'scheduledAt';
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {needsTime ? (
            <DateTimePicker
              label={t(action === 'held' ? 'meetings.heldAt' : 'meetings.newTime')}
              required
              value={when}
              onChange={setWhen}
              valueFormat="YYYY-MM-DD HH:mm"
              submitButtonProps={{ 'aria-label': t('meetings.pickerDone') }}
              popoverProps={{ withinPortal: true }}
              error={tried && !pickerToIso(when) ? t('form.required') : write.fieldError(timeField)}
            />
          ) : null}
          <Textarea
            label={t(action === 'held' ? 'meetings.note' : 'meetings.reason')}
            required={action === 'cancel'}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={
              action === 'cancel' && tried && !text.trim()
                ? t('form.required')
                : write.fieldError(action === 'held' ? 'note' : 'reason')
            }
          />
          {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:form.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} color={action === 'cancel' ? 'red.8' : undefined}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Meetings({ prospectId, readOnly, contacts }: { prospectId: string; readOnly: boolean; contacts: Contact[] }) {
  const { t } = useTranslation('prospects');
  const f = useFormat();
  const meetings = useMeetings(prospectId);
  const [contactId, setContactId] = useState<string | null>(null);
  const [when, setWhen] = useState<string | null>(null);
  const [agenda, setAgenda] = useState('');
  const [tried, setTried] = useState(false);
  const [acting, setActing] = useState<{ meeting: Meeting; action: MeetingAction } | null>(null);
  const nameOf = (id: string) => contacts.find((c) => c.id === id)?.name ?? t('meetings.unknownContact');
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
    <Paper component="section" aria-labelledby="meetings-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="meetings-title" mb="sm">
        {t('meetings.title')}
      </Title>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.data.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('meetings.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {meetings.data.map((m) => {
            const when = f.dateTime(m.scheduledAt);
            return (
              <li key={m.id} data-testid="meeting">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {t('meetings.when', { when, name: nameOf(m.contactId) })}
                    </Text>
                    <Badge
                      size="sm"
                      variant="filled"
                      color={m.status === 'held' ? 'teal.9' : m.status === 'cancelled' ? 'gray.7' : 'indigo.8'}
                    >
                      {t(`meetings.status.${m.status}`)}
                    </Badge>
                  </Group>
                  {!readOnly && m.status === 'scheduled' ? (
                    <Group gap="xs" role="group" aria-label={t('meetings.actions', { when })}>
                      <Button size="xs" onClick={() => setActing({ meeting: m, action: 'held' })}>
                        {t('meetings.hold')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setActing({ meeting: m, action: 'reschedule' })}
                      >
                        {t('meetings.reschedule')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.8"
                        onClick={() => setActing({ meeting: m, action: 'cancel' })}
                      >
                        {t('meetings.cancel')}
                      </Button>
                    </Group>
                  ) : null}
                </Group>
                {m.agenda ? (
                  <Text size="xs" c="gray.7">
                    {m.agenda}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </Stack>
      )}
      {acting ? (
        <MeetingActionModal
          prospectId={prospectId}
          meeting={acting.meeting}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      ) : null}
      {readOnly ? null : (
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
      )}
    </Paper>
  );
}

/** Contacts, contact attempts and meetings of one prospect, with the forms that record them. */
export function ActivityTab({ prospectId, readOnly }: { prospectId: string; readOnly: boolean }) {
  const contacts = useContacts(prospectId);
  if (contacts.isPending) return <Loading />;
  if (contacts.isError) return <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <Stack>
      <Contacts prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
      <Meetings prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
      <ContactAttempts prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
    </Stack>
  );
}
