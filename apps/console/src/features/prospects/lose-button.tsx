import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useLabelIn } from '../../i18n/labels';
import { FormError } from './form-error';
import { ProspectDetail, useLostReasons } from './queries';
import { useWrite } from './use-write';

/** Lost, with one of the configured reasons (and a note when the reason asks for one). */
export function LoseButton({ prospect }: { prospect: ProspectDetail }) {
  const { t } = useTranslation('prospects');
  const [opened, { open, close }] = useDisclosure(false);
  const reasons = useLostReasons();
  const labelIn = useLabelIn();
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const reason = reasons.data?.find((r) => r.code === code);
  const write = useWrite(
    prospect.id,
    () =>
      unwrap(
        api.POST('/api/prospects/{id}/lose', {
          params: { path: { id: prospect.id } },
          body: { version: prospect.version, reasonCode: code!, note: note.trim() || undefined },
        }),
      ),
    t('lose.done'),
    close,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!code || (reason?.noteRequired && !note.trim())) return;
    write.mutate(undefined);
  };
  return (
    <>
      <Button variant="outline" color="red.8" onClick={open}>
        {t('lose.action')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('lose.title')}
        closeButtonProps={{ 'aria-label': t('form.close') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label={t('lose.reason')}
              required
              data={(reasons.data ?? [])
                .filter((r) => r.active)
                .map((r) => ({ value: r.code, label: labelIn(r.labels) }))}
              value={code}
              onChange={setCode}
              error={tried && !code ? t('form.required') : write.fieldError('reasonCode')}
            />
            <Textarea
              label={t('lose.note')}
              required={reason?.noteRequired}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={tried && reason?.noteRequired && !note.trim() ? t('lose.noteRequired') : write.fieldError('note')}
            />
            {write.apiError && !write.apiError.body.fields?.length ? <FormError error={write.apiError} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:form.cancel')}
              </Button>
              <Button type="submit" color="red.8" loading={write.isPending}>
                {t('lose.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
