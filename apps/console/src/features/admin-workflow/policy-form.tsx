import { Button, Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyDone } from '../admin-ops/notify';
import { ApproverFields } from './approver-fields';
import { type StepDraft, newStep, policyProblems, toPolicyBody, toStepDrafts } from './policy-draft';
import { type StoredPolicy, useSavePolicy } from './queries';
import { FormRefusal, isPlaced, normalField, useFieldText } from './refusal';

// Problems about the whole policy: the form has no single field for them.
const WHOLE = new Set(['steps', 'subjectKind']);

/** The steps of one policy, edited whole and saved with the version it was read at. */
export function PolicyForm({ stored, onDone }: { stored: StoredPolicy; onDone: () => void }) {
  const { t } = useTranslation('adminWorkflow');
  const { t: ops } = useTranslation('adminOps');
  const save = useSavePolicy();
  const [steps, setSteps] = useState<StepDraft[]>(() => toStepDrafts(stored));
  const problems = policyProblems(save.error);
  const placed = new Map([...problems].filter(([field]) => !WHOLE.has(field)));
  const general = [...problems].filter(([field]) => WHOLE.has(field)).map(([, p]) => p);
  const text = useFieldText(save.error, placed, (code) => `problems.${code}`);
  const wholeText = useFieldText(
    save.error,
    new Map(general.map((p) => [normalField(p.field), p])),
    (code) => `problems.${code}`,
  );
  const kind = t(`kinds.${stored.policy.subjectKind}`);
  const change = (index: number, patch: Partial<StepDraft>) =>
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...patch } : step)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { subjectKind: stored.policy.subjectKind, body: toPolicyBody(steps, stored.version) },
      {
        onSuccess: () => {
          notifyDone(t('policies.saved', { kind }), ops);
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('policies.editing', { kind })}>
      <Stack gap="md">
        <FormRefusal
          error={save.error}
          placed={isPlaced(save.error, placed)}
          general={general.map((p) => wholeText(normalField(p.field)) ?? p.message)}
        />
        {steps.map((step, index) => {
          const at = `steps.${index}`;
          const stepProblem = text(at) ?? text(`${at}.condition`);
          return (
            <Fieldset key={index} legend={t('policies.step', { n: index + 1 })}>
              <Stack gap="sm">
                <ApproverFields
                  label={t('policies.kind')}
                  value={step.approver}
                  onChange={(approver) => approver && change(index, { approver })}
                  at={`${at}.approver`}
                  text={text}
                />
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t('policies.amountAbove')}
                    min={0}
                    value={step.amountAbove}
                    onChange={(v) => change(index, { amountAbove: v === '' ? '' : Number(v) })}
                    error={text(`${at}.condition.amountAbove`)}
                    w={200}
                  />
                  <NumberInput
                    label={t('policies.discountAbove')}
                    min={0}
                    max={100}
                    value={step.discountPercentAbove}
                    onChange={(v) => change(index, { discountPercentAbove: v === '' ? '' : Number(v) })}
                    error={text(`${at}.condition.discountPercentAbove`)}
                    w={200}
                  />
                </Group>
                <Text size="xs" c="gray.7">
                  {t('policies.thresholdHint')}
                </Text>
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t('policies.dueAfter')}
                    min={1}
                    allowDecimal={false}
                    value={step.dueAfterMinutes}
                    onChange={(v) => change(index, { dueAfterMinutes: v === '' ? '' : Number(v) })}
                    error={text(`${at}.dueAfterMinutes`)}
                    w={200}
                  />
                  <NumberInput
                    label={t('policies.grace')}
                    min={1}
                    allowDecimal={false}
                    value={step.escalationGraceMinutes}
                    onChange={(v) => change(index, { escalationGraceMinutes: v === '' ? '' : Number(v) })}
                    error={text(`${at}.escalationGraceMinutes`)}
                    w={200}
                  />
                </Group>
                <ApproverFields
                  label={t('policies.escalation')}
                  value={step.escalateTo}
                  onChange={(escalateTo) => change(index, { escalateTo })}
                  at={`${at}.escalateTo`}
                  text={text}
                  optional
                />
                {stepProblem ? (
                  <Text size="sm" c="red.8" role="alert">
                    {stepProblem}
                  </Text>
                ) : null}
                {steps.length > 1 ? (
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red.8"
                      size="xs"
                      onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
                    >
                      {t('policies.removeStep', { n: index + 1 })}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() => setSteps((all) => [...all, newStep()])}
            disabled={steps.length >= 10}
          >
            {t('policies.addStep')}
          </Button>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
