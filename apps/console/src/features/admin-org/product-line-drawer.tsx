import {
  Button,
  Drawer,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { notifyDone } from './notify';
import { ProductLine, ProductLineInput, STAGES, StageKey, useProductLine, useSaveProductLine } from './queries';
import { FormRefusal, useRefusal } from './refusal';

const FIELDS = [
  'name',
  'cycleDays',
  'cycleDays.min',
  'cycleDays.max',
  'stageLimitDays',
  ...STAGES.map((s) => `stageLimitDays.${s}`),
];

/** A new product line (`lineId` = 'new') or one to change: the expected cycle and the six stages' time limits. */
export function ProductLineDrawer({ lineId, onClose }: { lineId: string | null; onClose: () => void }) {
  const { t } = useTranslation('adminOrg');
  const editing = lineId !== null && lineId !== 'new' ? lineId : null;
  const line = useProductLine(editing);
  return (
    <Drawer
      opened={lineId !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={editing ? t('lines.editTitle', { name: line.data?.name ?? '' }) : t('lines.newTitle')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
    >
      {lineId === 'new' ? (
        <ProductLineForm onDone={onClose} />
      ) : editing && line.isPending ? (
        <Loading />
      ) : editing && line.isError ? (
        <ErrorState error={line.error} onRetry={() => void line.refetch()} />
      ) : line.data ? (
        <ProductLineForm key={`${line.data.id}-${line.data.version}`} line={line.data} onDone={onClose} />
      ) : null}
    </Drawer>
  );
}

type Days = number | string;

function ProductLineForm({ line, onDone }: { line?: ProductLine; onDone: () => void }) {
  const { t } = useTranslation(['adminOrg', 'common']);
  const format = useFormat();
  const save = useSaveProductLine();
  const { forField } = useRefusal(save.error);
  const [name, setName] = useState(line?.name ?? '');
  const [min, setMin] = useState<Days>(line?.cycleDays.min ?? '');
  const [max, setMax] = useState<Days>(line?.cycleDays.max ?? '');
  const [limits, setLimits] = useState<Record<StageKey, Days>>(
    () => Object.fromEntries(STAGES.map((s) => [s, line?.stageLimitDays[s] ?? ''])) as Record<StageKey, Days>,
  );
  const [active, setActive] = useState(line?.active ?? true);
  // What the limits add up to, beside the cycle they should fit (the server judges the fit).
  const total = STAGES.reduce<number>((sum, s) => sum + (Number(limits[s]) || 0), 0);
  const num = (value: Days) => (value === '' ? Number.NaN : Number(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: line?.id,
        version: line?.version,
        name,
        cycleDays: { min: num(min), max: num(max) },
        stageLimitDays: Object.fromEntries(
          STAGES.map((s) => [s, num(limits[s])]),
        ) as ProductLineInput['stageLimitDays'],
        active,
      },
      {
        onSuccess: (saved) => {
          notifyDone(t(line ? 'lines.saved' : 'lines.created', { name: saved.name }), t);
          onDone();
        },
      },
    );
  };
  const cycleError = forField('cycleDays');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormRefusal error={save.error} fields={FIELDS} />
        <TextInput
          label={t('lines.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={forField('name')}
        />
        <Fieldset legend={t('lines.cycleLegend')}>
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('lines.cycleMin')}
              required
              min={1}
              allowDecimal={false}
              value={min}
              onChange={setMin}
              error={forField('cycleDays.min') ?? (cycleError ? true : undefined)}
            />
            <NumberInput
              label={t('lines.cycleMax')}
              required
              min={1}
              allowDecimal={false}
              value={max}
              onChange={setMax}
              error={forField('cycleDays.max') ?? cycleError}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('lines.limitsLegend')}>
          <Stack gap="xs">
            <Text size="sm" c="gray.7">
              {t('lines.limitsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              {STAGES.map((stage) => (
                <NumberInput
                  key={stage}
                  label={t(`common:stages.${stage}`)}
                  required
                  min={1}
                  allowDecimal={false}
                  suffix={` ${t('lines.daysUnit')}`}
                  value={limits[stage]}
                  onChange={(value) => setLimits((current) => ({ ...current, [stage]: value }))}
                  error={forField(`stageLimitDays.${stage}`)}
                />
              ))}
            </SimpleGrid>
            <Text size="sm" role="status" c={forField('stageLimitDays') ? 'red.8' : undefined}>
              {forField('stageLimitDays') ?? t('lines.total', { total: format.number(total) })}
            </Text>
          </Stack>
        </Fieldset>
        <Switch
          label={t('lines.activeLabel')}
          description={t('lines.activeHint')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t(line ? 'form.save' : 'lines.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
