import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown while a page's data loads. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t('status.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Shown when a list or page has nothing to show; says what the person can do next. */
export function Empty({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <Text fw={600}>{title ?? t('status.empty')}</Text>
        {children ? (
          <Text size="sm" c="dimmed" component="div">
            {children}
          </Text>
        ) : null}
      </Stack>
    </Center>
  );
}

/** Shown when a request failed: the server's sentence, and a retry where one makes sense. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" role="alert" title={t('status.error', { message })} my="md">
      {onRetry ? (
        <Button variant="light" color="red" size="xs" onClick={onRetry}>
          {t('status.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
