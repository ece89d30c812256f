import { Anchor, Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { useContractCase } from './queries';

/** After the handoff: how far legal and accounting are with the contract case (read only). */
export function ContractProgress({ prospectId }: { prospectId: string }) {
  const { t } = useTranslation('prospects');
  const f = useFormat();
  const found = useContractCase(prospectId, true);
  let body;
  if (found.isPending) body = <Loading />;
  else if (found.isError) body = <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  else if (!found.data)
    body = (
      <Text size="sm" c="gray.7">
        {t('contract.waiting')}
      </Text>
    );
  else {
    const c = found.data;
    const required = c.tasks.filter((task) => task.required);
    const done = required.filter((task) => task.state === 'done').length;
    const label = t('contract.progress', { done, total: required.length });
    body = (
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="filled" color={c.status === 'signed' ? 'teal.9' : 'indigo.8'}>
            {t(`contract.status.${c.status}`)}
          </Badge>
          {c.signedAt ? <Text size="sm">{t('contract.signedAt', { date: f.date(c.signedAt) })}</Text> : null}
          {/* The API answered the case, so this viewer may read it (the case page shows it read-only). */}
          <Anchor component={Link} to={`/contracts/${c.id}`} size="sm" c="indigo.8">
            {t('contract.open')}
          </Anchor>
        </Group>
        <Progress.Root>
          <Progress.Section
            value={required.length ? (done / required.length) * 100 : 0}
            aria-label={t('contract.title')}
            aria-valuetext={label}
            color="teal.8"
          />
        </Progress.Root>
        <Text size="sm" c="gray.7">
          {label}
        </Text>
        <List spacing={4} size="sm">
          {c.tasks.map((task) => (
            <List.Item key={task.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{task.title}</Text>
                <Badge size="xs" variant="outline" color="gray.7">
                  {t(`contract.groups.${task.group}`)}
                </Badge>
                <Badge size="xs" variant="filled" color={task.state === 'done' ? 'teal.9' : 'gray.7'}>
                  {t(`contract.taskState.${task.state}`)}
                </Badge>
                {task.overdue ? (
                  <Badge size="xs" color="red.8">
                    {t('contract.overdue')}
                  </Badge>
                ) : task.dueAt ? (
                  <Text size="xs" c="gray.7">
                    {t('contract.due', { date: f.date(task.dueAt) })}
                  </Text>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  return (
    <Paper component="section" aria-labelledby="contract-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="contract-title" mb="sm">
        {t('contract.title')}
      </Title>
      {body}
    </Paper>
  );
}
