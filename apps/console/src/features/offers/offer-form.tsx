import '@mantine/dates/styles.css';
import { Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { FormError } from '../prospects/form-error';
import { Brief, Offer } from '../prospects/queries';
import { useWrite } from '../prospects/use-write';
import { CURRENCIES, Draft, draftOf, isComplete, termsOf } from './offer-draft';
import { OfferItemsEditor } from './offer-items-editor';
import { OfferTermsFields } from './offer-terms-fields';

/** Drafts a new offer, or edits the current version while it may still change. */
export function OfferForm({ prospectId, offer, brief }: { prospectId: string; offer: Offer | null; brief: Brief }) {
  const { t } = useTranslation('offers');
  const [draft, setDraft] = useState<Draft>(() => draftOf(offer));
  const [tried, setTried] = useState(false);
  const needs = brief.needs.map((n) => ({ value: n.id, label: n.text }));
  const save = useWrite(
    prospectId,
    () =>
      offer
        ? unwrap(
            api.PATCH('/api/offers/{id}', {
              params: { path: { id: offer.id } },
              body: { ...termsOf(draft), version: offer.version },
            }),
          )
        : unwrap(
            api.POST('/api/prospects/{id}/offers', { params: { path: { id: prospectId } }, body: termsOf(draft) }),
          ),
    t('saved'),
  );
  const checks = {
    missing: (value: unknown) =>
      tried && (value === '' || value === null || Number.isNaN(value)) ? t('prospects:form.required') : undefined,
    fieldError: save.fieldError,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (isComplete(draft)) save.mutate(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={offer ? t('version', { n: offer.number }) : t('create')}>
      <Stack gap="sm">
        <Select
          label={t('currency')}
          required
          data={[...CURRENCIES]}
          value={draft.currency}
          onChange={(value) => setDraft((d) => ({ ...d, currency: value ?? 'HUF' }))}
          allowDeselect={false}
          w={140}
          error={save.fieldError('items.0.currency')}
        />
        <OfferItemsEditor
          items={draft.items}
          currency={draft.currency}
          needs={needs}
          onChange={(items) => setDraft((d) => ({ ...d, items }))}
          {...checks}
        />
        <OfferTermsFields terms={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} {...checks} />
        {save.apiError && !save.apiError.body.fields?.length ? <FormError error={save.apiError} /> : null}
        <Group>
          <Button type="submit" variant={offer ? 'default' : 'filled'} loading={save.isPending}>
            {offer ? t('save') : t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
