import { Stack } from '@mantine/core';
import { ErrorState, Loading } from '../../components/states';
import { ContactAttemptsPanel } from './contact-attempts-panel';
import { ContactsPanel } from './contacts-panel';
import { MeetingsPanel } from './meetings-panel';
import { useContacts } from './queries';

/** Contacts, contact attempts and meetings of one prospect, with the forms that record them. */
export function ActivityTab({ prospectId, readOnly }: { prospectId: string; readOnly: boolean }) {
  const contacts = useContacts(prospectId);
  if (contacts.isPending) return <Loading />;
  if (contacts.isError) return <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <Stack>
      <ContactsPanel prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
      <MeetingsPanel prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
      <ContactAttemptsPanel prospectId={prospectId} readOnly={readOnly} contacts={contacts.data} />
    </Stack>
  );
}
