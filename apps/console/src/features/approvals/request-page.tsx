import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRequest } from './queries';
import { RequestCard } from './request-card';
import { SubjectHistory } from './subject-history';

/** /approvals/:id: one request in full (where a notification about it leads). */
export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('approvals');
  const request = useRequest(id);
  return (
    <Stack>
      <Anchor component={Link} to="/approvals" size="sm" c="indigo.8">
        ← {t('back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <RequestCard id={id} linkToPage={false} />
      {request.data ? <SubjectHistory subjectId={request.data.subjectId} current={id} /> : null}
    </Stack>
  );
}
