import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notify } from './notify';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FileCompany, ReportLine, importCompanies } from './csv-import';
import { sendBatch, useInvalidateSamples } from './queries';
import { reasonText } from './reasons';

const FIELD_OF: Record<string, 'name' | 'taxId' | 'website'> = {
  name_required: 'name',
  tax_id_invalid: 'taxId',
  website_invalid: 'website',
};

/** Adds one company by hand through the same endpoint and report as an import; reasons shown at their field. */
export function AddCompanyForm({ sampleId }: { sampleId: string }) {
  const { t } = useTranslation('samples');
  const invalidate = useInvalidateSamples();
  const [company, setCompany] = useState({ name: '', taxId: '', website: '' });
  const [line, setLine] = useState<ReportLine | null>(null);
  const add = useMutation({
    mutationFn: (input: FileCompany) => importCompanies([input], (items) => sendBatch(sampleId, items)),
    onSettled: () => invalidate(),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLine(null);
    try {
      const result = await add.mutateAsync({ row: 1, ...company });
      const [answer] = result.lines;
      if (answer?.outcome === 'accepted') {
        notify('green', t('add.added', { name: answer.name }));
        setCompany({ name: '', taxId: '', website: '' });
      } else setLine(answer ?? null);
    } catch (failure) {
      if (!(failure instanceof Error)) throw failure;
    }
  }

  const atField = (field: 'name' | 'taxId' | 'website') =>
    line?.reasons
      .filter((r) => FIELD_OF[r.code] === field || (field === 'name' && r.code === 'invalid_input'))
      .map((r) => reasonText(t, r, line))
      .join(' ') || undefined;
  const elsewhere = line?.reasons.filter((r) => !FIELD_OF[r.code] && r.code !== 'invalid_input') ?? [];
  const failure = add.error instanceof ApiError || add.error instanceof Error ? add.error.message : null;

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-company-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="add-company-heading">
            {t('add.heading')}
          </Title>
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          {line && elsewhere.length > 0 ? (
            <Alert color="yellow" role="alert">
              {elsewhere.map((r) => reasonText(t, r, line)).join(' ')}
            </Alert>
          ) : null}
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t('add.name')}
              required
              maxLength={300}
              value={company.name}
              error={atField('name')}
              onChange={(e) => setCompany({ ...company, name: e.currentTarget.value })}
              miw={200}
            />
            <TextInput
              label={t('add.taxId')}
              maxLength={40}
              value={company.taxId}
              error={atField('taxId')}
              onChange={(e) => setCompany({ ...company, taxId: e.currentTarget.value })}
              miw={160}
            />
            <TextInput
              label={t('add.website')}
              maxLength={300}
              value={company.website}
              error={atField('website')}
              onChange={(e) => setCompany({ ...company, website: e.currentTarget.value })}
              miw={180}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
