import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { notifyDone } from './notify';
import { Norm, useNorms, useSaveNorm } from './queries';
import { FormRefusal, useRefusal } from './refusal';
import { WarningRules } from './warning-rules';

/** Rates (briefs, contracts per meeting held) are kept as 0..1 and edited as per cent. */
const isRate = (norm: Norm['norm']) => norm !== 'meetings_held';
const toInput = (value: number | null, rate: boolean): number | string =>
  value === null ? '' : rate ? Math.round(value * 10000) / 100 : value;
const fromInput = (value: number | string, rate: boolean): number | null =>
  value === '' ? null : rate ? Number(value) / 100 : Number(value);

/** /admin/norms: the sales norms every salesperson is measured against, and the early-warning rules. */
export function NormsPage() {
  const { t } = useTranslation('adminOrg');
  const norms = useNorms();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t('norms.title')}</Title>
        <Text size="sm" c="gray.7" maw={600}>
          {t('norms.intro')}
        </Text>
      </Stack>
      {norms.isPending ? (
        <Loading />
      ) : norms.isError ? (
        <ErrorState error={norms.error} onRetry={() => void norms.refetch()} />
      ) : norms.data.length === 0 ? (
        <Empty title={t('norms.empty')} />
      ) : (
        norms.data.map((norm) => <NormForm key={`${norm.norm}-${norm.version}`} norm={norm} />)
      )}
      <WarningRules />
    </Stack>
  );
}

function NormForm({ norm }: { norm: Norm }) {
  const { t } = useTranslation('adminOrg');
  const format = useFormat();
  const save = useSaveNorm();
  const { forField } = useRefusal(save.error);
  const rate = isRate(norm.norm);
  const [min, setMin] = useState<number | string>(toInput(norm.min, rate));
  const [max, setMax] = useState<number | string>(toInput(norm.max, rate));
  const [minExclusive, setMinExclusive] = useState(norm.minExclusive);
  const [flagAbove, setFlagAbove] = useState(norm.flagAbove);
  const id = `norm-${norm.norm}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        norm: norm.norm,
        version: norm.version,
        min: fromInput(min, rate),
        max: fromInput(max, rate),
        minExclusive,
        flagAbove,
      },
      { onSuccess: () => notifyDone(t('norms.saved', { name: t(`norms.names.${norm.norm}`) }), t) },
    );
  };
  const unit = rate ? t('norms.percent') : t('norms.perMonth');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={3} size="h4" id={id}>
              {t(`norms.names.${norm.norm}`)}
            </Title>
            <Text size="xs" c="gray.7">
              {t('norms.updated', { at: format.dateTime(norm.updatedAt) })}
            </Text>
          </Group>
          <FormRefusal error={save.error} fields={['min', 'max']} />
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberInput
              label={t('norms.min')}
              description={unit}
              min={0}
              max={rate ? 100 : undefined}
              value={min}
              onChange={setMin}
              error={forField('min')}
              w={180}
            />
            <NumberInput
              label={t('norms.max')}
              description={unit}
              min={0}
              max={rate ? 100 : undefined}
              value={max}
              onChange={setMax}
              error={forField('max')}
              w={180}
            />
            <Stack gap="xs" pt={28}>
              <Checkbox
                label={t('norms.minExclusive')}
                checked={minExclusive}
                onChange={(e) => setMinExclusive(e.currentTarget.checked)}
              />
              <Checkbox
                label={t('norms.flagAbove')}
                checked={flagAbove}
                onChange={(e) => setFlagAbove(e.currentTarget.checked)}
              />
            </Stack>
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
