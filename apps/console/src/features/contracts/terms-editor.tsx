import '@mantine/dates/styles.css';
import { Button, Fieldset, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormError } from '../prospects/form-error';
import { notifyDone } from '../tasks/notify';
import { ContractCase, Terms, useEditTerms } from './queries';
import { blankItem, draftProblems, toSendable } from './terms-draft';

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v));

/**
 * Proposes new terms (PUT /api/contracts/{id}/terms, on the revision read): items (added, removed, described,
 * counted, priced), payment, discount, delivery, validity and clauses (added, removed). The draft is checked before
 * it is sent (terms-draft.ts); the server sends any deviation to the head for approval.
 */
export function TermsEditor({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const { t: tt } = useTranslation('tasks');
  const [opened, { open, close }] = useDisclosure(false);
  const [draft, setDraft] = useState<Terms>(contractCase.terms);
  const [checked, setChecked] = useState(false);
  const write = useEditTerms(contractCase.id);
  const error = write.error instanceof ApiError ? write.error : null;
  const problems = checked ? draftProblems(draft) : new Map<string, string>();
  // The form's own check first, then what the server named.
  const field = (name: string) => {
    const problem = problems.get(name);
    return problem ? t(`terms.edit.problems.${problem}`) : error?.problemsFor(`terms.${name}`);
  };
  const currency = contractCase.terms.items[0]?.currency ?? contractCase.baseline.items[0]?.currency ?? 'EUR';
  const start = () => {
    setDraft(structuredClone(contractCase.terms));
    setChecked(false);
    write.reset();
    open();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (draftProblems(draft).size > 0) return;
    write.mutate(
      { terms: toSendable(draft), revision: contractCase.termsRevision },
      { onSuccess: () => (notifyDone(t('terms.edit.saved'), tt('actions.closeToast')), close()) },
    );
  };
  const setItem = (i: number, change: Partial<Terms['items'][number]>) =>
    setDraft((d) => ({ ...d, items: d.items.map((x, j) => (j === i ? { ...x, ...change } : x)) }));
  const setClause = (i: number, value: string) =>
    setDraft((d) => ({ ...d, clauses: d.clauses.map((c, j) => (j === i ? value : c)) }));
  const shown = new Set([
    'terms.paymentDays',
    'terms.discountPercent',
    'terms.validUntil',
    'terms.delivery.days',
    'terms.delivery.text',
    ...draft.items.flatMap((_, i) => [`terms.items.${i}.unitPriceMinor`, `terms.items.${i}.quantity`]),
    ...draft.items.map((_, i) => `terms.items.${i}.description`),
    ...draft.clauses.map((_, i) => `terms.clauses.${i}`),
  ]);
  const otherProblem = error && !(error.body.fields ?? []).some((p) => shown.has(p.field.replace(/\[(\d+)\]/g, '.$1')));
  return (
    <>
      <Button size="sm" variant="outline" onClick={start}>
        {t('terms.propose')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('terms.edit.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('terms.edit.close') }}
      >
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" c="gray.7">
              {t('terms.edit.hint')}
            </Text>
            <Fieldset legend={t('terms.edit.items')} variant="unstyled">
              <Stack gap="sm">
                {draft.items.map((item, i) => {
                  const name = item.description.trim() || t('terms.edit.newItem', { n: i + 1 });
                  return (
                    <Group key={i} align="flex-start" gap="xs" wrap="wrap" data-item={i}>
                      <TextInput
                        label={t('terms.edit.description')}
                        aria-label={t('terms.edit.descriptionOf', { n: i + 1 })}
                        value={item.description}
                        onChange={(e) => setItem(i, { description: e.currentTarget.value })}
                        error={field(`items.${i}.description`)}
                        withAsterisk
                        style={{ flex: '2 1 180px' }}
                      />
                      <NumberInput
                        label={t('terms.edit.quantity')}
                        aria-label={t('terms.edit.quantityOf', { description: name })}
                        value={item.quantity}
                        min={0}
                        onChange={(v) => setItem(i, { quantity: num(v) })}
                        error={field(`items.${i}.quantity`)}
                        style={{ flex: '1 1 80px' }}
                      />
                      <NumberInput
                        label={t('terms.edit.unitPrice', { currency: item.currency })}
                        aria-label={t('terms.edit.price', { description: name, currency: item.currency })}
                        value={item.unitPriceMinor / 100}
                        min={0}
                        decimalScale={2}
                        onChange={(v) => setItem(i, { unitPriceMinor: Math.round(num(v) * 100) })}
                        error={field(`items.${i}.unitPriceMinor`)}
                        style={{ flex: '1 1 120px' }}
                      />
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        mt={26}
                        aria-label={t('terms.edit.removeItem', { description: name })}
                        onClick={() => setDraft((d) => ({ ...d, items: d.items.filter((_, j) => j !== i) }))}
                      >
                        {t('terms.edit.remove')}
                      </Button>
                    </Group>
                  );
                })}
                {field('items') ? (
                  <Text size="sm" c="red.8" role="alert">
                    {field('items')}
                  </Text>
                ) : null}
                <Button
                  variant="outline"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setDraft((d) => ({ ...d, items: [...d.items, blankItem(currency)] }))}
                >
                  {t('terms.edit.addItem')}
                </Button>
              </Stack>
            </Fieldset>
            <Group grow align="flex-start">
              <NumberInput
                label={t('terms.edit.paymentDays')}
                value={draft.paymentDays}
                min={0}
                allowDecimal={false}
                onChange={(v) => setDraft((d) => ({ ...d, paymentDays: num(v) }))}
                error={field('paymentDays')}
              />
              <NumberInput
                label={t('terms.edit.discountPercent')}
                value={draft.discountPercent}
                min={0}
                max={100}
                onChange={(v) => setDraft((d) => ({ ...d, discountPercent: num(v) }))}
                error={field('discountPercent')}
              />
            </Group>
            <Group grow align="flex-start">
              <NumberInput
                label={t('terms.edit.deliveryDays')}
                value={draft.delivery.days ?? ''}
                min={0}
                allowDecimal={false}
                onChange={(v) =>
                  setDraft((d) => ({ ...d, delivery: { ...d.delivery, days: v === '' ? null : num(v) } }))
                }
                error={field('delivery.days')}
              />
              <DateInput
                label={t('terms.edit.validUntil')}
                value={draft.validUntil}
                valueFormat="YYYY-MM-DD"
                onChange={(value) => setDraft((d) => ({ ...d, validUntil: value ?? d.validUntil }))}
                error={field('validUntil')}
              />
            </Group>
            <TextInput
              label={t('terms.edit.deliveryText')}
              value={draft.delivery.text ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, delivery: { ...d.delivery, text: value === '' ? null : value } }));
              }}
              error={field('delivery.text')}
            />
            <Fieldset legend={t('terms.edit.clauses')} variant="unstyled">
              <Stack gap="sm">
                {draft.clauses.map((clause, i) => (
                  <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                    <TextInput
                      aria-label={t('terms.edit.clause', { n: i + 1 })}
                      value={clause}
                      onChange={(e) => setClause(i, e.currentTarget.value)}
                      error={field(`clauses.${i}`)}
                      style={{ flex: 1 }}
                    />
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      mt={4}
                      aria-label={t('terms.edit.removeClause', { clause: clause.trim() || i + 1 })}
                      onClick={() => setDraft((d) => ({ ...d, clauses: d.clauses.filter((_, j) => j !== i) }))}
                    >
                      {t('terms.edit.remove')}
                    </Button>
                  </Group>
                ))}
                <Button
                  variant="outline"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setDraft((d) => ({ ...d, clauses: [...d.clauses, ''] }))}
                >
                  {t('terms.edit.addClause')}
                </Button>
              </Stack>
            </Fieldset>
            {otherProblem ? <FormError error={write.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('terms.edit.cancel')}
              </Button>
              <Button type="submit" loading={write.isPending}>
                {t('terms.edit.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
