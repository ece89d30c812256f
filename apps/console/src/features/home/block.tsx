import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BlockProps<T> {
  title: string;
  query: UseQueryResult<T>;
  /** What the block shows as a number next to its title (e.g. how many approvals wait). */
  count?: (data: T) => string | null;
  isEmpty: (data: T) => boolean;
  empty: string;
  children: (data: T) => ReactNode;
  footer?: ReactNode;
}

/** One "what needs me" block: its own loading, empty and error states, so one failing API leaves the rest usable. */
export function HomeBlock<T>({ title, query, count, isEmpty, empty, children, footer }: BlockProps<T>) {
  const { t } = useTranslation();
  const headingId = `home-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const badge = query.isSuccess && count ? count(query.data) : null;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {badge ? (
            <Badge variant="light" size="lg">
              {badge}
            </Badge>
          ) : null}
        </Group>
        {query.isPending ? (
          <Stack gap="xs" role="status" aria-label={t('status.loading')}>
            <Skeleton height={14} />
            <Skeleton height={14} width="70%" />
          </Stack>
        ) : query.isError ? (
          <Alert color="red" role="alert" title={t('status.error', { message: query.error.message })}>
            <Button variant="light" color="red" size="xs" onClick={() => void query.refetch()}>
              {t('status.retry')}
            </Button>
          </Alert>
        ) : isEmpty(query.data) ? (
          <Text c="dimmed" size="sm">
            {empty}
          </Text>
        ) : (
          children(query.data)
        )}
        {footer}
      </Stack>
    </Paper>
  );
}

/** The rows of a block: a title line and a detail line each. */
export function BlockList({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}

export function BlockItem({
  primary,
  secondary,
  aside,
}: {
  primary: ReactNode;
  secondary?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={500} size="sm" truncate>
            {primary}
          </Text>
          {secondary ? (
            <Text size="xs" c="dimmed">
              {secondary}
            </Text>
          ) : null}
        </Stack>
        {aside}
      </Group>
    </li>
  );
}
