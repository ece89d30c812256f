import { Alert, Button, Group, Paper, Progress, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { FormError } from '../prospects/form-error';
import { Brief, ProspectDetail, textOf, useBrief } from '../prospects/queries';
import { useWrite } from '../prospects/use-write';

// The order the sections are asked in (the server names them in its checklist items).
export const BRIEF_SECTIONS = [
  'current_situation',
  'current_suppliers_and_purchases',
  'what_satisfies',
  'what_does_not_satisfy',
  'development_plans',
  'market_trends',
] as const;
type Section = (typeof BRIEF_SECTIONS)[number];

interface Draft {
  sections: Record<Section, string>;
  needs: { id?: string; text: string }[];
}

function draftOf(brief: Brief | null): Draft {
  const sections = Object.fromEntries(BRIEF_SECTIONS.map((s) => [s, brief?.sections[s] ?? ''])) as Record<
    Section,
    string
  >;
  const needs = brief?.needs.map((n) => ({ id: n.id, text: n.text })) ?? [];
  return { sections, needs: needs.length ? needs : [{ text: '' }] };
}

/** How far the brief is, from the server's checklist of the stage (never counted in the browser). */
function BriefProgress({ prospect, brief }: { prospect: ProspectDetail; brief: Brief | null }) {
  const { t } = useTranslation('briefs');
  const f = useFormat();
  const completedAt = textOf(brief?.completedAt);
  const parts = prospect.gate.items.filter((i) => i.code === 'brief_section' || i.code === 'brief_need');
  const stageDone = prospect.stage !== 'needs_identification' && prospect.stage !== 'primary_contact';
  const total = parts.length || BRIEF_SECTIONS.length + 1;
  const met = parts.length ? parts.filter((i) => i.met).length : stageDone && completedAt ? total : 0;
  const label = t('progressLabel', { met, total });
  return (
    <Stack gap={4}>
      <Progress.Root>
        <Progress.Section
          value={(met / total) * 100}
          aria-label={t('progress')}
          aria-valuetext={label}
          color="teal.8"
        />
      </Progress.Root>
      <Text size="sm" c="gray.7">
        {completedAt ? t('completed', { date: f.dateTime(completedAt) }) : label}
      </Text>
    </Stack>
  );
}

function BriefForm({
  prospect,
  brief,
  readOnly,
}: {
  prospect: ProspectDetail;
  brief: Brief | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation('briefs');
  const [draft, setDraft] = useState<Draft>(() => draftOf(brief));
  const id = prospect.id;
  const body = () => ({
    version: brief?.version,
    sections: Object.fromEntries(BRIEF_SECTIONS.map((s) => [s, draft.sections[s]])),
    needs: draft.needs.filter((n) => n.text.trim() !== '' || n.id).map((n) => ({ id: n.id, text: n.text })),
  });
  const save = useWrite(
    id,
    () => unwrap(api.PUT('/api/prospects/{id}/brief', { params: { path: { id } }, body: body() })),
    t('saved'),
    (saved) => setDraft(draftOf(saved)),
  );
  const complete = useWrite(
    id,
    async () => {
      const saved = await unwrap(api.PUT('/api/prospects/{id}/brief', { params: { path: { id } }, body: body() }));
      return unwrap(
        api.POST('/api/prospects/{id}/brief/complete', { params: { path: { id } }, body: { version: saved.version } }),
      );
    },
    t('completedToast'),
    (done) => setDraft(draftOf(done)),
  );
  const problem = (field: string) => save.fieldError(field) ?? complete.fieldError(field);
  const error = complete.apiError ?? save.apiError;
  const locked = readOnly || !!textOf(brief?.completedAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('title')}>
      <Stack gap="sm">
        {BRIEF_SECTIONS.map((section) => (
          <Textarea
            key={section}
            label={t(`sections.${section}`)}
            required
            autosize
            minRows={2}
            readOnly={locked}
            value={draft.sections[section]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, sections: { ...d.sections, [section]: value } }));
            }}
            error={problem(`sections.${section}`)}
          />
        ))}
        <Title order={3} size="h5" mt="sm">
          {t('needs.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('needs.hint')}
        </Text>
        {draft.needs.map((need, index) => (
          <Group key={need.id ?? `new-${index}`} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('needs.label', { n: index + 1 })}
              style={{ flex: 1 }}
              readOnly={locked}
              value={need.text}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, needs: d.needs.map((n, i) => (i === index ? { ...n, text: value } : n)) }));
              }}
              error={problem(`needs.${index}.text`)}
            />
            {locked ? null : (
              <Button
                variant="subtle"
                color="red.8"
                aria-label={t('needs.remove', { n: index + 1 })}
                onClick={() => setDraft((d) => ({ ...d, needs: d.needs.filter((_, i) => i !== index) }))}
              >
                ×
              </Button>
            )}
          </Group>
        ))}
        {error && !error.body.fields?.length ? <FormError error={error} /> : null}
        {locked ? null : (
          <Group>
            <Button variant="default" onClick={() => setDraft((d) => ({ ...d, needs: [...d.needs, { text: '' }] }))}>
              {t('needs.add')}
            </Button>
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('save')}
            </Button>
            <Button loading={complete.isPending} onClick={() => complete.mutate(undefined)}>
              {t('complete')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The brief of the prospect: required sections with the server's progress, the needs, save and complete. */
export function BriefTab({ prospect, readOnly }: { prospect: ProspectDetail; readOnly: boolean }) {
  const { t } = useTranslation('briefs');
  const brief = useBrief(prospect.id);
  return (
    <Paper component="section" aria-labelledby="brief-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="brief-title">
        {t('title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('intro')}
      </Text>
      {brief.isPending ? (
        <Loading />
      ) : brief.isError ? (
        <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />
      ) : (
        <Stack>
          <BriefProgress prospect={prospect} brief={brief.data} />
          {prospect.stage === 'primary_contact' && !brief.data ? (
            <Alert color="gray" variant="light">
              {t('notYet')}
            </Alert>
          ) : readOnly && !brief.data ? (
            <Text size="sm">{t('empty')}</Text>
          ) : (
            <BriefForm
              key={`${brief.data?.id ?? 'new'}-${brief.data?.version ?? 0}`}
              prospect={prospect}
              brief={brief.data}
              readOnly={readOnly}
            />
          )}
        </Stack>
      )}
    </Paper>
  );
}
