import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notify } from './notify';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useCreateSample, useProductLines } from './queries';

const FIELDS = ['productLineId', 'title', 'rationale'] as const;

/** /samples/new: a draft sample for a product line, with its title and the segment rationale. */
export function NewSamplePage() {
  const { t } = useTranslation('samples');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const lines = useProductLines();
  const create = useCreateSample();
  const [productLineId, setProductLineId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const error = create.error instanceof ApiError ? create.error : null;

  const problem = (field: (typeof FIELDS)[number]) => {
    if (missing.has(field)) return tc('form.required');
    if (!error) return undefined;
    if (field === 'rationale' && error.body.code === 'funnel.sample_rationale_required')
      return t('create.rationaleRequired');
    return error.problemsFor(field);
  };
  const general = error && missing.size === 0 && !FIELDS.some((f) => problem(f)) ? error.message : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    // What is plainly missing is said here; everything else is the server's to judge.
    const empty = new Set<string>();
    if (!productLineId) empty.add('productLineId');
    if (title.trim() === '') empty.add('title');
    if (rationale === '') empty.add('rationale');
    setMissing(empty);
    if (empty.size > 0) return;
    try {
      const sample = await create.mutateAsync({ productLineId: productLineId!, title, rationale });
      notify('green', t('create.created', { title: sample.title }));
      void navigate(`/samples/${sample.id}`);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
    }
  }

  if (lines.isPending) return <Loading />;
  if (lines.isError) return <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />;
  const options = lines.data.items.filter((l) => l.active).map((l) => ({ value: l.id, label: l.name }));
  return (
    <Paper withBorder p="xl" radius="md" maw={720}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('create.title')}
          </Title>
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          {options.length === 0 ? <Text c="gray.7">{t('create.noProductLines')}</Text> : null}
          <Select
            label={t('create.productLine')}
            description={t('create.productLineHint')}
            data={options}
            value={productLineId}
            onChange={setProductLineId}
            required
            allowDeselect={false}
            error={problem('productLineId')}
          />
          <TextInput
            label={t('create.name')}
            description={t('create.nameHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={problem('title')}
          />
          <Textarea
            label={t('create.rationale')}
            description={t('create.rationaleHint')}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            required
            autosize
            minRows={5}
            maxLength={5000}
            error={problem('rationale')}
          />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/samples">
              {t('create.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
