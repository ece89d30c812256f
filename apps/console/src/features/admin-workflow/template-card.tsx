import {
  ActionIcon,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateRow } from './template-draft';
import { TEMPLATE_GROUPS } from './queries';

/** One task of the list: its fields, and buttons to move or remove it. `text` gives a field's refusal. */
export function TemplateCard({
  row,
  index,
  count,
  tasks,
  text,
  onChange,
  onMove,
  onRemove,
}: {
  row: TemplateRow;
  index: number;
  count: number;
  /** Every task of the list, for the "done first" choices (shown by title, stored by key). */
  tasks: { key: string; title: string }[];
  text: (field: string) => string | undefined;
  onChange: (patch: Partial<TemplateRow>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('adminWorkflow');
  const n = index + 1;
  const at = `templates.${index}`;
  const headingId = `template-${row.uid}`;
  const titleOf = new Map(tasks.map((task) => [task.key, task.title.trim() || task.key]));
  const choices = [...new Set([...tasks.map((task) => task.key), ...row.dependsOn])]
    .filter((key) => key !== '' && key !== row.key)
    .map((key) => ({ value: key, label: titleOf.get(key) ?? key }));
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={3} size="h5" id={headingId}>
            {t('templates.task', { n, title: row.title.trim() || t('templates.untitled') })}
          </Title>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('templates.moveUp', { n })}
            >
              <span aria-hidden>↑</span>
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('templates.moveDown', { n })}
            >
              <span aria-hidden>↓</span>
            </ActionIcon>
            <ActionIcon variant="light" color="red.8" onClick={onRemove} aria-label={t('templates.remove', { n })}>
              <span aria-hidden>✕</span>
            </ActionIcon>
          </Group>
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('templates.taskTitle')}
            value={row.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
            error={text(`${at}.title`)}
            required
            w={320}
          />
          <TextInput
            label={t('templates.key')}
            description={t('templates.keyHint')}
            value={row.key}
            onChange={(e) => onChange({ key: e.currentTarget.value.trim() })}
            error={text(`${at}.key`)}
            required
            w={220}
          />
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('templates.group')}
            data={TEMPLATE_GROUPS.map((group) => ({ value: group, label: t(`templates.groups.${group}`) }))}
            value={row.group}
            onChange={(group) => group && onChange({ group: group })}
            allowDeselect={false}
            error={text(`${at}.group`)}
            w={160}
          />
          <MultiSelect
            label={t('templates.dependsOn')}
            placeholder={row.dependsOn.length === 0 ? t('templates.dependsOnNone') : undefined}
            data={choices}
            value={row.dependsOn}
            onChange={(dependsOn) => onChange({ dependsOn })}
            error={text(`${at}.dependsOn`)}
            searchable
            w={300}
          />
          <NumberInput
            label={t('templates.dueDays')}
            description={t('templates.dueDaysHint')}
            min={0}
            max={365}
            allowDecimal={false}
            value={row.dueDays}
            onChange={(v) => onChange({ dueDays: v === '' ? '' : Number(v) })}
            error={text(`${at}.dueDays`)}
            w={200}
          />
        </Group>
        <Checkbox
          label={t('templates.required')}
          checked={row.required}
          onChange={(e) => onChange({ required: e.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
