import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { RequestDetail, useContractCase } from './queries';
import { deviationSnapshot } from './snapshots';
import { termsRows } from './terms-diff';
import { TermsTable } from './terms-table';

/** A contract terms deviation: every term of the case, the approved offer's baseline beside the proposal. */
export function DeviationSubject({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('approvals');
  const snapshot = deviationSnapshot(request.snapshot);
  const contract = useContractCase(snapshot.caseId);
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  const c = contract.data;
  const company = c.companyName ?? '';
  const title = (
    <Title order={3} size="h4">
      {t('deviation.title', { company })}
    </Title>
  );
  // The case moved on (a newer revision voids this request): only the request's own list of changes applies.
  if (c.termsRevision !== snapshot.termsRevision) {
    return (
      <Stack gap="sm">
        {title}
        <Alert color="gray">
          {t('deviation.stale', { revision: snapshot.termsRevision, current: c.termsRevision })}
        </Alert>
        <List size="sm">
          {snapshot.summary.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {title}
      <Text size="sm" fw={600}>
        {t('deviation.changes', { count: c.deviations.length })}
      </Text>
      <TermsTable
        rows={termsRows(c.baseline, c.terms)}
        label={t('deviation.tableLabel')}
        before={t('diff.before')}
        after={t('diff.after')}
      />
    </Stack>
  );
}
