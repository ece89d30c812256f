import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { localeOf, useFormat } from '../../i18n/format';
import { CsvReport, DrillQuery, downloadCsv } from './queries';

/** A report the server refused (403, or 404 for a unit or person outside my reach): say so, show no figures. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

export function Forbidden() {
  const { t } = useTranslation('dashboards');
  return (
    <Alert color="red" role="alert" title={t('forbidden.title')}>
      {t('forbidden.body')}
    </Alert>
  );
}

/** Loading, refusal and error of one report; the report itself once its data is there. */
export function ReportState<T>({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return isRefusal(query.error) ? (
      <Forbidden />
    ) : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return query.data === undefined ? null : <>{children(query.data)}</>;
}

/** A titled block of the dashboard with its CSV export. */
export function Section({
  title,
  intro,
  csv,
  children,
}: {
  title: string;
  intro?: ReactNode;
  csv?: { path: CsvReport; query: Record<string, string | number>; file: string };
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2} maw={720}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {intro ? (
              <Text size="sm" c="gray.7" component="div">
                {intro}
              </Text>
            ) : null}
          </Stack>
          {csv ? <CsvButton {...csv} report={title} /> : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function CsvButton({
  path,
  query,
  file,
  report,
}: {
  path: CsvReport;
  query: Record<string, string | number>;
  file: string;
  report: string;
}) {
  const { t } = useTranslation('dashboards');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await downloadCsv(path, query, file);
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('csv.failed', { message: error instanceof Error ? error.message : String(error) }),
        closeButtonProps: { 'aria-label': t('close') },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="light"
      size="xs"
      loading={busy}
      onClick={() => void save()}
      aria-label={t('csv.label', { report })}
    >
      {t('csv.button')}
    </Button>
  );
}

/** The URL of the prospects behind a figure. */
export function drillHref(query: DrillQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return `/dashboards/prospects?${params.toString()}`;
}

/** A figure that opens the prospects behind it (a plain number when there are none). */
export function Figure({
  value,
  query,
  label,
  plain = false,
}: {
  value: number;
  query: DrillQuery;
  label: string;
  plain?: boolean;
}) {
  const format = useFormat();
  if (value === 0 || plain) return <>{format.number(value)}</>;
  return (
    <Anchor component={Link} to={drillHref(query)} c="indigo.8" fw={600} aria-label={label}>
      {format.number(value)}
    </Anchor>
  );
}

/** A rate 0..1 as a percentage ("—" when the server says there is none). */
export function usePercent() {
  const { language } = useFormat();
  return (rate: number | null | undefined) =>
    rate === null || rate === undefined
      ? '—'
      : new Intl.NumberFormat(localeOf(language), {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(rate);
}

/** Days with one decimal ("—" when there is no figure). */
export function useDays() {
  const { language } = useFormat();
  return (days: number | null | undefined) =>
    days === null || days === undefined
      ? '—'
      : new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(days);
}

/** A month "2026-12" in words ("December 2026", "2026. december"). */
export function useMonth() {
  const { language } = useFormat();
  return (month: string) =>
    new Intl.DateTimeFormat(localeOf(language), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
}
