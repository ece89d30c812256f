import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { MeetingForm } from './meeting-form';
import { MeetingList } from './meeting-list';
import { Contact, useMeetings } from './queries';

/** The meetings section: the list with its states, and the form that schedules one. */
export function MeetingsPanel({
  prospectId,
  readOnly,
  contacts,
}: {
  prospectId: string;
  readOnly: boolean;
  contacts: Contact[];
}) {
  const { t } = useTranslation('prospects');
  const meetings = useMeetings(prospectId);
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
        <MeetingList prospectId={prospectId} readOnly={readOnly} contacts={contacts} meetings={meetings.data} />
      )}
      {readOnly ? null : <MeetingForm prospectId={prospectId} contacts={contacts} />}
    </Paper>
  );
}
