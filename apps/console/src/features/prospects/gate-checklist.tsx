import { Group, List, Text, ThemeIcon } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** One item of the server's stage checklist (GET /api/prospects/{id} → gate.items, board cards → gate.missing). */
export interface GateItemLike {
  code: string;
  met: boolean;
  params?: Record<string, unknown>;
}

/** The sentence for one checklist item: what exists, or exactly what is still missing. Unknown codes fall back. */
export function gateSentence(t: TFunction, item: GateItemLike): string {
  const state = item.met ? 'met' : 'missing';
  const params = Object.fromEntries(
    Object.entries(item.params ?? {}).map(([k, v]) => [
      k,
      typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '',
    ]),
  );
  const section = params.section;
  if (section) {
    params.section = t(`prospects:gate.sections.${section}`, { defaultValue: section.replace(/_/g, ' ') });
  }
  const key = `prospects:gate.items.${item.code}.${state}`;
  return t(key, {
    ...params,
    defaultValue: t(`prospects:gate.unknown.${state}`, { code: item.code.replace(/_/g, ' ') }),
  });
}

function Mark({ met, label }: { met: boolean; label: string }) {
  return (
    <ThemeIcon size={20} radius="xl" color={met ? 'teal.9' : 'gray.7'} variant={met ? 'filled' : 'outline'}>
      <span aria-label={label} role="img" style={{ fontSize: 12, lineHeight: 1 }}>
        {met ? '✓' : '•'}
      </span>
    </ThemeIcon>
  );
}

/** The checklist of the current stage as sentences: a met item shows as done, a missing one names what is missing. */
export function GateChecklist({ items, title }: { items: GateItemLike[]; title?: string }) {
  const { t } = useTranslation('prospects');
  const met = items.filter((i) => i.met).length;
  return (
    <section aria-labelledby="gate-title">
      <Group justify="space-between" mb="xs">
        <Text id="gate-title" fw={600} component="h2" size="md" m={0}>
          {title ?? t('gate.title')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('gate.summary', { met, total: items.length })}
        </Text>
      </Group>
      <List spacing={6} center data-testid="gate-checklist">
        {items.map((item, index) => (
          <List.Item
            key={`${item.code}-${index}`}
            icon={<Mark met={item.met} label={item.met ? t('gate.done') : t('gate.missing')} />}
            data-met={item.met}
          >
            <Text size="sm" c={item.met ? 'gray.7' : undefined} fw={item.met ? 400 : 500}>
              {gateSentence(t, item)}
            </Text>
          </List.Item>
        ))}
      </List>
      {items.length > 0 && met === items.length ? (
        <Text size="sm" c="teal.9" mt="xs">
          {t('gate.allMet')}
        </Text>
      ) : null}
    </section>
  );
}
