import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notify } from './notify';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { hasRole, useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { AddCompanyForm } from './add-company-form';
import { AssignmentPanel } from './assignment-panel';
import { CompanyTable } from './company-table';
import { CsvImportPanel } from './csv-import-panel';
import { SampleDetail, useProductLines, useSample, useSubmitSample, useUnitMembers } from './queries';
import { SampleStatusBadge, displayStatus } from './sample-status';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** /samples/:id: a sample, its companies, and what its state allows (build and submit; or assign). */
export function SamplePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('samples');
  const sample = useSample(id);
  if (sample.isPending) return <Loading />;
  if (sample.isError) {
    const missing = sample.error instanceof ApiError && (sample.error.status === 404 || sample.error.status === 400);
    return (
      <Stack>
        <BackLink />
        {missing ? (
          <Alert color="gray">{t('detail.notFound')}</Alert>
        ) : (
          <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />
        )}
      </Stack>
    );
  }
  return <SampleView sample={sample.data} />;
}

function BackLink() {
  const { t } = useTranslation('samples');
  return (
    <Anchor component={Link} to="/samples" size="sm" c="indigo.8">
      ← {t('detail.back')}
    </Anchor>
  );
}

function SampleView({ sample }: { sample: SampleDetail }) {
  const { t } = useTranslation('samples');
  const format = useFormat();
  const me = useMe();
  const lines = useProductLines();
  const members = useUnitMembers(sample.unitId, hasRole(me, 'sales_head', 'owner'));
  const submit = useSubmitSample(sample.id);
  const status = displayStatus(sample);
  const draft = sample.status === 'draft';
  const line = lines.data?.items.find((l) => l.id === sample.productLineId)?.name ?? '';
  const author =
    sample.authorId === me.id
      ? t('detail.you', { name: me.name })
      : (members.data?.find((m) => m.id === sample.authorId)?.name ?? t('detail.colleague'));
  const submittedAt = sample.submittedAt;
  const decidedAt = sample.decidedAt;

  const send = () =>
    submit.mutate(sample.version, {
      onSuccess: () => notify('green', t('submit.done')),
    });
  const refusal = submit.error instanceof Error ? submit.error.message : null;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <BackLink />
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {sample.title}
          </Title>
          <SampleStatusBadge sample={sample} />
        </Group>
      </Stack>
      {sample.status === 'pending_approval' && submittedAt ? (
        <Alert color="yellow" role="status">
          {t('detail.pending', { date: format.dateTime(submittedAt) })}
        </Alert>
      ) : null}
      {sample.status === 'approved' && decidedAt ? (
        <Alert color="green">{t('detail.approved', { date: format.dateTime(decidedAt) })}</Alert>
      ) : null}
      {status === 'returned' && decidedAt ? (
        <Alert color="red">
          <Stack gap={4}>
            <span>{t('detail.returned', { date: format.dateTime(decidedAt) })}</span>
            {sample.decisionComment ? (
              <span>{t('detail.ownerComment', { comment: sample.decisionComment })}</span>
            ) : null}
          </Stack>
        </Alert>
      ) : sample.decisionComment && sample.status === 'approved' ? (
        <Text size="sm">{t('detail.ownerComment', { comment: sample.decisionComment })}</Text>
      ) : null}
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('detail.facts')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Fact label={t('detail.productLine')}>{line}</Fact>
            <Fact label={t('detail.author')}>{author}</Fact>
            <Fact label={t('detail.created')}>{format.dateTime(sample.createdAt)}</Fact>
            {submittedAt ? <Fact label={t('detail.submitted')}>{format.dateTime(submittedAt)}</Fact> : null}
          </SimpleGrid>
          <div>
            <Title order={2} size="h5">
              {t('detail.rationale')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} maw={820}>
              {sample.rationale}
            </Text>
          </div>
        </Stack>
      </Paper>
      {draft ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="submit-heading">
          <Group justify="space-between" align="center">
            <Text size="sm" c="gray.7" id="submit-heading" maw={560}>
              {t('submit.hint')}
            </Text>
            <Button onClick={send} loading={submit.isPending} disabled={sample.companies.length === 0}>
              {t('submit.button')}
            </Button>
          </Group>
          {refusal ? (
            <Alert color="red" role="alert" mt="sm">
              {refusal}
            </Alert>
          ) : null}
        </Paper>
      ) : null}
      {sample.status === 'approved' ? <AssignmentPanel sample={sample} /> : null}
      <CompanyTable sample={sample} />
      {draft ? (
        <>
          <AddCompanyForm sampleId={sample.id} />
          <CsvImportPanel sampleId={sample.id} />
        </>
      ) : null}
    </Stack>
  );
}
