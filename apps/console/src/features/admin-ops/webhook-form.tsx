import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';
import { notifyDone } from './notify';
import { type Webhook, useSaveWebhook } from './queries';

const EVENTS = [
  'prospect.stage_changed',
  'offer.defended',
  'prospect.stalled',
  'norm.breached',
  'early_warning.raised',
  'approval.step_opened',
  'approval.sla_breached',
  'approval.decided',
  'contract.opened',
  'task.assigned',
  'task.overdue',
  'contract.signed',
];

/** Create (webhook null) or edit a webhook; the server's refusals show on their fields. */
export function WebhookForm({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation('adminOps');
  const save = useSaveWebhook(webhook?.id ?? null);
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(webhook?.eventTypes ?? []);
  const [secret, setSecret] = useState('');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const refused = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => refused?.problemsFor(field);
  const named = ['url', 'eventTypes', 'secret', 'description'].some((f) => fieldError(f));
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={webhook ? t('webhooks.editOf', { url: webhook.url }) : t('webhooks.add')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { url, eventTypes, secret, description },
            {
              onSuccess: () => {
                notifyDone(webhook ? t('webhooks.saved') : t('webhooks.created'), t);
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          {save.error && !named ? <ErrorState error={save.error} /> : null}
          <TextInput
            label={t('webhooks.url')}
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldError('url')}
          />
          <MultiSelect
            label={t('webhooks.events')}
            required
            data={EVENTS}
            value={eventTypes}
            onChange={setEventTypes}
            error={fieldError('eventTypes')}
            searchable
          />
          <PasswordInput
            label={t('webhooks.secret')}
            required={!webhook}
            description={webhook ? t('webhooks.secretEditHint') : t('webhooks.secretHint')}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={fieldError('secret')}
          />
          <TextInput
            label={t('webhooks.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('webhooks.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
