import '@mantine/dates/styles.css';
import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormError } from '../prospects/form-error';
import { notifyDone } from '../tasks/notify';
import { ContractCase, Terms, useEditTerms } from './queries';

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v));

/**
 * Proposes new terms (PUT /api/contracts/{id}/terms, on the revision read): prices, payment, discount, delivery
 * and validity. Items and clauses keep their list; the server sends any deviation to the head for approval.
 */
export function TermsEditor({ contractCase }: { contractCase: ContractCase }) {
  const { t } = useTranslation('contracts');
  const { t: tt } = useTranslation('tasks');
  const [opened, { open, close }] = useDisclosure(false);
  const [draft, setDraft] = useState<Terms>(contractCase.terms);
  const write = useEditTerms(contractCase.id);
  const error = write.error instanceof ApiError ? write.error : null;
  const field = (name: string) => error?.problemsFor(`terms.${name}`);
  const start = () => {
    setDraft(structuredClone(contractCase.terms));
    write.reset();
    open();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(
      { terms: draft, revision: contractCase.termsRevision },
      { onSuccess: () => (notifyDone(t('terms.edit.saved'), tt('actions.closeToast')), close()) },
    );
  };
  const shown = new Set([
    'terms.paymentDays',
    'terms.discountPercent',
    'terms.validUntil',
    'terms.delivery.days',
    'terms.delivery.text',
  ]);
  const otherProblem = error && !(error.body.fields ?? []).some((p) => shown.has(p.field.replace(/\[(\d+)\]/g, '.$1')));
  return (
    <>
      <Button size="sm" variant="outline" onClick={start}>
        {t('terms.propose')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('terms.edit.title')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm" c="gray.7">
              {t('terms.edit.hint')}
            </Text>
            {draft.items.map((item, i) => (
              <NumberInput
                key={item.productId}
                label={t('terms.edit.price', { description: item.description, currency: item.currency })}
                value={item.unitPriceMinor / 100}
                min={0}
                decimalScale={2}
                onChange={(v) =>
                  setDraft((d) => ({
                    ...d,
                    items: d.items.map((x, j) => (j === i ? { ...x, unitPriceMinor: Math.round(num(v) * 100) } : x)),
                  }))
                }
                error={field(`items.${i}.unitPriceMinor`)}
              />
            ))}
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
