import { Pagination, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ContactAttemptForm } from './contact-attempt-form';
import { Contact, useContactAttempts } from './queries';

const PAGE_SIZE = 10;

/** The attempts to reach the company, a page at a time, and the form that logs one. */
export function ContactAttemptsPanel({
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
  const attempts = useContactAttempts(prospectId, (page - 1) * PAGE_SIZE, PAGE_SIZE);

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
          {attempts.data.total > PAGE_SIZE ? (
            <Pagination
              mt="sm"
              size="sm"
              value={page}
              onChange={setPage}
              total={Math.ceil(attempts.data.total / PAGE_SIZE)}
              getControlProps={(control) => ({ 'aria-label': control })}
            />
          ) : null}
        </>
      )}
      {readOnly ? null : <ContactAttemptForm prospectId={prospectId} contacts={contacts} />}
    </Paper>
  );
}
