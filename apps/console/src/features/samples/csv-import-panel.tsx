import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ImportProgress, ImportResult, ReportLine, importCompanies, parseCompanyCsv, totalsOf } from './csv-import';
import { ImportReport } from './import-report';
import { sendBatch, useInvalidateSamples } from './queries';

type Phase = 'idle' | 'reading' | 'sending' | 'done';

/**
 * Imports a CSV file: parsed here (Papa Parse), sent to the JSON endpoint in batches so the bar shows real
 * progress, and the server's per-row answers merged into one report.
 */
export function CsvImportPanel({ sampleId }: { sampleId: string }) {
  const { t } = useTranslation('samples');
  const format = useFormat();
  const invalidate = useInvalidateSamples();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setProblem(null);
    setResult(null);
    setPhase('reading');
    let text: string;
    try {
      text = await file.text();
    } catch {
      setProblem(t('import.problems.unreadable'));
      setPhase('idle');
      return;
    }
    const parsed = parseCompanyCsv(text);
    if (!parsed.ok) {
      setProblem(t(`import.problems.${parsed.problem}`, { column: parsed.column ?? '' }));
      setPhase('idle');
      return;
    }
    if (parsed.companies.length === 0) {
      setProblem(t('import.problems.no_rows'));
      setPhase('idle');
      return;
    }
    setPhase('sending');
    try {
      setResult(await importCompanies(parsed.companies, (items) => sendBatch(sampleId, items), setProgress));
    } catch (failure) {
      const lines = (failure as { partial?: ReportLine[] }).partial ?? [];
      setResult({ lines, totals: totalsOf(lines) });
      setProblem(t('import.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setPhase('done');
      void invalidate();
    }
  }

  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const busy = phase === 'reading' || phase === 'sending';
  const counts = { done: format.number(progress.done), total: format.number(progress.total) };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="csv-import-heading">
          {t('import.heading')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('import.hint')}
        </Text>
        <form onSubmit={(e) => void run(e)} aria-labelledby="csv-import-heading">
          <Group align="flex-end">
            <FileInput
              label={t('import.file')}
              placeholder={t('import.placeholder')}
              accept=".csv,text/csv,text/plain"
              value={file}
              onChange={(next) => {
                setFile(next);
                setProblem(null);
              }}
              clearable
              clearButtonProps={{ 'aria-label': t('import.clear') }}
              disabled={busy}
              miw={260}
              // Mantine's placeholder grey is too light to read (axe: colour contrast); a darker one still reads as a hint.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            />
            <Button type="submit" disabled={!file} loading={busy}>
              {t('import.start')}
            </Button>
          </Group>
        </form>
        {phase === 'reading' ? (
          <Text size="sm" role="status">
            {t('import.reading')}
          </Text>
        ) : null}
        {phase === 'sending' || phase === 'done' ? (
          <Stack gap={4}>
            <Progress.Root size="lg" aria-hidden={false}>
              <Progress.Section
                value={percent}
                color={phase === 'done' ? 'green' : 'indigo'}
                animated={phase === 'sending'}
                aria-label={t('import.progress')}
              />
            </Progress.Root>
            <Text size="sm" c="gray.7" role="status" aria-live="polite">
              {phase === 'done' ? t('import.finished', counts) : t('import.progressText', counts)}
            </Text>
          </Stack>
        ) : null}
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        {result ? <ImportReport result={result} /> : null}
      </Stack>
    </Paper>
  );
}
