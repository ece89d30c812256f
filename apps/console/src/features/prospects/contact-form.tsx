import { Button, Checkbox, Group, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { FormError } from './form-error';
import { useWrite } from './use-write';

const EMPTY = { name: '', position: '', email: '', phone: '', decisionReason: '' };

/** Adds a contact; a decision-maker needs the reason why this person decides. */
export function ContactForm({ prospectId }: { prospectId: string }) {
  const { t } = useTranslation('prospects');
  const [form, setForm] = useState(EMPTY);
  const [isDecisionMaker, setDecisionMaker] = useState(false);
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/prospects/{id}/contacts', {
          params: { path: { id: prospectId } },
          body: {
            name: form.name.trim(),
            position: form.position.trim() || undefined,
            email: form.email.trim() || undefined,
            phone: form.phone.trim() || undefined,
            isDecisionMaker,
            decisionReason: isDecisionMaker ? form.decisionReason.trim() || undefined : undefined,
          },
        }),
      ),
    t('contacts.added'),
    () => {
      setForm(EMPTY);
      setDecisionMaker(false);
      setTried(false);
    },
  );
  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    error: write.fieldError(key),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.name.trim() || (isDecisionMaker && !form.decisionReason.trim())) return;
    write.mutate(undefined);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('contacts.add')}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5">
          {t('contacts.add')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('contacts.name')}
            required
            {...field('name')}
            error={tried && !form.name.trim() ? t('form.required') : write.fieldError('name')}
            miw={180}
          />
          <TextInput label={t('contacts.position')} {...field('position')} miw={180} />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('contacts.email')} type="email" {...field('email')} miw={180} />
          <TextInput label={t('contacts.phone')} type="tel" {...field('phone')} miw={180} />
        </Group>
        <Checkbox
          label={t('contacts.decisionMaker')}
          description={t('contacts.decisionMakerHint')}
          checked={isDecisionMaker}
          onChange={(e) => setDecisionMaker(e.currentTarget.checked)}
          error={write.fieldError('isDecisionMaker')}
        />
        {isDecisionMaker ? (
          <Textarea
            label={t('contacts.decisionReason')}
            required
            autosize
            minRows={2}
            {...field('decisionReason')}
            error={tried && !form.decisionReason.trim() ? t('form.required') : write.fieldError('decisionReason')}
          />
        ) : null}
        {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('contacts.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
