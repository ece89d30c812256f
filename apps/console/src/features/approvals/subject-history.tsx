import { Anchor, Badge, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { APPROVALS_KEY } from './queries';
import { STATUS_COLOR } from './status-color';

/** Every request ever made about this request's subject (each version), oldest first. */
export function SubjectHistory({ subjectId, current }: { subjectId: string; current: string }) {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const history = useQuery({
    queryKey: [...APPROVALS_KEY, 'subject-history', subjectId],
    queryFn: () =>
      unwrap(api.GET('/api/approvals/history', { params: { query: { subjectId, limit: 50, offset: 0 } } })),
  });
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="subject-history">
      <Title order={2} size="h4" id="subject-history">
        {t('subjectHistory.title')}
      </Title>
      <List size="sm" spacing={4}>
        {history.data.items.map((r) => (
          <List.Item key={r.id}>
            <Badge tt="none" size="sm" color={STATUS_COLOR[r.status]} mr="xs">
              {t(`status.${r.status}`)}
            </Badge>
            {r.id === current ? (
              <Text span size="sm" fw={600}>
                {t('subjectHistory.this', { date: format.dateTime(r.requestedAt) })}
              </Text>
            ) : (
              <Anchor component={Link} to={`/approvals/${r.id}`} size="sm" c="indigo.8">
                {t('subjectHistory.request', { date: format.dateTime(r.requestedAt) })}
              </Anchor>
            )}
            {r.closeComment ? (
              <Text size="sm" fs="italic">
                “{r.closeComment}”
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
