import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { MeetingAction, MeetingActionModal } from './meeting-action-modal';
import { Contact, Meeting } from './queries';

/** The prospect's meetings with their status, and for a scheduled one: held, reschedule, cancel. */
export function MeetingList({
  prospectId,
  readOnly,
  contacts,
  meetings,
}: {
  prospectId: string;
  readOnly: boolean;
  contacts: Contact[];
  meetings: Meeting[];
}) {
  const { t } = useTranslation('prospects');
  const f = useFormat();
  const [acting, setActing] = useState<{ meeting: Meeting; action: MeetingAction } | null>(null);
  const nameOf = (id: string) => contacts.find((c) => c.id === id)?.name ?? t('meetings.unknownContact');
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {meetings.map((m) => {
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
                    <Button size="xs" variant="default" onClick={() => setActing({ meeting: m, action: 'reschedule' })}>
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
      {acting ? (
        <MeetingActionModal
          prospectId={prospectId}
          meeting={acting.meeting}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      ) : null}
    </>
  );
}
