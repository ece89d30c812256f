import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { hasRole, useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { ApprovalPanel } from './approval-panel';
import { CaseActivity } from './case-activity';
import { CaseStatusBadge } from './case-status';
import { CaseTasksTable } from './case-tasks-table';
import { useCase } from './queries';
import { SigningPanel } from './signing-panel';
import { TaskGraph } from './task-graph';
import { TermsPanel } from './terms-panel';

/** /contracts/:id: terms and their diff, the deviation's approval, the task graph, signing and handover. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('contracts');
  const f = useFormat();
  const me = useMe();
  const found = useCase(id);
  if (found.isPending) return <Loading />;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  const c = found.data;
  // Legal and accounting act on tasks; the others read (the server refuses their writes anyway).
  const canAct = c.access === 'write' || hasRole(me, 'legal', 'accounting');
  return (
    <Stack>
      <Anchor component={Link} to="/contracts" size="sm" c="indigo.8">
        {t('page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {c.companyName ?? t('list.unnamed')}
            </Title>
            <CaseStatusBadge status={c.status} />
            {c.overdueTasks > 0 ? (
              <Badge color="red.9" variant="filled">
                {t('page.overdue', { count: c.overdueTasks })}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="gray.7">
            {t('page.opened', { date: f.date(c.openedAt) })}
          </Text>
        </Stack>
        {hasRole(me, 'salesperson', 'sales_head', 'owner') ? (
          <Anchor component={Link} to={`/prospects/${c.prospectId}`} c="indigo.8">
            {t('page.prospect')}
          </Anchor>
        ) : null}
      </Group>
      {c.access === 'read' && !canAct ? (
        <Alert color="gray" variant="light">
          {t('page.readOnly')}
        </Alert>
      ) : null}
      <Paper component="section" aria-labelledby="graph-title" withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="graph-title">
            {t('graph.title')}
          </Title>
          {c.remainingDays > 0 ? (
            <Text size="sm" c="gray.7">
              {t('graph.remaining', { count: c.remainingDays })}
            </Text>
          ) : null}
        </Group>
        <Stack>
          <TaskGraph tasks={c.tasks} />
          <CaseTasksTable tasks={c.tasks} canAct={canAct} />
        </Stack>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TermsPanel contractCase={c} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <SigningPanel contractCase={c} />
            <ApprovalPanel contractCase={c} />
          </Stack>
        </Grid.Col>
      </Grid>
      <CaseActivity tasks={c.tasks} />
    </Stack>
  );
}
