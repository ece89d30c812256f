import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ContactForm } from './contact-form';
import { Contact } from './queries';

/** The prospect's contacts (decision-makers marked, with why they decide) and the form that adds one. */
export function ContactsPanel({
  prospectId,
  readOnly,
  contacts,
}: {
  prospectId: string;
  readOnly: boolean;
  contacts: Contact[];
}) {
  const { t } = useTranslation('prospects');
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
      {readOnly ? null : <ContactForm prospectId={prospectId} />}
    </Paper>
  );
}
