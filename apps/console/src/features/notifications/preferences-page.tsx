import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors';
import { ErrorState, Loading } from '../../components/states';
import { DigestMode, Preferences, usePreferences, useSavePreferences } from './queries';
import { eventKey } from './subject-link';

type Row = Preferences['events'][number];
const DIGEST_MODES: DigestMode[] = ['off', 'hourly', 'daily'];

function PreferencesForm({ saved }: { saved: Preferences }) {
  const { t } = useTranslation('notifications');
  const save = useSavePreferences();
  const [rows, setRows] = useState<Row[]>(saved.events);
  const [digest, setDigest] = useState<DigestMode>(saved.digest);
  const changed =
    digest !== saved.digest || rows.some((row, i) => JSON.stringify(row) !== JSON.stringify(saved.events[i]));
  const error = save.error instanceof ApiError ? save.error : null;

  const toggle = (eventType: Row['eventType'], channel: 'inApp' | 'email', on: boolean) =>
    setRows((current) => current.map((row) => (row.eventType === eventType ? { ...row, [channel]: on } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { digest, events: rows.map(({ eventType, inApp, email }) => ({ eventType, inApp, email })) },
      {
        onSuccess: (answer) => {
          setRows(answer.events);
          setDigest(answer.digest);
          notifications.show({
            message: t('preferences.saved'),
            color: 'green',
            closeButtonProps: { 'aria-label': t('closeToast') },
          });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError ? (
          error ? (
            <Alert color="red" role="alert" title={error.message}>
              {error.body.fields?.map((f) => `${f.field}: ${f.problems?.join(', ') ?? ''}`).join('; ')}
            </Alert>
          ) : (
            <ErrorState error={save.error} />
          )
        ) : null}
        <Paper withBorder radius="md" p={0} style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('preferences.event')}</Table.Th>
                <Table.Th scope="col" ta="center">
                  {t('preferences.inApp')}
                </Table.Th>
                {/* "E-mail" must not break at its hyphen in a narrow column. */}
                <Table.Th scope="col" ta="center" style={{ whiteSpace: 'nowrap' }}>
                  {t('preferences.email')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const event = t(eventKey(row.eventType), { defaultValue: row.eventType });
                return (
                  <Table.Tr key={row.eventType}>
                    <Table.Th scope="row" fw={400}>
                      {event}
                    </Table.Th>
                    {(['inApp', 'email'] as const).map((channel) => (
                      <Table.Td key={channel}>
                        <Group justify="center">
                          <Switch
                            checked={row[channel]}
                            onChange={(e) => toggle(row.eventType, channel, e.currentTarget.checked)}
                            aria-label={t('preferences.switchLabel', { channel: t(`preferences.${channel}`), event })}
                          />
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
        <Radio.Group
          label={t('preferences.digest')}
          description={t('preferences.digestHint')}
          value={digest}
          onChange={(value) => setDigest(value)}
          error={error?.problemsFor('digest')}
        >
          <Group mt="xs">
            {DIGEST_MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`preferences.digestModes.${mode}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!changed}>
            {t('preferences.save')}
          </Button>
          {!changed && !save.isPending ? (
            <Text size="sm" c="dimmed">
              {t('preferences.unchanged')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** Per event type and channel, what reaches me; and whether e-mails come one by one or as a digest. */
export function PreferencesPage() {
  const { t } = useTranslation('notifications');
  const preferences = usePreferences();
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/notifications" size="sm">
        {t('preferences.back')}
      </Anchor>
      <Title order={1}>{t('preferences.title')}</Title>
      <Text c="dimmed">{t('preferences.intro')}</Text>
      {preferences.isPending ? (
        <Loading />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <PreferencesForm key={preferences.dataUpdatedAt} saved={preferences.data} />
      )}
    </Stack>
  );
}
